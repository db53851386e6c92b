// cairo's own PNG reader, for the tests only: it reads back the pictures survey draws through
// librsvg and encodes with libpng, an independent check of their pixels.
#include <cairo.h>
