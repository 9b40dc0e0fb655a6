using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Engines;

namespace IotMinerAgent.Benchmarks;

/// <summary>
/// DUCO-S1 hashes per second of every engine this machine supports, one thread: each operation is one nonce, so
/// BenchmarkDotNet's "ns/op" is nanoseconds per hash (1000 / ns = MH/s). Run with
/// <c>dotnet run -c Release --project bench/IotMinerAgent.Benchmarks -- --filter *DucoS1*</c>.
/// </summary>
[MemoryDiagnoser]
public class DucoS1EngineBenchmarks
{
    // 2^20 seven-digit nonces (the MEDIUM tier's range): whole batches, no digit-count boundary.
    private const int Nonces = 1 << 20;
    private const uint FirstNonce = 1_000_000;

    private readonly NonceHits _hits = new();
    private INonceScanner _scanner = new DucoS1ScalarScanner();
    private DucoWork _work = null!;

    /// <summary>The engine measured.</summary>
    [ParamsSource(nameof(Engines))]
    public string Engine { get; set; } = "scalar";

    /// <summary>The supported engines' names, and the portable scalar scanner as the baseline.</summary>
    public static IEnumerable<string> Engines()
    {
        yield return "scalar";
        if (DucoS1Vector128Engine.IsSupported)
        {
            yield return new DucoS1Vector128Engine().Name;
        }

        if (DucoS1Vector256Engine.IsSupported)
        {
            yield return new DucoS1Vector256Engine().Name;
        }

        if (DucoS1Vector512Engine.IsSupported)
        {
            yield return new DucoS1Vector512Engine().Name;
        }
    }

    /// <summary>Picks the engine and a job with no solution among the nonces scanned (every lane runs every round).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scanner = Engine switch
        {
            "avx512" => new DucoS1Vector512Engine(),
            "avx2" => new DucoS1Vector256Engine(),
            "vector128" or "neon" => new DucoS1Vector128Engine(),
            _ => new DucoS1ScalarScanner(),
        };
        _work = new DucoWork("416dc20fb261ec2dcf72147be57efc372fb765b1", new byte[20], 75_000);
    }

    /// <summary>Scans the nonces.</summary>
    [Benchmark(OperationsPerInvoke = Nonces)]
    public int Scan()
    {
        _hits.Clear();
        _scanner.Scan(_work, FirstNonce, Nonces, _hits);
        return _hits.Count;
    }
}
