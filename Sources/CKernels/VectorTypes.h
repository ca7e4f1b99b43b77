// The vector types of the kit's kernels (GCC/Clang vector extensions): 4, 8 and 16 lanes of float,
// and of 32-bit integers for bit operations on them. Internal to CKernels.
#ifndef KIT_VECTOR_TYPES_H
#define KIT_VECTOR_TYPES_H

#include <stdint.h>

typedef float f4 __attribute__((vector_size(16)));
typedef uint32_t u4 __attribute__((vector_size(16)));
typedef int32_t i4 __attribute__((vector_size(16)));
typedef float f8 __attribute__((vector_size(32)));
typedef uint32_t u8 __attribute__((vector_size(32)));
typedef int32_t i8 __attribute__((vector_size(32)));
typedef float f16 __attribute__((vector_size(64)));
typedef uint32_t u16 __attribute__((vector_size(64)));
typedef int32_t i16 __attribute__((vector_size(64)));

#endif
