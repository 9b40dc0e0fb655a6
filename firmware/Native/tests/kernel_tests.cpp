// Tests of the native kernels: they must report exactly the hits the managed scanners report (scan-vectors.txt,
// generated from `iotminer scan --engine scalar`), and their shortcuts must equal the plain two-compression path on
// seeded random headers, targets and ranges.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <set>
#include <string>
#include <vector>

extern "C" {
#include "duco_s1_scan.h"
#include "iotminer_engine.h"
#include "sha256d_scan.h"
}

#include "scan_vectors.h"

namespace {

// Target words as the managed Target.GetWord: the display-order hex is the number big-endian; word 0 is least significant.
void TargetWords(const std::string& hex, uint32_t words[8])
{
    std::vector<uint8_t> b = FromHex(hex);
    for (int i = 0; i < 8; i++) {
        const uint8_t* p = &b[28 - (4 * i)];
        words[i] = (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
    }
}

void DigestWords(const std::string& hex, uint32_t words[5])
{
    std::vector<uint8_t> b = FromHex(hex);
    for (int i = 0; i < 5; i++) {
        words[i] = (uint32_t(b[i * 4]) << 24) | (uint32_t(b[i * 4 + 1]) << 16) | (uint32_t(b[i * 4 + 2]) << 8) | b[i * 4 + 3];
    }
}

std::vector<ScanVector> Vectors(const char* algorithm)
{
    std::vector<ScanVector> selected;
    for (const ScanVector& v : LoadScanVectors(IOTMINER_VECTORS)) {
        if (v.algorithm == algorithm) {
            selected.push_back(v);
        }
    }

    return selected;
}

std::vector<uint32_t> ScanSha256d(const iotminer_sha256d_job& job, uint32_t first, uint64_t count)
{
    std::vector<uint32_t> hits(4096);
    uint32_t found = 0;
    EXPECT_EQ(IOTMINER_OK, iotminer_sha256d_scan(&job, first, count, hits.data(), static_cast<uint32_t>(hits.size()), &found));
    hits.resize(found);
    return hits;
}

// Every nonce of the range, hashed the plain way (no precomputation, no early exit) and compared in full.
std::vector<uint32_t> PlainHits(const iotminer_sha256d_job& job, uint32_t first, uint64_t count)
{
    std::vector<uint32_t> hits;
    uint32_t nonce = first;
    for (uint64_t i = 0; i < count; i++, nonce++) {
        uint32_t state[8];
        iotminer_sha256d_hash(&job, nonce, state);
        if (iotminer_sha256d_meets(&job, state)) {
            hits.push_back(nonce);
        }
    }

    return hits;
}

}  // namespace

TEST(Sha256dManagedVectors, EveryHitEqualsTheManagedScanner)
{
    std::vector<ScanVector> vectors = Vectors("sha256d");
    ASSERT_GE(vectors.size(), 18u) << "scan-vectors.txt lost its sha256d cases";
    size_t with_hits = 0;
    for (const ScanVector& v : vectors) {
        std::vector<uint8_t> header = FromHex(v.data);
        ASSERT_EQ(80u, header.size()) << v.name;
        uint32_t target[8];
        TargetWords(v.target, target);
        iotminer_sha256d_job job;
        iotminer_sha256d_job_from_header(&job, header.data(), target);
        EXPECT_EQ(v.hits, ScanSha256d(job, v.first, v.count)) << v.name;
        with_hits += v.hits.empty() ? 0 : 1;
    }

    EXPECT_GE(with_hits, vectors.size() / 2) << "most cases must have hits, or equality proves little";
}

TEST(Sha256dManagedVectors, RealBlocksAreFoundAtTheirOwnTargetAndNonce)
{
    // The headers' own nonces (tests/vectors/bitcoin-headers.json): 2083236893 (genesis), 274148111, 2504433986.
    const std::set<uint32_t> block_nonces = {2083236893u, 274148111u, 2504433986u};
    size_t blocks = 0;
    for (const ScanVector& v : Vectors("sha256d")) {
        if (v.name.find("-block-target") == std::string::npos) {
            continue;
        }

        blocks++;
        std::vector<uint8_t> header = FromHex(v.data);
        uint32_t header_nonce = header[76] | (header[77] << 8) | (header[78] << 16) | (uint32_t(header[79]) << 24);
        EXPECT_EQ(1u, block_nonces.count(header_nonce)) << v.name;
        uint32_t target[8];
        TargetWords(v.target, target);
        iotminer_sha256d_job job;
        iotminer_sha256d_job_from_header(&job, header.data(), target);
        EXPECT_EQ(std::vector<uint32_t>{header_nonce}, ScanSha256d(job, v.first, v.count)) << v.name;
    }

    EXPECT_EQ(3u, blocks);
}

TEST(Sha256dShortcuts, EqualThePlainPathOnRandomHeadersTargetsAndRanges)
{
    std::mt19937_64 rng(413567);
    size_t total_hits = 0;
    for (int round = 0; round < 40; round++) {
        uint8_t header[80];
        for (uint8_t& b : header) {
            b = static_cast<uint8_t>(rng());
        }

        // Easy targets (top 2..8 bits zero) so that ranges of a few thousand nonces have hits, including equal top words.
        uint32_t target[8];
        for (uint32_t& w : target) {
            w = static_cast<uint32_t>(rng());
        }

        target[7] >>= 2 + (rng() % 7);
        uint32_t count = 1 + static_cast<uint32_t>(rng() % 3000);
        uint32_t first = static_cast<uint32_t>(rng());
        if (round == 0) {
            first = 0xFFFFFFFFu - count + 1;  // ends exactly at 2^32
        }
        else if (uint64_t(first) + count > 0x100000000ull) {
            first -= count;
        }

        iotminer_sha256d_job job;
        iotminer_sha256d_job_from_header(&job, header, target);
        std::vector<uint32_t> expected = PlainHits(job, first, count);
        EXPECT_EQ(expected, ScanSha256d(job, first, count)) << "round " << round;
        total_hits += expected.size();
    }

    EXPECT_GT(total_hits, 100u);
}

TEST(Sha256dScan, TopWordEqualToTheTargetIsDecidedByTheLowerWords)
{
    // A target whose top word equals a real hash's top word: the early exit must pass it on, the full compare decide.
    uint8_t header[80] = {0};
    uint32_t loose[8];
    std::memset(loose, 0xFF, sizeof loose);
    iotminer_sha256d_job job;
    iotminer_sha256d_job_from_header(&job, header, loose);
    uint32_t state[8];
    iotminer_sha256d_hash(&job, 7, state);
    for (int i = 0; i < 8; i++) {
        job.target[i] = __builtin_bswap32(state[i]);  // the hash itself: met (at or below)
    }

    EXPECT_EQ(std::vector<uint32_t>{7}, ScanSha256d(job, 7, 1));
    job.target[0] -= 1;  // one below the hash: not met
    EXPECT_EQ(std::vector<uint32_t>{}, ScanSha256d(job, 7, 1));
}

TEST(Sha256dScan, RangePastTwoToThe32IsRefusedAndFoundCountsBeyondMaxHits)
{
    iotminer_sha256d_job job{};
    std::memset(job.target, 0xFF, sizeof job.target);  // every hash meets it
    uint32_t hits[3];
    uint32_t found = 99;
    EXPECT_EQ(IOTMINER_E_RANGE, iotminer_sha256d_scan_soft(&job, 0xFFFFFFFFu, 2, hits, 3, &found));
    EXPECT_EQ(0u, found);
    EXPECT_EQ(IOTMINER_E_ARGUMENT, iotminer_sha256d_scan_soft(nullptr, 0, 1, hits, 3, &found));
    ASSERT_EQ(IOTMINER_OK, iotminer_sha256d_scan_soft(&job, 0xFFFFFFFFu - 9, 10, hits, 3, &found));
    EXPECT_EQ(10u, found);
    EXPECT_EQ(0xFFFFFFF6u, hits[0]);
    EXPECT_EQ(0xFFFFFFF8u, hits[2]);
}

TEST(Sha256dEngine, HostBuildUsesTheSoftwareKernelAndItsSelfTestPasses)
{
    EXPECT_EQ(1, iotminer_sha256d_self_test_soft());
    EXPECT_EQ(IOTMINER_ENGINE_SOFT, iotminer_sha256d_engine());
    EXPECT_STREQ("native-soft", iotminer_engine_name(iotminer_sha256d_engine()));
    EXPECT_STREQ("native-esp32-sha", iotminer_engine_name(IOTMINER_ENGINE_ESP32_SHA));
}

TEST(DucoS1ManagedVectors, EveryHitEqualsTheManagedScanner)
{
    std::vector<ScanVector> vectors = Vectors("duco-s1");
    ASSERT_GE(vectors.size(), 7u) << "scan-vectors.txt lost its DUCO-S1 cases";
    for (const ScanVector& v : vectors) {
        uint32_t expected[5];
        DigestWords(v.target, expected);
        std::vector<uint32_t> hits(16);
        uint32_t found = 0;
        ASSERT_EQ(IOTMINER_OK, iotminer_duco_s1_scan_soft(reinterpret_cast<const uint8_t*>(v.data.data()), v.data.size(), expected,
                                                          v.first, v.count, hits.data(), 16, &found)) << v.name;
        hits.resize(found);
        EXPECT_EQ(v.hits, hits) << v.name;
    }
}

TEST(DucoS1Scan, EqualsThePlainPathAcrossDigitCountsAndTwoBlockMessages)
{
    // Last hashes of 40 characters (Duino-Coin's), 50 (digits spill into a second block) and 70 (one whole block first).
    std::mt19937_64 rng(7500);
    const uint32_t starts[] = {0, 5, 95, 995, 99990, 999999990u, 4294967290u};
    for (size_t length : {40u, 50u, 53u, 70u}) {
        std::string last_hash;
        for (size_t i = 0; i < length; i++) {
            last_hash += "0123456789abcdef"[rng() % 16];
        }

        const uint8_t* bytes = reinterpret_cast<const uint8_t*>(last_hash.data());
        for (uint32_t start : starts) {
            uint32_t count = start == 4294967290u ? 6 : 20;
            // Expect a hit at every nonce whose digest is the one we ask for: pick the 7th nonce's digest.
            uint32_t target_nonce = start + 6 < start + count ? start + 6 : start;
            uint32_t expected[5];
            iotminer_duco_s1_hash(bytes, length, target_nonce, expected);
            uint32_t hits[4];
            uint32_t found = 0;
            ASSERT_EQ(IOTMINER_OK, iotminer_duco_s1_scan_soft(bytes, length, expected, start, count, hits, 4, &found));
            ASSERT_EQ(1u, found) << "length " << length << " start " << start;
            EXPECT_EQ(target_nonce, hits[0]) << "length " << length << " start " << start;
        }
    }
}

TEST(DucoS1Scan, RefusesARangePastTwoToThe32)
{
    const uint8_t last_hash[] = "0000000000000000000000000000000000000000";
    uint32_t expected[5] = {0};
    uint32_t found = 0;
    EXPECT_EQ(IOTMINER_E_RANGE, iotminer_duco_s1_scan_soft(last_hash, 40, expected, 0xFFFFFFFFu, 2, nullptr, 0, &found));
}
