/*
 * SHA-256 compression in portable C (FIPS 180-4 section 6.2.2), the software path of the native kernels.
 * Independent of the nanoCLR: builds with any C99 compiler (host gcc for the tests, xtensa/riscv gcc on the ESP32).
 */
#ifndef IOTMINER_SHA256_SOFT_H
#define IOTMINER_SHA256_SOFT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The initial hash value H(0) (FIPS 180-4 section 5.3.3). */
extern const uint32_t iotminer_sha256_iv[8];

/* The 64 round constants K (FIPS 180-4 section 4.2.2). */
extern const uint32_t iotminer_sha256_k[64];

/* Compresses one block, given as 16 big-endian message words, into state (8 words). */
void iotminer_sha256_compress(uint32_t state[8], const uint32_t block[16]);

/* Reads 4 bytes as a big-endian word (SHA-256 reads message bytes this way, FIPS 180-4 section 3.1). */
static inline uint32_t iotminer_read_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/* Reverses the bytes of a word: the header stores the nonce little-endian, SHA-256 reads big-endian words. */
static inline uint32_t iotminer_bswap32(uint32_t x)
{
    return (x >> 24) | ((x >> 8) & 0x0000FF00u) | ((x << 8) & 0x00FF0000u) | (x << 24);
}

#ifdef __cplusplus
}
#endif

#endif
