using System;
using System.IO;
using System.Linq;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Firmware.Tests;

/// <summary>
/// The expected hits the native kernels are tested against (firmware/Native/tests/scan-vectors.txt, written by
/// make-vectors.py from `iotminer scan --engine scalar`) are still what the managed scanners report: a change to the
/// managed code, or a hand edit of the file, fails here rather than leaving the C tests checking stale answers.
/// </summary>
public sealed class NativeVectorsTests
{
    static readonly string[][] Vectors = [.. File.ReadAllLines(Path.Combine(RepositoryRoot(), "firmware", "Native", "tests", "scan-vectors.txt"))
        .Where(line => line.Length > 0 && line[0] != '#')
        .Select(line => line.Split(' '))];

    [Fact]
    public void Sha256d_vectors_hold_the_hits_of_the_managed_scanner()
    {
        string[][] cases = [.. Vectors.Where(v => v[0] == Algorithms.Sha256d)];
        Assert.True(cases.Length >= 18, "the sha256d cases are missing");
        foreach (string[] v in cases)
        {
            var work = new HeaderWork(Algorithms.Sha256d, Hex.Decode(v[2]), Target.Parse(v[3]));
            var hits = new NonceHits();
            new Sha256dScalarScanner().Scan(work, uint.Parse(v[4]), ulong.Parse(v[5]), hits);
            Assert.True(Expected(v[6]).SequenceEqual(hits.ToArray()), $"{v[1]}: the file says {v[6]}, the managed scanner finds {string.Join(',', hits.ToArray())}");
        }
    }

    [Fact]
    public void Duco_s1_vectors_hold_the_hits_of_the_managed_scanner()
    {
        string[][] cases = [.. Vectors.Where(v => v[0] == Algorithms.DucoS1)];
        Assert.True(cases.Length >= 7, "the DUCO-S1 cases are missing");
        foreach (string[] v in cases)
        {
            // The difficulty only bounds the job's range; the scan covers the vector's own range.
            var work = new DucoWork(v[2], Hex.Decode(v[3]), 42949672);
            var hits = new NonceHits();
            new DucoS1ScalarScanner().Scan(work, uint.Parse(v[4]), ulong.Parse(v[5]), hits);
            Assert.True(Expected(v[6]).SequenceEqual(hits.ToArray()), $"{v[1]}: the file says {v[6]}, the managed scanner finds {string.Join(',', hits.ToArray())}");
        }
    }

    static uint[] Expected(string hits) => hits == "-" ? [] : [.. hits.Split(',').Select(uint.Parse)];

    static string RepositoryRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "IotMinerAgent.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("IotMinerAgent.sln not found above " + AppContext.BaseDirectory);
    }
}
