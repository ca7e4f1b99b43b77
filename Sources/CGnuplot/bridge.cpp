#include "CGnuplot.h"
#include <gnuplot-iostream.h>
extern "C" int cgnuplot_version(void) { return GNUPLOT_IOSTREAM_VERSION; }
