using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Hashing.Tests;

/// <summary>An independent DUCO-S1 reference (platform SHA-1 over the concatenated string) and the published vector.</summary>
internal static class DucoS1Reference
{
    public static byte[] Digest(string lastHash, ulong nonce) =>
        SHA1.HashData(Encoding.ASCII.GetBytes(lastHash + nonce.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Every nonce in [first, first + count) whose digest is the expected one, by brute force.</summary>
    public static uint[] Hits(string lastHash, byte[] expected, uint first, ulong count)
    {
        var hits = new List<uint>();
        for (ulong n = first; n < first + count; n++)
        {
            if (Digest(lastHash, n).AsSpan().SequenceEqual(expected))
            {
                hits.Add((uint)n);
            }
        }

        return hits.ToArray();
    }

    public static uint[] Scan(INonceScanner scanner, DucoWork work, uint first, ulong count)
    {
        var hits = new NonceHits();
        scanner.Scan(work, first, count, hits);
        return hits.ToArray();
    }

    public static string RandomLastHash(Random random, int length = 40)
    {
        byte[] bytes = new byte[(length + 1) / 2];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes)[..length];
    }

    /// <summary>The job of tests/vectors/duco-s1.json and the nonce that solves it.</summary>
    public static (DucoWork Work, uint Nonce) PublishedVector()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "duco-s1.json")));
        JsonElement vector = document.RootElement.GetProperty("vectors")[0];
        var work = new DucoWork(
            vector.GetProperty("last_hash").GetString()!,
            Convert.FromHexString(vector.GetProperty("expected").GetString()!),
            vector.GetProperty("difficulty").GetUInt32());
        return (work, vector.GetProperty("nonce").GetUInt32());
    }
}
