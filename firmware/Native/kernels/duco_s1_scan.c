/*
 * The software DUCO-S1 scan. Per scan: the last hash's whole 64-byte blocks are compressed once; the final block(s)
 * hold the rest of the last hash, the nonce's decimal digits and the padding (FIPS 180-4 section 5.1.1). Per nonce
 * the digits are incremented in place (no conversion), and when the message fits one final block, the rounds over
 * the block's leading words that hold only last-hash bytes are run once per scan: round t reads only W_t.
 */
#include "duco_s1_scan.h"

#include <string.h>

#include "sha1_soft.h"

#define MAX_DIGITS 10

typedef struct duco_message {
    uint32_t prefix_state[5];
    uint8_t tail[128];
    size_t tail_len;       /* last-hash bytes in the final block(s) */
    uint64_t total_prefix; /* last-hash length in bytes */
    char digits[MAX_DIGITS];
    int digit_count;
} duco_message;

static void seek(duco_message *m, uint32_t nonce)
{
    char reversed[MAX_DIGITS];
    int n = 0;
    do {
        reversed[n++] = (char)('0' + (nonce % 10));
        nonce /= 10;
    } while (nonce != 0);

    for (int i = 0; i < n; i++) {
        m->digits[i] = reversed[n - 1 - i];
    }

    m->digit_count = n;
}

static void increment(duco_message *m)
{
    for (int i = m->digit_count - 1; i >= 0; i--) {
        if (m->digits[i] != '9') {
            m->digits[i]++;
            return;
        }

        m->digits[i] = '0';
    }

    /* 99..9 + 1: one more digit, 1 followed by zeros. */
    memmove(m->digits + 1, m->digits, (size_t)m->digit_count);
    m->digits[0] = '1';
    m->digit_count++;
}

/* Builds the padded final block(s) of the current message into words; returns the number of blocks (1 or 2). */
static int final_blocks(const duco_message *m, uint32_t words[32])
{
    uint8_t bytes[128];
    size_t len = m->tail_len;
    memcpy(bytes, m->tail, len);
    memcpy(bytes + len, m->digits, (size_t)m->digit_count);
    len += (size_t)m->digit_count;
    size_t blocks = (len + 9 <= 64) ? 1 : 2;
    memset(bytes + len, 0, (blocks * 64) - len);
    bytes[len] = 0x80;
    uint64_t bits = (m->total_prefix + (uint64_t)m->digit_count) * 8;
    for (int i = 0; i < 8; i++) {
        bytes[(blocks * 64) - 1 - i] = (uint8_t)(bits >> (8 * i));
    }

    for (size_t i = 0; i < blocks * 16; i++) {
        words[i] = ((uint32_t)bytes[i * 4] << 24) | ((uint32_t)bytes[(i * 4) + 1] << 16) | ((uint32_t)bytes[(i * 4) + 2] << 8) | bytes[(i * 4) + 3];
    }

    return (int)blocks;
}

static void prepare(duco_message *m, const uint8_t *last_hash, size_t len)
{
    uint32_t block[16];
    memcpy(m->prefix_state, iotminer_sha1_iv, sizeof m->prefix_state);
    size_t full = len / 64;
    for (size_t b = 0; b < full; b++) {
        for (int i = 0; i < 16; i++) {
            const uint8_t *p = last_hash + (b * 64) + (i * 4);
            block[i] = ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
        }

        iotminer_sha1_compress(m->prefix_state, block);
    }

    m->tail_len = len - (full * 64);
    memcpy(m->tail, last_hash + (full * 64), m->tail_len);
    m->total_prefix = len;
}

static void digest(const duco_message *m, uint32_t state[5])
{
    uint32_t words[32];
    int blocks = final_blocks(m, words);
    memcpy(state, m->prefix_state, 5 * sizeof(uint32_t));
    for (int b = 0; b < blocks; b++) {
        iotminer_sha1_compress(state, words + (b * 16));
    }
}

void iotminer_duco_s1_hash(const uint8_t *last_hash, size_t last_hash_len, uint32_t nonce, uint32_t state[5])
{
    duco_message m;
    prepare(&m, last_hash, last_hash_len);
    seek(&m, nonce);
    digest(&m, state);
}

static int equals(const uint32_t a[5], const uint32_t b[5])
{
    return a[0] == b[0] && a[1] == b[1] && a[2] == b[2] && a[3] == b[3] && a[4] == b[4];
}

int iotminer_duco_s1_scan_soft(const uint8_t *last_hash, size_t last_hash_len, const uint32_t expected[5],
                               uint32_t first, uint64_t count, uint32_t *hits, uint32_t max_hits, uint32_t *found)
{
    if (last_hash == NULL || expected == NULL || found == NULL || (hits == NULL && max_hits > 0)) {
        return IOTMINER_E_ARGUMENT;
    }

    *found = 0;
    if (count > 0x100000000ull - first) {
        return IOTMINER_E_RANGE;
    }

    duco_message m;
    prepare(&m, last_hash, last_hash_len);
    seek(&m, first);

    /* Words 0..fixed-1 of the final block hold only last-hash bytes; their rounds are the same for every nonce. */
    const int fixed = (int)(m.tail_len / 4);
    uint32_t fixed_working[5];
    uint32_t w[80];
    memcpy(fixed_working, m.prefix_state, sizeof fixed_working);
    {
        uint32_t words[32];
        final_blocks(&m, words);
        memcpy(w, words, 16 * sizeof(uint32_t));
        iotminer_sha1_rounds(fixed_working, w, 0, fixed - 1);
    }

    uint32_t nonce = first;
    for (uint64_t i = 0; i < count; i++) {
        uint32_t state[5];
        if (m.tail_len + (size_t)m.digit_count + 9 <= 64) {
            uint32_t words[32];
            final_blocks(&m, words);
            memcpy(w, words, 16 * sizeof(uint32_t));
            iotminer_sha1_expand(w);
            uint32_t s[5];
            memcpy(s, fixed_working, sizeof s);
            iotminer_sha1_rounds(s, w, fixed, 79);
            for (int k = 0; k < 5; k++) {
                state[k] = m.prefix_state[k] + s[k];
            }
        } else {
            digest(&m, state);
        }

        if (equals(state, expected)) {
            if (*found < max_hits) {
                hits[*found] = nonce;
            }

            (*found)++;
        }

        if (i + 1 < count) {
            increment(&m);
            nonce++;
        }
    }

    return IOTMINER_OK;
}
