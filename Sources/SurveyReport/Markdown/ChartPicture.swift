private import CRsvg
import Foundation

/// The PNG twin of a chart's SVG, for tools that cannot show SVG (older Word, some wikis and
/// mail clients): librsvg draws the SVG onto a cairo image surface and libpng encodes its
/// pixels (`PNGImage`). The only file that calls librsvg or cairo.
///
/// Drawn at twice the SVG's size (crisp in print and on high-density screens), on white like the
/// SVG itself. Same SVG and same librsvg/cairo/fonts give the same bytes: cairo writes no time
/// stamp, and neither does libpng. Text is set with whatever fonts fontconfig finds (DejaVu on
/// Debian), so the twin's words may wrap a little differently from the browser's.
///
/// librsvg is opened with the first chart (`Rsvg`), not linked: commands that draw no chart start
/// without it and the ~45 libraries it brings.
enum ChartPicture {
    /// Starts opening librsvg on another thread, for a command that will draw charts, and draws
    /// a line of the charts' text with it: the library and fontconfig's font set (~7 ms, once
    /// per process) then load while the definition and the head of the responses are read on
    /// one core, not when the first chart is drawn.
    static func openLibraryAhead() {
        Thread.detachNewThread {
            let line = #"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="20" font-family="\#(ReportStyle.fontStack)" font-size="13"><text x="1" y="15">Ok, очень 47%</text></svg>"#
            _ = try? pngs(svg: line, name: "warm-up", scales: [1])
        }
    }

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
        let rsvg: Rsvg
        switch Rsvg.library {
        case .success(let library): rsvg = library
        case .failure(let failure): throw .chartPictureFailed(chart: name, reason: failure.reason)
        }
        let bytes = Array(svg.utf8)
        var gError: UnsafeMutablePointer<SurveyGError>?
        let loaded = bytes.withUnsafeBufferPointer { buffer in
            rsvg.rsvg_handle_new_from_data(buffer.baseAddress, buffer.count, &gError)
        }
        guard let handle = loaded else { throw failure(name, "librsvg cannot read the SVG", gError, rsvg) }
        defer { rsvg.g_object_unref(UnsafeMutableRawPointer(handle)) }

        var width = 0.0, height = 0.0
        guard rsvg.rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0, width > 0, height > 0 else {
            throw .chartPictureFailed(chart: name, reason: "the SVG has no width and height in pixels")
        }
        var pictures: [[UInt8]] = []
        for scale in scales {
            pictures.append(try draw(handle, rsvg: rsvg, name: name, width: width, height: height, scale: scale))
        }
        return pictures
    }

    /// One picture of a loaded SVG.
    private static func draw(_ handle: OpaquePointer, rsvg: Rsvg, name: String, width: Double, height: Double, scale: Double) throws(ReportError) -> [UInt8] {
        var gError: UnsafeMutablePointer<SurveyGError>?
        let scale = min(scale, maxSide / max(width, height))
        let (columns, rows) = (Int32((width * scale).rounded(.up)), Int32((height * scale).rounded(.up)))
        // Drawn into memory an earlier chart is done with (`PixelScratch`); the white paint
        // below covers every pixel, so it needs no clearing.
        let rowBytes = rsvg.cairo_format_stride_for_width(SURVEY_CAIRO_FORMAT_RGB24, columns)
        let memory = PixelScratch.shared.take(Int(max(rowBytes, 0)) * Int(rows))
        defer { PixelScratch.shared.giveBack(memory) }
        let surface = rsvg.cairo_image_surface_create_for_data(memory.pointer.assumingMemoryBound(to: UInt8.self), SURVEY_CAIRO_FORMAT_RGB24, columns, rows, rowBytes)
        defer { rsvg.cairo_surface_destroy(surface) }
        guard rsvg.cairo_surface_status(surface) == SURVEY_CAIRO_STATUS_SUCCESS else { throw cairoFailure(name, rsvg.cairo_surface_status(surface), rsvg) }
        let context = rsvg.cairo_create(surface)
        defer { rsvg.cairo_destroy(context) }
        rsvg.cairo_set_source_rgb(context, 1, 1, 1)
        rsvg.cairo_paint(context)
        rsvg.cairo_scale(context, scale, scale)
        var viewport = SurveyRsvgRectangle(x: 0, y: 0, width: width, height: height)
        guard rsvg.rsvg_handle_render_document(handle, context, &viewport, &gError) != 0 else {
            throw failure(name, "librsvg cannot draw the SVG", gError, rsvg)
        }
        rsvg.cairo_surface_flush(surface)

        guard let data = rsvg.cairo_image_surface_get_data(surface) else {
            throw .chartPictureFailed(chart: name, reason: "cairo gave no pixels")
        }
        let stride = Int(rsvg.cairo_image_surface_get_stride(surface))
        let pixels = UnsafeRawBufferPointer(start: data, count: stride * Int(rsvg.cairo_image_surface_get_height(surface)))
        switch PNGImage.encode(xrgb: pixels, width: Int(rsvg.cairo_image_surface_get_width(surface)), height: Int(rsvg.cairo_image_surface_get_height(surface)), stride: stride) {
        case .success(let png): return png
        case .failure(let error): throw .chartPictureFailed(chart: name, reason: "libpng: " + error.message)
        }
    }

    /// The error, with librsvg's own message (and the GError freed).
    private static func failure(_ name: String, _ what: String, _ gError: UnsafeMutablePointer<SurveyGError>?, _ rsvg: Rsvg) -> ReportError {
        var reason = what
        if let gError {
            if let message = gError.pointee.message { reason += ": " + String(cString: message) }
            rsvg.g_error_free(gError)
        }
        return .chartPictureFailed(chart: name, reason: reason)
    }

    private static func cairoFailure(_ name: String, _ status: Int32, _ rsvg: Rsvg) -> ReportError {
        .chartPictureFailed(chart: name, reason: "cairo: " + (rsvg.cairo_status_to_string(status).map { String(cString: $0) } ?? "status \(status)"))
    }
}

