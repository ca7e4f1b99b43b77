// Cairo for drawing, Pango for text with Unicode symbols and <sub>/<sup> markup.
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>
#include <cairo/cairo-svg.h>
#include <pango/pangocairo.h>
