using BenchmarkDotNet.Attributes;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Benchmarks;

/// <summary>
/// The ESP32's sha256d path on this host (firmware/README.md, "Honest limits"): <see cref="DeviceJobHasher"/> hashing
/// one nonce at a time from a device job's midstate and tail, as the firmware's slice scanner does, beside the
/// portable scalar scanner measured in the same run. Each operation is 4096 nonces. Run with
/// <c>dotnet run -c Release --project bench/IotMinerAgent.Benchmarks -- --filter *DeviceHashing*</c>.
/// </summary>
[MemoryDiagnoser]
public class DeviceHashingBenchmarks
{
    private const int Nonces = 4096;

    // The genesis header: a real job; the range below holds no share at this target, so every nonce is hashed in full.
    private static readonly byte[] Header = Hex.Decode(
        "0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d00000000");

    private readonly NonceHits _hits = new();
    private readonly Sha256dScalarScanner _scanner = new();
    private readonly DeviceJobHasher _hasher = new();
    private DeviceJob _job = null!;
    private HeaderWork _work = null!;

    /// <summary>Builds the job the device would receive and the same header for the scanner.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Target target = Target.FromCompact(0x1d00ffff);
        _work = new HeaderWork(Algorithms.Sha256d, Header, target);
        _job = DeviceJob.FromHeaderWork(1, _work, 0, Nonces, 0, 120);
    }

    /// <summary>The device path: one nonce per call into caller-owned buffers.</summary>
    [Benchmark(OperationsPerInvoke = Nonces)]
    public int DeviceJobHasher()
    {
        int zeros = 0;
        for (uint nonce = 0; nonce < Nonces; nonce++)
        {
            zeros += _hasher.Hash(_job, nonce)[31] == 0 ? 1 : 0;
        }

        return zeros;
    }

    /// <summary>The portable scalar scanner (with its midstate and early-exit tricks) over the same nonces.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Nonces)]
    public int ScalarScanner()
    {
        _hits.Clear();
        _scanner.Scan(_work, 0, Nonces, _hits);
        return _hits.Count;
    }
}
