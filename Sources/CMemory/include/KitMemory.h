// How the kit's programs keep freed memory: see KitMemory.c.
#ifndef KIT_MEMORY_H
#define KIT_MEMORY_H

#ifdef __cplusplus
extern "C" {
#endif

/// Sets the allocator's thresholds (done at program start; safe to call again). Returns 1 where
/// the allocator took them (glibc), 0 elsewhere.
int kit_memory_configure(void);

/// 1 when the thresholds are in effect.
int kit_memory_configured(void);

#ifdef __cplusplus
}
#endif

#endif
