using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Engines.Scrypt;

namespace IotMinerAgent.Benchmarks;

/// <summary>
/// One benchmark per scrypt engine this CPU supports (scalar, vector128/neon, avx2, avx512), hashing a fixed run of
/// nonces of a Litecoin header against a target no hash meets. OperationsPerInvoke makes each reported time the time
/// per nonce: hashes/s = 1 / Mean. Each invocation allocates the engine's scratchpad once (128 KiB per lane), as a
/// miner's scan does. Compare engines as ratios measured in one run (absolute rates drift between runs and machines).
/// </summary>
public class ScryptEngineBenchmarks
{
    private const int Nonces = 256;

    private readonly NonceHits _hits = new();
    private HeaderWork _work = null!;
    private INonceScanner _engine = null!;

    /// <summary>The engine's name.</summary>
    [ParamsSource(nameof(Engines))]
    public string Engine { get; set; } = "scalar";

    /// <summary>The scrypt engines this machine supports, widest first.</summary>
    public static IEnumerable<string> Engines() => Supported().Select(engine => engine.Name);

    [GlobalSetup]
    public void Setup()
    {
        // Litecoin block 0x4c1271c2…'s header (tests/vectors/scrypt.json) with an all-zero target: no nonce is a hit.
        byte[] header = Convert.FromHexString("020000004c1271c211717198227392b029a64a7971931d351b387bb80db027f270411e398a07046f7d4a08dd815412a8712f874a7ebf0507e3878bd24e20a3b73fd750a667d2f451eac7471b00de6659");
        _work = new HeaderWork(Algorithms.Scrypt, header, new Target(new uint[8]));
        _engine = Supported().Single(engine => engine.Name == Engine);
    }

    [Benchmark(OperationsPerInvoke = Nonces)]
    public int Scan()
    {
        _hits.Clear();
        _engine.Scan(_work, 0, Nonces, _hits);
        return _hits.Count;
    }

    // The engine catalog (hashing-core/Engines/EngineCatalog.cs) lists these too; kept here so the benchmark does not
    // depend on their registration.
    private static IEnumerable<INonceScanner> Supported()
    {
        if (ScryptAvx512Engine.IsSupported)
        {
            yield return new ScryptAvx512Engine();
        }

        if (ScryptAvx2Engine.IsSupported)
        {
            yield return new ScryptAvx2Engine();
        }

        if (ScryptVector128Engine.IsSupported)
        {
            yield return new ScryptVector128Engine();
        }

        yield return new ScryptScalarScanner();
    }
}
