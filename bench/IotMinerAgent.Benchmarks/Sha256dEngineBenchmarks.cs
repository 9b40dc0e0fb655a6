using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Engines;

namespace IotMinerAgent.Benchmarks;

/// <summary>
/// One benchmark per sha256d engine this CPU supports, hashing a fixed run of nonces against a target no hash meets
/// (so only the kernels run, never the scalar confirmation). OperationsPerInvoke makes each reported time the time
/// per nonce: nonces/s = 1 / Mean. Compare engines as ratios measured in one run (absolute rates drift between runs and machines).
/// </summary>
[MemoryDiagnoser]
public class Sha256dEngineBenchmarks
{
    private const int Nonces = 1 << 20;

    private readonly NonceHits _hits = new();
    private HeaderWork _work = null!;
    private INonceScanner _engine = null!;

    /// <summary>The engine's catalog name.</summary>
    [ParamsSource(nameof(Engines))]
    public string Engine { get; set; } = "scalar";

    public static IEnumerable<string> Engines() => EngineCatalog.Supported(Algorithms.Sha256d).Select(engine => engine.Name);

    [GlobalSetup]
    public void Setup()
    {
        // The genesis header with an all-zero target: every nonce is hashed, none can be a hit.
        byte[] header = Hex.Decode("0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c");
        _work = new HeaderWork(Algorithms.Sha256d, header, new Target(new uint[8]));
        _engine = EngineCatalog.Find(Algorithms.Sha256d, Engine);
    }

    [Benchmark(OperationsPerInvoke = Nonces)]
    public int Scan()
    {
        _hits.Clear();
        _engine.Scan(_work, 0, Nonces, _hits);
        return _hits.Count;
    }
}
