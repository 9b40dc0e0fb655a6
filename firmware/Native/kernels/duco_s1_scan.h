/*
 * DUCO-S1 (Duino-Coin) nonce scans: a hit is a nonce n with sha1(ascii(last_hash) + ascii(decimal n)) == expected.
 * The native counterpart of the managed DucoS1ScalarScanner (hashing-core/Portable/Sha1). Independent of the nanoCLR.
 */
#ifndef IOTMINER_DUCO_S1_SCAN_H
#define IOTMINER_DUCO_S1_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "sha256d_scan.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Scans nonces first .. first + count - 1 for last_hash (ASCII, last_hash_len bytes) and the expected digest given as
 * its five big-endian words; the first max_hits hits go to hits in ascending order, *found receives how many there
 * were. Returns IOTMINER_OK, IOTMINER_E_RANGE when first + count > 2^32, IOTMINER_E_ARGUMENT for null pointers.
 */
int iotminer_duco_s1_scan_soft(const uint8_t *last_hash, size_t last_hash_len, const uint32_t expected[5],
                               uint32_t first, uint64_t count, uint32_t *hits, uint32_t max_hits, uint32_t *found);

/* The SHA-1 state (five words) of ascii(last_hash) + ascii(decimal nonce), the plain way. */
void iotminer_duco_s1_hash(const uint8_t *last_hash, size_t last_hash_len, uint32_t nonce, uint32_t state[5]);

#ifdef __cplusplus
}
#endif

#endif
