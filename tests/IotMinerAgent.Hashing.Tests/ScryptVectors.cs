using System;
using System.Collections.Generic;
using System.Linq;

namespace IotMinerAgent.Hashing.Tests;

/// <summary>The scrypt vectors of tests/vectors (copied to the output folder): RFC 7914 KDF cases and real scrypt-chain headers.</summary>
internal static class ScryptVectors
{
    public sealed record KdfCase(string Name, byte[] Password, byte[] Salt, int N, int R, int P, byte[] Derived);

    public sealed record HeaderCase(string Name, byte[] Header, string PowHashDisplay);

    public static IReadOnlyList<KdfCase> KdfCases { get; } = VectorFile.Vectors("scrypt.json")
        .Where(v => v.GetProperty("kind").GetString() == "scrypt-kdf")
        .Select(v => new KdfCase(
            v.GetProperty("name").GetString()!,
            System.Text.Encoding.ASCII.GetBytes(v.GetProperty("password").GetString()!),
            System.Text.Encoding.ASCII.GetBytes(v.GetProperty("salt").GetString()!),
            v.GetProperty("N").GetInt32(),
            v.GetProperty("r").GetInt32(),
            v.GetProperty("p").GetInt32(),
            Convert.FromHexString(v.GetProperty("derived").GetString()!)))
        .ToArray();

    /// <summary>The five Litecoin headers and the scrypt-chain block mined through a Stratum pool.</summary>
    public static IReadOnlyList<HeaderCase> HeaderCases { get; } = VectorFile.Vectors("scrypt.json")
        .Where(v => v.GetProperty("kind").GetString() == "scrypt-header")
        .Select(v => new HeaderCase(
            v.GetProperty("name").GetString()!,
            Convert.FromHexString(v.GetProperty("header").GetString()!),
            v.GetProperty("pow_hash").GetString()!))
        .Concat(VectorFile.Vectors("stratum-jobs.json")
            .Where(v => v.GetProperty("algo").GetString() == "scrypt")
            .Select(v => new HeaderCase(
                v.GetProperty("name").GetString()!,
                Convert.FromHexString(v.GetProperty("header").GetString()!),
                v.GetProperty("hash").GetString()!)))
        .ToArray();

    public static IEnumerable<object[]> HeaderNames => HeaderCases.Select(c => new object[] { c.Name });

    public static IEnumerable<object[]> KdfNames => KdfCases.Select(c => new object[] { c.Name });

    /// <summary>Display order (as explorers print hashes) of a raw 32-byte hash.</summary>
    public static string Display(byte[] rawHash) => Convert.ToHexString(rawHash.Reverse().ToArray()).ToLowerInvariant();
}
