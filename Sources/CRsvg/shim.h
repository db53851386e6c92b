// librsvg (Debian librsvg2-2) draws a chart's SVG onto a cairo image surface, whose pixels libpng
// encodes: the PNG twins of report.md's charts and report.docx's pictures.
//
// survey does not link librsvg. It and the ~45 libraries it brings (cairo, pango, glib,
// fontconfig, harfbuzz, X11…) cost every command ~9 ms to map and relocate at start, and only the
// pictures need them, so `ChartPicture` opens librsvg when the first chart is drawn (dlopen) and
// looks up the functions below. Linking against librsvg's headers would also link the library
// (SwiftPM passes pkg-config's -l flags on), so these are the functions' C signatures from the
// headers of librsvg 2.52+ and cairo 1.x, whose ABI has not changed in those series: GLib's
// gboolean is int, gsize is size_t, cairo's enums are passed as int. The tests draw through them
// (ChartPictureTests: sizes, pixels read back by cairo, librsvg's error messages).
#include <stddef.h>
#include <stdint.h>

typedef struct _RsvgHandle RsvgHandle;
typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;

// GLib's GError.
typedef struct {
    uint32_t domain;
    int code;
    char *message;
} SurveyGError;

// librsvg's RsvgRectangle.
typedef struct {
    double x;
    double y;
    double width;
    double height;
} SurveyRsvgRectangle;

// cairo_format_t and cairo_status_t values used.
#define SURVEY_CAIRO_FORMAT_RGB24 1
#define SURVEY_CAIRO_STATUS_SUCCESS 0

typedef RsvgHandle *(*survey_rsvg_handle_new_from_data)(const uint8_t *data, size_t data_len, SurveyGError **error);
typedef int (*survey_rsvg_handle_get_intrinsic_size_in_pixels)(RsvgHandle *handle, double *out_width, double *out_height);
typedef int (*survey_rsvg_handle_render_document)(RsvgHandle *handle, cairo_t *cr, const SurveyRsvgRectangle *viewport, SurveyGError **error);
typedef void (*survey_g_object_unref)(void *object);
typedef void (*survey_g_error_free)(SurveyGError *error);
typedef int (*survey_cairo_format_stride_for_width)(int format, int width);
typedef cairo_surface_t *(*survey_cairo_image_surface_create_for_data)(unsigned char *data, int format, int width, int height, int stride);
typedef unsigned char *(*survey_cairo_image_surface_get_data)(cairo_surface_t *surface);
typedef int (*survey_cairo_image_surface_get_width)(cairo_surface_t *surface);
typedef int (*survey_cairo_image_surface_get_height)(cairo_surface_t *surface);
typedef int (*survey_cairo_image_surface_get_stride)(cairo_surface_t *surface);
typedef int (*survey_cairo_surface_status)(cairo_surface_t *surface);
typedef void (*survey_cairo_surface_flush)(cairo_surface_t *surface);
typedef void (*survey_cairo_surface_destroy)(cairo_surface_t *surface);
typedef cairo_t *(*survey_cairo_create)(cairo_surface_t *target);
typedef void (*survey_cairo_destroy)(cairo_t *cr);
typedef void (*survey_cairo_set_source_rgb)(cairo_t *cr, double red, double green, double blue);
typedef void (*survey_cairo_paint)(cairo_t *cr);
typedef void (*survey_cairo_scale)(cairo_t *cr, double sx, double sy);
typedef const char *(*survey_cairo_status_to_string)(int status);
