// libpng (Debian libpng-dev) encodes the charts' pictures: its simplified write API
// (png_image_write_to_memory), which needs no setjmp, with PNG_IMAGE_FLAG_FAST.
#include <png.h>
