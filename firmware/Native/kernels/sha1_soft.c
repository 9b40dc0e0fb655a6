#include "sha1_soft.h"

#define ROTL(x, n) (((x) << (n)) | ((x) >> (32 - (n))))

const uint32_t iotminer_sha1_iv[5] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u, 0xc3d2e1f0u};

void iotminer_sha1_expand(uint32_t w[80])
{
    for (int t = 16; t < 80; t++) {
        w[t] = ROTL(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    }
}

void iotminer_sha1_rounds(uint32_t s[5], const uint32_t w[80], int first, int last)
{
    uint32_t a = s[0], b = s[1], c = s[2], d = s[3], e = s[4];
    for (int t = first; t <= last; t++) {
        uint32_t f;
        uint32_t k;
        /* f_t and K_t change every 20 rounds (FIPS 180-4 sections 4.1.1 and 4.2.1). */
        if (t < 20) {
            f = (b & c) ^ (~b & d);
            k = 0x5a827999u;
        } else if (t < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1u;
        } else if (t < 60) {
            f = (b & c) ^ (b & d) ^ (c & d);
            k = 0x8f1bbcdcu;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6u;
        }

        uint32_t temp = ROTL(a, 5) + f + e + k + w[t];
        e = d;
        d = c;
        c = ROTL(b, 30);
        b = a;
        a = temp;
    }

    s[0] = a;
    s[1] = b;
    s[2] = c;
    s[3] = d;
    s[4] = e;
}

void iotminer_sha1_compress(uint32_t state[5], const uint32_t block[16])
{
    uint32_t w[80];
    for (int t = 0; t < 16; t++) {
        w[t] = block[t];
    }

    iotminer_sha1_expand(w);
    uint32_t s[5] = {state[0], state[1], state[2], state[3], state[4]};
    iotminer_sha1_rounds(s, w, 0, 79);
    for (int i = 0; i < 5; i++) {
        state[i] += s[i];
    }
}
