#ifndef CGNUPLOT_H
#define CGNUPLOT_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif

/// The gnuplot-iostream version this bridge was built against.
int cgnuplot_version(void);

/// Writes a gnuplot text data file at `path` through gnuplot-iostream's array writer:
/// `rows` lines of `columns` numbers (row-major `values`), full double precision, NaN as "nan".
/// When `block` > 0, a blank line follows every `block` rows (grid data for `with image`).
/// Returns 0 on success; otherwise a message is written into `message` (NUL-terminated).
int cgnuplot_write_table(const char *path, const double *values, size_t rows, size_t columns, size_t block,
                         char *message, size_t message_capacity);

/// Runs `executable` through a gnuplot-iostream pipe in `directory`, sends `commands` (for example
/// `load 'figure.gp'`) and waits for it to exit. gnuplot's error output is copied into `message`.
/// Returns gnuplot's exit status (0 on success), or -1 when the pipe could not be opened.
int cgnuplot_run(const char *executable, const char *directory, const char *commands,
                 char *message, size_t message_capacity);

#ifdef __cplusplus
}
#endif
#endif
