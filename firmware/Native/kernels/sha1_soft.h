/*
 * SHA-1 in portable C (FIPS 180-4 section 6.1.2), for the DUCO-S1 kernel. Independent of the nanoCLR.
 */
#ifndef IOTMINER_SHA1_SOFT_H
#define IOTMINER_SHA1_SOFT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The initial hash value H(0) (FIPS 180-4 section 5.3.1). */
extern const uint32_t iotminer_sha1_iv[5];

/* Expands the 16 message words in w[0..15] into w[16..79] (FIPS 180-4 section 6.1.2 step 1). */
void iotminer_sha1_expand(uint32_t w[80]);

/* Runs rounds first..last on the working variables s = {a, b, c, d, e} with the expanded schedule w. */
void iotminer_sha1_rounds(uint32_t s[5], const uint32_t w[80], int first, int last);

/* Compresses one block of 16 big-endian words into state (5 words). */
void iotminer_sha1_compress(uint32_t state[5], const uint32_t block[16]);

#ifdef __cplusplus
}
#endif

#endif
