private import CRsvg

/// The PNG twin of a chart's SVG, for tools that cannot show SVG (older Word, some wikis and
/// mail clients): librsvg draws the SVG onto a cairo image surface and libpng encodes its
/// pixels (`PNGImage`). The only file that calls librsvg or cairo.
///
/// Drawn at twice the SVG's size (crisp in print and on high-density screens), on white like the
/// SVG itself. Same SVG and same librsvg/cairo/fonts give the same bytes: cairo writes no time
/// stamp, and neither does libpng. Text is set with whatever fonts fontconfig finds (DejaVu on
/// Debian), so the twin's words may wrap a little differently from the browser's.
enum ChartPicture {
    /// Pixels per SVG pixel.
    static let scale = 2.0
    /// No side of a twin is longer than this many pixels: a chart with hundreds of bars is drawn
    /// at a smaller scale instead of asking cairo for a surface it cannot make (its limit is 32,767).
    static let maxSide = 16_384.0

    /// The PNG bytes of `svg` drawn at `scale` pixels per SVG pixel (report.docx asks for
    /// print resolution); `name` only names the chart in errors.
    static func png(svg: String, name: String, scale: Double = ChartPicture.scale) throws(ReportError) -> [UInt8] {
        try pngs(svg: svg, name: name, scales: [scale])[0]
    }

    /// The PNG bytes of `svg` drawn at each of `scales`, from one parse of the SVG: the twin and
    /// report.docx's picture of a chart share its parsing and text layout.
    static func pngs(svg: String, name: String, scales: [Double]) throws(ReportError) -> [[UInt8]] {
        let bytes = Array(svg.utf8)
        var gError: UnsafeMutablePointer<GError>?
        let loaded = bytes.withUnsafeBufferPointer { buffer in
            rsvg_handle_new_from_data(buffer.baseAddress, gsize(buffer.count), &gError)
        }
        guard let handle = loaded else { throw failure(name, "librsvg cannot read the SVG", gError) }
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }

        var width = 0.0, height = 0.0
        guard rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0, width > 0, height > 0 else {
            throw .chartPictureFailed(chart: name, reason: "the SVG has no width and height in pixels")
        }
        var pictures: [[UInt8]] = []
        for scale in scales {
            pictures.append(try draw(handle, name: name, width: width, height: height, scale: scale))
        }
        return pictures
    }

    /// One picture of a loaded SVG.
    private static func draw(_ handle: UnsafeMutablePointer<RsvgHandle>, name: String, width: Double, height: Double, scale: Double) throws(ReportError) -> [UInt8] {
        var gError: UnsafeMutablePointer<GError>?
        let scale = min(scale, maxSide / max(width, height))
        let (columns, rows) = (Int32((width * scale).rounded(.up)), Int32((height * scale).rounded(.up)))
        // Drawn into memory an earlier chart is done with (`PixelScratch`); the white paint
        // below covers every pixel, so it needs no clearing.
        let rowBytes = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, columns)
        let memory = PixelScratch.shared.take(Int(max(rowBytes, 0)) * Int(rows))
        defer { PixelScratch.shared.giveBack(memory) }
        let surface = cairo_image_surface_create_for_data(memory.pointer.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_RGB24, columns, rows, rowBytes)
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { throw cairoFailure(name, cairo_surface_status(surface)) }
        let context = cairo_create(surface)
        defer { cairo_destroy(context) }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        var viewport = RsvgRectangle(x: 0, y: 0, width: width, height: height)
        guard rsvg_handle_render_document(handle, context, &viewport, &gError) != 0 else {
            throw failure(name, "librsvg cannot draw the SVG", gError)
        }
        cairo_surface_flush(surface)

        guard let data = cairo_image_surface_get_data(surface) else {
            throw .chartPictureFailed(chart: name, reason: "cairo gave no pixels")
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let pixels = UnsafeRawBufferPointer(start: data, count: stride * Int(cairo_image_surface_get_height(surface)))
        switch PNGImage.encode(xrgb: pixels, width: Int(cairo_image_surface_get_width(surface)), height: Int(cairo_image_surface_get_height(surface)), stride: stride) {
        case .success(let png): return png
        case .failure(let error): throw .chartPictureFailed(chart: name, reason: "libpng: " + error.message)
        }
    }

    /// The error, with librsvg's own message (and the GError freed).
    private static func failure(_ name: String, _ what: String, _ gError: UnsafeMutablePointer<GError>?) -> ReportError {
        var reason = what
        if let gError {
            if let message = gError.pointee.message { reason += ": " + String(cString: message) }
            g_error_free(gError)
        }
        return .chartPictureFailed(chart: name, reason: reason)
    }

    private static func cairoFailure(_ name: String, _ status: cairo_status_t) -> ReportError {
        .chartPictureFailed(chart: name, reason: "cairo: " + String(cString: cairo_status_to_string(status)))
    }
}
