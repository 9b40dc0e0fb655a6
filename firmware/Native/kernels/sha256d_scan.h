/*
 * sha256d nonce-range scans from a midstate: the native counterpart of the managed Sha256dScalarScanner
 * (hashing-core/Portable/Sha256) and of the Linux engines' precomputations (hashing-core/Engines/Sha256d).
 * Pure C, independent of the nanoCLR, so the same files build with host gcc (tests, benchmarks) and in nf-interpreter.
 */
#ifndef IOTMINER_SHA256D_SCAN_H
#define IOTMINER_SHA256D_SCAN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define IOTMINER_OK 0
/* first + count passes 2^32, the end of the 32-bit nonce space. */
#define IOTMINER_E_RANGE (-1)
/* A required pointer is null. */
#define IOTMINER_E_ARGUMENT (-2)

/*
 * One sha256d header job, as a device holds it (DeviceJob in hashing-core/Portable/DeviceWork): the SHA-256 state
 * after header bytes 0..63, header bytes 64..75 (merkle root tail, ntime, nBits) as big-endian words, and the share
 * target as eight little-endian 32-bit words, target[7] the most significant (Target.GetWord in the managed code).
 */
typedef struct iotminer_sha256d_job {
    uint32_t midstate[8];
    uint32_t tail[3];
    uint32_t target[8];
} iotminer_sha256d_job;

/* Fills a job from an 80-byte header (its nonce field is ignored) and a target. */
void iotminer_sha256d_job_from_header(iotminer_sha256d_job *job, const uint8_t header[80], const uint32_t target[8]);

/*
 * The final state H0..H7 of sha256d(header with nonce), computed the plain way (two compressions of the second
 * block and one of the digest block). The digest bytes are the words written big-endian.
 */
void iotminer_sha256d_hash(const iotminer_sha256d_job *job, uint32_t nonce, uint32_t state[8]);

/* 1 when the hash whose final state is given is at or below the job's target (digest read as a little-endian number). */
int iotminer_sha256d_meets(const iotminer_sha256d_job *job, const uint32_t state[8]);

/*
 * Scans nonces first .. first + count - 1 in software and reports every nonce whose sha256d meets the target, in
 * ascending order: the first max_hits go to hits, *found receives how many there were in all.
 * Returns IOTMINER_OK, IOTMINER_E_RANGE when first + count > 2^32, IOTMINER_E_ARGUMENT for a null job or found
 * (or null hits with max_hits > 0).
 */
int iotminer_sha256d_scan_soft(const iotminer_sha256d_job *job, uint32_t first, uint64_t count,
                               uint32_t *hits, uint32_t max_hits, uint32_t *found);

#ifdef __cplusplus
}
#endif

#endif
