#include "iotminer_engine.h"

#include <stddef.h>

#include "sha256d_esp32.h"

/* Bitcoin's genesis block header (block 0), its nonce, and its target from nBits 0x1d00ffff: 0xffff << 208. */
static const uint8_t genesis_header[80] = {
    0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x3b, 0xa3, 0xed, 0xfd, 0x7a, 0x7b, 0x12, 0xb2, 0x7a, 0xc7, 0x2c, 0x3e,
    0x67, 0x76, 0x8f, 0x61, 0x7f, 0xc8, 0x1b, 0xc3, 0x88, 0x8a, 0x51, 0x32, 0x3a, 0x9f, 0xb8, 0xaa,
    0x4b, 0x1e, 0x5e, 0x4a, 0x29, 0xab, 0x5f, 0x49, 0xff, 0xff, 0x00, 0x1d, 0x1d, 0xac, 0x2b, 0x7c,
};
static const uint32_t genesis_nonce = 2083236893u;
static const uint32_t genesis_target[8] = {0, 0, 0, 0, 0, 0, 0xffff0000u, 0};

static int selected;

int iotminer_sha256d_self_test_soft(void)
{
    iotminer_sha256d_job job;
    uint32_t hits[4];
    uint32_t found = 0;
    iotminer_sha256d_job_from_header(&job, genesis_header, genesis_target);
    int rc = iotminer_sha256d_scan_soft(&job, genesis_nonce - 8, 16, hits, 4, &found);
    return rc == IOTMINER_OK && found == 1 && hits[0] == genesis_nonce;
}

#if defined(ESP_PLATFORM)
static int esp32_matches_soft(void)
{
    iotminer_sha256d_job job;
    iotminer_sha256d_job_from_header(&job, genesis_header, genesis_target);
    for (uint32_t nonce = genesis_nonce - 4; nonce != genesis_nonce + 4; nonce++) {
        uint32_t soft[8];
        uint32_t hard[8];
        iotminer_sha256d_hash(&job, nonce, soft);
        iotminer_sha256d_hash_esp32(&job, nonce, hard);
        for (int i = 0; i < 8; i++) {
            if (soft[i] != hard[i]) {
                return 0;
            }
        }
    }

    return 1;
}
#endif

int iotminer_sha256d_engine(void)
{
    if (selected == 0) {
        int engine = IOTMINER_ENGINE_SOFT;
#if defined(ESP_PLATFORM)
        if (iotminer_sha256d_self_test_soft() && esp32_matches_soft()) {
            engine = IOTMINER_ENGINE_ESP32_SHA;
        }
#endif
        selected = engine;
    }

    return selected;
}

const char *iotminer_engine_name(int engine)
{
    return engine == IOTMINER_ENGINE_ESP32_SHA ? "native-esp32-sha" : "native-soft";
}

int iotminer_sha256d_scan(const iotminer_sha256d_job *job, uint32_t first, uint64_t count,
                          uint32_t *hits, uint32_t max_hits, uint32_t *found)
{
#if defined(ESP_PLATFORM)
    if (iotminer_sha256d_engine() == IOTMINER_ENGINE_ESP32_SHA) {
        return iotminer_sha256d_scan_esp32(job, first, count, hits, max_hits, found);
    }
#endif
    return iotminer_sha256d_scan_soft(job, first, count, hits, max_hits, found);
}
