// ReadStat (Debian libreadstat-dev) writes SPSS .sav and Stata .dta files for `survey export`.
// It ships no pkg-config file; the header sits in /usr/include.
#include <readstat.h>
