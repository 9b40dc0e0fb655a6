/*
 * The ESP32 SHA peripheral path, the way NerdMiner gets its hardware speed (BitMaker-hub/NerdMiner_v2,
 * src/ShaTests/nerdSHA_HWTest.cpp and the hardware miner): one peripheral block operation per compression instead of
 * 64 software rounds. Written against ESP-IDF 5.x's SHA HAL (hal/sha_hal.h) and the mbedtls port's engine lock;
 * NerdMiner goes further and writes the text registers directly, which is faster but chip-specific.
 *
 * Chips that can load a saved state (SOC_SHA_SUPPORT_RESUME: ESP32-S2, -S3, -C3, ...) hash everything in the
 * peripheral: load the job's midstate, continue with the header's second block, read the state, then hash the digest
 * block from the initial value. The ESP32 classic cannot load a state, and a device job carries the midstate, not
 * header bytes 0..63: there the first hash's second block is compressed in software and only the second hash runs in
 * the peripheral (about half the work).
 *
 * Not compiled on the host and not run on a device here (see firmware/README.md): byte order of the HAL's digest
 * buffer is the one the mbedtls port assumes (digest bytes in memory order), and iotminer_engine.c refuses this path
 * unless it reproduces the software digests on a self-test at start.
 */
#include "sha256d_esp32.h"

#if defined(ESP_PLATFORM)

#include <stddef.h>
#include <string.h>

#include "hal/sha_hal.h"
#include "soc/soc_caps.h"
#if SOC_SHA_SUPPORT_PARALLEL_ENG
#include "sha/sha_parallel_engine.h"
#elif SOC_SHA_SUPPORT_DMA
#include "sha/sha_dma.h"
#else
#include "sha/sha_block.h"
#endif

#include "sha256_soft.h"

#define HEADER_BITS 640u
#define DIGEST_BITS 256u
#define PADDING_WORD 0x80000000u

/* Message words to the bytes the HAL reads (memory order, big-endian words; the LL layer swaps where a chip needs it). */
static void words_to_bytes(const uint32_t *words, int n, uint8_t *bytes)
{
    for (int i = 0; i < n; i++) {
        bytes[i * 4] = (uint8_t)(words[i] >> 24);
        bytes[(i * 4) + 1] = (uint8_t)(words[i] >> 16);
        bytes[(i * 4) + 2] = (uint8_t)(words[i] >> 8);
        bytes[(i * 4) + 3] = (uint8_t)words[i];
    }
}

static void bytes_to_words(const uint8_t *bytes, int n, uint32_t *words)
{
    for (int i = 0; i < n; i++) {
        words[i] = iotminer_read_be32(bytes + (i * 4));
    }
}

static void lock_engine(void)
{
#if SOC_SHA_SUPPORT_PARALLEL_ENG
    esp_sha_lock_engine(SHA2_256);
#else
    esp_sha_acquire_hardware();
#endif
}

static void unlock_engine(void)
{
#if SOC_SHA_SUPPORT_PARALLEL_ENG
    esp_sha_unlock_engine(SHA2_256);
#else
    esp_sha_release_hardware();
#endif
}

/* One nonce with the engine already locked. */
static void hash_locked(const iotminer_sha256d_job *job, uint32_t nonce, uint32_t state[8])
{
    uint32_t block[16] = {0};
    uint8_t bytes[64] __attribute__((aligned(4)));
    uint8_t digest[32] __attribute__((aligned(4)));
    uint32_t first[8];

    block[0] = job->tail[0];
    block[1] = job->tail[1];
    block[2] = job->tail[2];
    block[3] = iotminer_bswap32(nonce);
    block[4] = PADDING_WORD;
    block[15] = HEADER_BITS;
#if SOC_SHA_SUPPORT_RESUME
    words_to_bytes(job->midstate, 8, digest);
    sha_hal_write_digest(SHA2_256, digest);
    words_to_bytes(block, 16, bytes);
    sha_hal_hash_block(SHA2_256, bytes, 16, false);
    sha_hal_read_digest(SHA2_256, digest);
    bytes_to_words(digest, 8, first);
#else
    memcpy(first, job->midstate, sizeof first);
    iotminer_sha256_compress(first, block);
#endif

    memset(block, 0, sizeof block);
    memcpy(block, first, sizeof first);
    block[8] = PADDING_WORD;
    block[15] = DIGEST_BITS;
    words_to_bytes(block, 16, bytes);
    sha_hal_hash_block(SHA2_256, bytes, 16, true);
    sha_hal_read_digest(SHA2_256, digest);
    bytes_to_words(digest, 8, state);
}

void iotminer_sha256d_hash_esp32(const iotminer_sha256d_job *job, uint32_t nonce, uint32_t state[8])
{
    lock_engine();
    hash_locked(job, nonce, state);
    unlock_engine();
}

int iotminer_sha256d_scan_esp32(const iotminer_sha256d_job *job, uint32_t first, uint64_t count,
                                uint32_t *hits, uint32_t max_hits, uint32_t *found)
{
    if (job == NULL || found == NULL || (hits == NULL && max_hits > 0)) {
        return IOTMINER_E_ARGUMENT;
    }

    *found = 0;
    if (count > 0x100000000ull - first) {
        return IOTMINER_E_RANGE;
    }

    /* Held for one slice: other users of the engine (TLS) wait or fall back to software for that long. */
    lock_engine();
    uint32_t nonce = first;
    for (uint64_t i = 0; i < count; i++, nonce++) {
        uint32_t state[8];
        hash_locked(job, nonce, state);
        if (iotminer_sha256d_meets(job, state)) {
            if (*found < max_hits) {
                hits[*found] = nonce;
            }

            (*found)++;
        }
    }

    unlock_engine();
    return IOTMINER_OK;
}

#else

/* ISO C wants a translation unit to declare something; off ESP-IDF this file has nothing else to offer. */
typedef int iotminer_sha256d_esp32_unavailable;

#endif
