#ifndef CGNUPLOT_H
#define CGNUPLOT_H
#ifdef __cplusplus
extern "C" {
#endif
/// Placeholder: the gnuplot bridge (filled in by the plotting work).
int cgnuplot_version(void);
#ifdef __cplusplus
}
#endif
#endif
