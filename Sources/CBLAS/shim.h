// OpenBLAS's CBLAS interface (Debian: libopenblas-dev puts cblas.h in the multiarch include path).
#include <cblas.h>
