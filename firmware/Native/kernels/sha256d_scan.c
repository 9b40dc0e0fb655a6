/*
 * The software sha256d scan. Per scan, as pooler's cpuminer (sha2.c, sha256d_ms) and the managed scanner do:
 * - the first 64 header bytes are the job's midstate;
 * - second block words W0..W2 (header bytes 64..75) do not depend on the nonce, so rounds 0..2 run once, and so do
 *   the schedule words W16, W17 and the nonce-free parts of W18, W19 (FIPS 180-4 section 6.2.2 step 1);
 * - W4..W15 are constant padding (FIPS 180-4 section 5.1.1: 0x80000000, zeros, bit length 640);
 * - the second hash stops after round 60: the new e of round 60 reaches h unchanged through rounds 61..63, so
 *   H7 = IV7 + e60 already fixes the most significant word of the hash read little-endian;
 * - only candidates whose top word passes the target's top word are hashed again in full and compared exactly.
 */
#include "sha256d_scan.h"

#include <stddef.h>

#include "sha256_rounds.h"

#define HEADER_BITS 640u
#define DIGEST_BITS 256u
#define PADDING_WORD 0x80000000u

void iotminer_sha256d_job_from_header(iotminer_sha256d_job *job, const uint8_t header[80], const uint32_t target[8])
{
    uint32_t block[16];
    for (int i = 0; i < 16; i++) {
        block[i] = iotminer_read_be32(header + (i * 4));
    }

    for (int i = 0; i < 8; i++) {
        job->midstate[i] = iotminer_sha256_iv[i];
        job->target[i] = target[i];
    }

    iotminer_sha256_compress(job->midstate, block);
    for (int i = 0; i < 3; i++) {
        job->tail[i] = iotminer_read_be32(header + 64 + (i * 4));
    }
}

void iotminer_sha256d_hash(const iotminer_sha256d_job *job, uint32_t nonce, uint32_t state[8])
{
    uint32_t block[16] = {0};
    uint32_t first[8];
    block[0] = job->tail[0];
    block[1] = job->tail[1];
    block[2] = job->tail[2];
    block[3] = iotminer_bswap32(nonce);
    block[4] = PADDING_WORD;
    block[15] = HEADER_BITS;
    for (int i = 0; i < 8; i++) {
        first[i] = job->midstate[i];
    }

    iotminer_sha256_compress(first, block);

    for (int i = 0; i < 8; i++) {
        block[i] = first[i];
        state[i] = iotminer_sha256_iv[i];
    }

    block[8] = PADDING_WORD;
    for (int i = 9; i < 15; i++) {
        block[i] = 0;
    }

    block[15] = DIGEST_BITS;
    iotminer_sha256_compress(state, block);
}

int iotminer_sha256d_meets(const iotminer_sha256d_job *job, const uint32_t state[8])
{
    /* Digest bytes are the state words big-endian; read as a little-endian number, word i is bswap(H[i]). */
    for (int i = 7; i >= 0; i--) {
        uint32_t word = iotminer_bswap32(state[i]);
        if (word != job->target[i]) {
            return word < job->target[i];
        }
    }

    return 1;
}

int iotminer_sha256d_scan_soft(const iotminer_sha256d_job *job, uint32_t first, uint64_t count,
                               uint32_t *hits, uint32_t max_hits, uint32_t *found)
{
    if (job == NULL || found == NULL || (hits == NULL && max_hits > 0)) {
        return IOTMINER_E_ARGUMENT;
    }

    *found = 0;
    if (count > 0x100000000ull - first) {
        return IOTMINER_E_RANGE;
    }

    uint32_t w[64] = {0};
    w[0] = job->tail[0];
    w[1] = job->tail[1];
    w[2] = job->tail[2];
    w[4] = PADDING_WORD;
    w[15] = HEADER_BITS;
    w[16] = IOTMINER_SSIG1(w[14]) + w[9] + IOTMINER_SSIG0(w[1]) + w[0];
    w[17] = IOTMINER_SSIG1(w[15]) + w[10] + IOTMINER_SSIG0(w[2]) + w[1];

    /* W18 and W19 involve W3 (the nonce) through one term each. */
    const uint32_t w18_fixed = IOTMINER_SSIG1(w[16]) + w[11] + w[2];
    const uint32_t w19_fixed = IOTMINER_SSIG1(w[17]) + w[12] + IOTMINER_SSIG0(w[4]);

    uint32_t after_round2[8];
    for (int i = 0; i < 8; i++) {
        after_round2[i] = job->midstate[i];
    }

    iotminer_sha256_rounds(after_round2, w, 0, 2);

    uint32_t second[64] = {0};
    second[8] = PADDING_WORD;
    second[15] = DIGEST_BITS;
    const uint32_t target_top = job->target[7];

    uint32_t nonce = first;
    for (uint64_t i = 0; i < count; i++, nonce++) {
        uint32_t w3 = iotminer_bswap32(nonce);
        w[3] = w3;
        w[18] = w18_fixed + IOTMINER_SSIG0(w3);
        w[19] = w19_fixed + w3;
        for (int t = 20; t < 64; t++) {
            w[t] = IOTMINER_SSIG1(w[t - 2]) + w[t - 7] + IOTMINER_SSIG0(w[t - 15]) + w[t - 16];
        }

        uint32_t s[8];
        for (int k = 0; k < 8; k++) {
            s[k] = after_round2[k];
        }

        iotminer_sha256_rounds(s, w, 3, 63);
        for (int k = 0; k < 8; k++) {
            second[k] = s[k] + job->midstate[k];
        }

        for (int t = 16; t <= 60; t++) {
            second[t] = IOTMINER_SSIG1(second[t - 2]) + second[t - 7] + IOTMINER_SSIG0(second[t - 15]) + second[t - 16];
        }

        uint32_t s2[8];
        for (int k = 0; k < 8; k++) {
            s2[k] = iotminer_sha256_iv[k];
        }

        iotminer_sha256_rounds(s2, second, 0, 60);
        if (iotminer_bswap32(iotminer_sha256_iv[7] + s2[4]) > target_top) {
            continue;
        }

        uint32_t full[8];
        iotminer_sha256d_hash(job, nonce, full);
        if (iotminer_sha256d_meets(job, full)) {
            if (*found < max_hits) {
                hits[*found] = nonce;
            }

            (*found)++;
        }
    }

    return IOTMINER_OK;
}
