// libcsv (Debian libcsv-dev) ships no pkg-config file; the header sits in /usr/include.
#include <csv.h>
