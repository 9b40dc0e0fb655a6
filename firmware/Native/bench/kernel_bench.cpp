// Google Benchmark of the native kernels on the host: nonces per second of the software sha256d scan and the
// DUCO-S1 scan, each over a fixed range with a target nothing meets (the steady state of mining).
// bench/native-vs-managed.sh runs this beside the managed scanner and prints the ratio.
#include <benchmark/benchmark.h>

#include <cstring>
#include <string>

extern "C" {
#include "duco_s1_scan.h"
#include "sha256d_scan.h"
}

namespace {

constexpr uint32_t kNonces = 1u << 16;

void Sha256dSoft(benchmark::State& state)
{
    uint8_t header[80];
    for (int i = 0; i < 80; i++) {
        header[i] = static_cast<uint8_t>(i * 37 + 11);
    }

    uint32_t target[8] = {0};  // only an all-zero hash meets it
    iotminer_sha256d_job job;
    iotminer_sha256d_job_from_header(&job, header, target);
    uint32_t first = 0;
    for (auto _ : state) {
        uint32_t found = 0;
        iotminer_sha256d_scan_soft(&job, first, kNonces, nullptr, 0, &found);
        benchmark::DoNotOptimize(found);
        first += kNonces;
    }

    state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * kNonces);
}

void DucoS1Soft(benchmark::State& state)
{
    const std::string last_hash = "416dc20fb261ec2dcf72147be57efc372fb765b1";
    uint32_t expected[5] = {0};  // no nonce has this digest
    uint32_t first = 0;
    for (auto _ : state) {
        uint32_t found = 0;
        iotminer_duco_s1_scan_soft(reinterpret_cast<const uint8_t*>(last_hash.data()), last_hash.size(), expected, first, kNonces,
                                   nullptr, 0, &found);
        benchmark::DoNotOptimize(found);
        first += kNonces;
    }

    state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * kNonces);
}

}  // namespace

// Wall-clock time, as `iotminer bench` measures the managed scanner: the ratio compares like with like on a busy host.
BENCHMARK(Sha256dSoft)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(DucoS1Soft)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();
