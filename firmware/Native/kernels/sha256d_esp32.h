/*
 * sha256d with the ESP32's SHA accelerator (ESP-IDF builds only, ESP_PLATFORM). Untested on a device here; the engine
 * selection (iotminer_engine.c) uses it only after it produced the software path's digests on a self-test.
 */
#ifndef IOTMINER_SHA256D_ESP32_H
#define IOTMINER_SHA256D_ESP32_H

#include <stdint.h>

#include "sha256d_scan.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(ESP_PLATFORM)

/* The final state H0..H7 of sha256d(header with nonce), hashed by the peripheral (as iotminer_sha256d_hash). */
void iotminer_sha256d_hash_esp32(const iotminer_sha256d_job *job, uint32_t nonce, uint32_t state[8]);

/* As iotminer_sha256d_scan_soft, with the peripheral doing the compressions it can. */
int iotminer_sha256d_scan_esp32(const iotminer_sha256d_job *job, uint32_t first, uint64_t count,
                                uint32_t *hits, uint32_t max_hits, uint32_t *found);

#endif

#ifdef __cplusplus
}
#endif

#endif
