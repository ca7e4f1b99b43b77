#include "KitMuJoCo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

static void kit_mujoco_ignore_warning(const char *message) { (void)message; }

static void kit_mujoco_install_warning_handler(void) { mju_user_warning = kit_mujoco_ignore_warning; }

void kit_mujoco_silence_warnings(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, kit_mujoco_install_warning_handler);
}

mjModel *kit_mujoco_load_xml_string(const char *name, const char *xml, char *error, int error_size) {
    if (error && error_size > 0) error[0] = '\0';
    size_t length = strlen(xml);
    if (length > (size_t)0x7fffffff) {
        if (error && error_size > 0) snprintf(error, (size_t)error_size, "the model text is too long");
        return NULL;
    }
    // mjVFS holds 2000 file names of 1000 bytes: too large for the stack.
    mjVFS *vfs = (mjVFS *)malloc(sizeof(mjVFS));
    if (!vfs) {
        if (error && error_size > 0) snprintf(error, (size_t)error_size, "out of memory");
        return NULL;
    }
    mj_defaultVFS(vfs);
    int status = mj_makeEmptyFileVFS(vfs, name, (int)length);
    if (status != 0) {
        if (error && error_size > 0)
            snprintf(error, (size_t)error_size, "could not create the in-memory file (MuJoCo status %d)", status);
        free(vfs);
        return NULL;
    }
    int index = mj_findFileVFS(vfs, name);
    memcpy(vfs->filedata[index], xml, length);
    mjModel *model = mj_loadXML(name, vfs, error, error_size);
    mj_deleteVFS(vfs);
    free(vfs);
    return model;
}
