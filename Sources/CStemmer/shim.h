// Snowball stemmers from Debian libstemmer-dev.
#include <libstemmer.h>
