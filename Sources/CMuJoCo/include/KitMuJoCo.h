// The MuJoCo C API (Debian's libmujoco-dev, headers in /usr/include/mujoco, no pkg-config file),
// plus the one helper the kit needs that Swift cannot write comfortably: loading a model from a
// string goes through MuJoCo's virtual file system, a 2 MB struct of fixed-size C arrays.
#ifndef KIT_MUJOCO_H
#define KIT_MUJOCO_H

#include <mujoco/mujoco.h>

/// Compiles the MJCF text `xml` (NUL-terminated) as if it were a file called `name` and returns
/// the model, or NULL with MuJoCo's message in `error` (at most `error_size` bytes, NUL-terminated).
mjModel *kit_mujoco_load_xml_string(const char *name, const char *xml, char *error, int error_size);

/// Routes MuJoCo's warnings (unstable simulation, too many contacts, ...) to a handler that does
/// nothing, instead of printing them and appending them to MUJOCO_LOG.TXT in the working directory.
/// The warnings are still counted in `mjData.warning`. Safe to call any number of times, from any thread.
void kit_mujoco_silence_warnings(void);

#endif
