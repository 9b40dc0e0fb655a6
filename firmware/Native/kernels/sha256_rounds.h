/*
 * The SHA-256 functions and rounds shared by the software kernels (FIPS 180-4 sections 4.1.2 and 6.2.2).
 * Internal to firmware/Native/kernels.
 */
#ifndef IOTMINER_SHA256_ROUNDS_H
#define IOTMINER_SHA256_ROUNDS_H

#include <stdint.h>

#include "sha256_soft.h"

#define IOTMINER_ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
#define IOTMINER_BSIG0(x) (IOTMINER_ROTR((x), 2) ^ IOTMINER_ROTR((x), 13) ^ IOTMINER_ROTR((x), 22))
#define IOTMINER_BSIG1(x) (IOTMINER_ROTR((x), 6) ^ IOTMINER_ROTR((x), 11) ^ IOTMINER_ROTR((x), 25))
#define IOTMINER_SSIG0(x) (IOTMINER_ROTR((x), 7) ^ IOTMINER_ROTR((x), 18) ^ ((x) >> 3))
#define IOTMINER_SSIG1(x) (IOTMINER_ROTR((x), 17) ^ IOTMINER_ROTR((x), 19) ^ ((x) >> 10))
#define IOTMINER_CH(x, y, z) (((x) & (y)) ^ (~(x) & (z)))
#define IOTMINER_MAJ(x, y, z) (((x) & (y)) ^ ((x) & (z)) ^ ((y) & (z)))

/* Rounds first..last on s = {a..h} with the expanded schedule w, in locals (registers on the ESP32's Xtensa). */
static inline void iotminer_sha256_rounds(uint32_t s[8], const uint32_t w[64], int first, int last)
{
    uint32_t a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
    for (int t = first; t <= last; t++) {
        uint32_t t1 = h + IOTMINER_BSIG1(e) + IOTMINER_CH(e, f, g) + iotminer_sha256_k[t] + w[t];
        uint32_t t2 = IOTMINER_BSIG0(a) + IOTMINER_MAJ(a, b, c);
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }

    s[0] = a;
    s[1] = b;
    s[2] = c;
    s[3] = d;
    s[4] = e;
    s[5] = f;
    s[6] = g;
    s[7] = h;
}

#endif
