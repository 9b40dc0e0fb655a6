/*
 * Which sha256d kernel the native library runs, chosen once: the ESP32 SHA peripheral when built with ESP-IDF and it
 * reproduces the software digests on a self-test, else the portable software kernel.
 */
#ifndef IOTMINER_ENGINE_H
#define IOTMINER_ENGINE_H

#include <stdint.h>

#include "sha256d_scan.h"

#ifdef __cplusplus
extern "C" {
#endif

#define IOTMINER_ENGINE_SOFT 1
#define IOTMINER_ENGINE_ESP32_SHA 2

/* The engine in use (IOTMINER_ENGINE_*); the first call runs the self-test. */
int iotminer_sha256d_engine(void);

/* The engine's name for the status message: "native-soft" or "native-esp32-sha". */
const char *iotminer_engine_name(int engine);

/* Scans with the engine in use; arguments and results as iotminer_sha256d_scan_soft. */
int iotminer_sha256d_scan(const iotminer_sha256d_job *job, uint32_t first, uint64_t count,
                          uint32_t *hits, uint32_t max_hits, uint32_t *found);

/* 1 when the software kernel finds the genesis block's nonce, and only it, around it: the self-test's base line. */
int iotminer_sha256d_self_test_soft(void);

#ifdef __cplusplus
}
#endif

#endif
