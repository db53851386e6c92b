private import CPNG

/// Encodes a chart's pixels as PNG with libpng's simplified API. The only file that calls libpng.
///
/// cairo's own PNG writer lets libpng try every row filter and compress at zlib's default level:
/// on the charts of a 30-question report that was half of what the report cost beyond its
/// statistics. Flat-coloured charts gain little from either, so `PNG_IMAGE_FLAG_FAST` (no
/// filters, a fast zlib level) draws the same pixels several times faster into files a little
/// larger. The simplified API reports errors through its `png_image` rather than longjmp, which
/// Swift frames cannot survive.
enum PNGImage {
    /// The PNG of `height` rows of `width` opaque pixels laid out as cairo's RGB24 surfaces keep
    /// them: 32 bits per pixel, blue in the low byte, `stride` bytes from one row to the next.
    static func encode(xrgb pixels: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int) -> Result<[UInt8], PNGImageError> {
        // Three bytes per pixel in libpng's BGR order: the 32-bit words minus their unused byte.
        // Four pixels (16 bytes) become 12 in three 32-bit stores: byte by byte, this loop was
        // as costly as zlib's compression of the result. Into memory an earlier chart is done
        // with (`PixelScratch`).
        let memory = PixelScratch.shared.take(width * height * 3)
        defer { PixelScratch.shared.giveBack(memory) }
        let out = memory.pointer.bindMemory(to: UInt8.self, capacity: width * height * 3)
        let target = memory.pointer
        for row in 0..<height {
            let words = pixels.baseAddress!.advanced(by: row * stride).assumingMemoryBound(to: UInt32.self)
            var at = row * width * 3
            var column = 0
            while column + 4 <= width {
                let (w0, w1, w2, w3) = (UInt32(littleEndian: words[column]), UInt32(littleEndian: words[column + 1]),
                                        UInt32(littleEndian: words[column + 2]), UInt32(littleEndian: words[column + 3]))
                target.storeBytes(of: ((w0 & 0xFF_FFFF) | w1 << 24).littleEndian, toByteOffset: at, as: UInt32.self)
                target.storeBytes(of: ((w1 >> 8 & 0xFFFF) | w2 << 16).littleEndian, toByteOffset: at + 4, as: UInt32.self)
                target.storeBytes(of: ((w2 >> 16 & 0xFF) | w3 << 8).littleEndian, toByteOffset: at + 8, as: UInt32.self)
                at += 12
                column += 4
            }
            while column < width {
                let word = UInt32(littleEndian: words[column])
                out[at] = UInt8(truncatingIfNeeded: word)
                out[at + 1] = UInt8(truncatingIfNeeded: word >> 8)
                out[at + 2] = UInt8(truncatingIfNeeded: word >> 16)
                at += 3
                column += 1
            }
        }
        let input = UnsafeBufferPointer(start: out, count: width * height * 3)
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        image.width = png_uint_32(width)
        image.height = png_uint_32(height)
        image.format = png_uint_32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_BGR)
        image.flags = png_uint_32(PNG_IMAGE_FLAG_FAST)
        defer { png_image_free(&image) }

        // Room for the pixels stored uncompressed plus zlib's and the chunks' framing, so one
        // call does; libpng says the size it needed when a buffer is too small.
        var size = png_alloc_size_t(height * (width * 3 + 1) + height * (width * 3 + 1) / 256 + 4096)
        for _ in 0..<2 {
            // Uninitialised: libpng writes what it keeps, and the untouched rest of a buffer
            // this size is never paged in.
            var written: Int32 = 0
            let png = [UInt8](unsafeUninitializedCapacity: Int(size)) { out, initialized in
                written = png_image_write_to_memory(&image, out.baseAddress, &size, 0, input.baseAddress, png_int_32(width * 3), nil)
                initialized = written != 0 ? Int(size) : 0
            }
            if written != 0 { return .success(png) }
            if image.warning_or_error & 3 >= 2 { break }
        }
        return .failure(PNGImageError(message: message(image)))
    }

    private static func message(_ image: png_image) -> String {
        withUnsafeBytes(of: image.message) { bytes in
            String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
    }
}

/// libpng's own words for why it could not write the picture.
struct PNGImageError: Error {
    var message: String
}
