// librsvg (Debian librsvg2-dev) draws a chart's SVG onto a cairo image surface, which cairo
// writes as PNG: the PNG twins of report.md's charts. Include paths come from pkg-config
// (librsvg-2.0 pulls in glib, gdk-pixbuf and cairo).
#include <librsvg/rsvg.h>
#include <cairo.h>