/// The functions of librsvg, cairo and glib that `ChartPicture` calls, looked up once in librsvg
/// opened when the first chart is drawn (Sources/CRsvg/shim.h says why it is not linked). The
/// names are the C ones, so a call reads as the library's documentation does; dlsym on librsvg's
/// handle finds cairo's and glib's functions too, as libraries librsvg itself loads.
private struct Rsvg: @unchecked Sendable {
    /// The runtime library (Debian's librsvg2-2, which librsvg2-dev depends on).
    /// `SURVEY_TEST_RSVG_LIBRARY` names another, for the test of a machine without it.
    static let soname = ProcessInfo.processInfo.environment["SURVEY_TEST_RSVG_LIBRARY"] ?? "librsvg-2.so.2"

    /// Opened on first use, by whichever thread draws first; every later chart finds it here.
    static let library = Result { () throws(LoadFailure) in try load() }

    struct LoadFailure: Error {
        let reason: String
    }

    let rsvg_handle_new_from_data: survey_rsvg_handle_new_from_data
    let rsvg_handle_get_intrinsic_size_in_pixels: survey_rsvg_handle_get_intrinsic_size_in_pixels
    let rsvg_handle_render_document: survey_rsvg_handle_render_document
    let g_object_unref: survey_g_object_unref
    let g_error_free: survey_g_error_free
    let cairo_format_stride_for_width: survey_cairo_format_stride_for_width
    let cairo_image_surface_create_for_data: survey_cairo_image_surface_create_for_data
    let cairo_image_surface_get_data: survey_cairo_image_surface_get_data
    let cairo_image_surface_get_width: survey_cairo_image_surface_get_width
    let cairo_image_surface_get_height: survey_cairo_image_surface_get_height
    let cairo_image_surface_get_stride: survey_cairo_image_surface_get_stride
    let cairo_surface_status: survey_cairo_surface_status
    let cairo_surface_flush: survey_cairo_surface_flush
    let cairo_surface_destroy: survey_cairo_surface_destroy
    let cairo_create: survey_cairo_create
    let cairo_destroy: survey_cairo_destroy
    let cairo_set_source_rgb: survey_cairo_set_source_rgb
    let cairo_paint: survey_cairo_paint
    let cairo_scale: survey_cairo_scale
    let cairo_status_to_string: survey_cairo_status_to_string

    private static func load() throws(LoadFailure) -> Rsvg {
        guard let handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL) else {
            let cause = dlerror().map { String(cString: $0) } ?? "not found"
            throw LoadFailure(reason: "cannot load librsvg (\(cause)); install it with `apt-get install librsvg2-2` (or `make deps`)")
        }
        func look<Function>(_ name: String) throws(LoadFailure) -> Function {
            guard let symbol = dlsym(handle, name) else {
                throw LoadFailure(reason: "\(soname) has no function \(name) (librsvg 2.52 or later is needed)")
            }
            return unsafeBitCast(symbol, to: Function.self)
        }
        return Rsvg(
            rsvg_handle_new_from_data: try look("rsvg_handle_new_from_data"),
            rsvg_handle_get_intrinsic_size_in_pixels: try look("rsvg_handle_get_intrinsic_size_in_pixels"),
            rsvg_handle_render_document: try look("rsvg_handle_render_document"),
            g_object_unref: try look("g_object_unref"),
            g_error_free: try look("g_error_free"),
            cairo_format_stride_for_width: try look("cairo_format_stride_for_width"),
            cairo_image_surface_create_for_data: try look("cairo_image_surface_create_for_data"),
            cairo_image_surface_get_data: try look("cairo_image_surface_get_data"),
            cairo_image_surface_get_width: try look("cairo_image_surface_get_width"),
            cairo_image_surface_get_height: try look("cairo_image_surface_get_height"),
            cairo_image_surface_get_stride: try look("cairo_image_surface_get_stride"),
            cairo_surface_status: try look("cairo_surface_status"),
            cairo_surface_flush: try look("cairo_surface_flush"),
            cairo_surface_destroy: try look("cairo_surface_destroy"),
            cairo_create: try look("cairo_create"),
            cairo_destroy: try look("cairo_destroy"),
            cairo_set_source_rgb: try look("cairo_set_source_rgb"),
            cairo_paint: try look("cairo_paint"),
            cairo_scale: try look("cairo_scale"),
            cairo_status_to_string: try look("cairo_status_to_string")
        )
    }
}
