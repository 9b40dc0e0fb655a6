using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.EngineProbe;

/// <summary>A real block header from tests/vectors and the nonce its miner found (bytes 76..79 of the header).</summary>
internal sealed record HeaderVector(string Name, byte[] Header, uint Nonce)
{
    /// <summary>The bitcoin headers of tests/vectors/bitcoin-headers.json.</summary>
    public static IReadOnlyList<HeaderVector> Load() =>
        VectorFile.Vectors("bitcoin-headers.json").Select(vector => new HeaderVector(
            vector.GetProperty("name").GetString()!,
            Hex.Decode(vector.GetProperty("header").GetString()!),
            vector.GetProperty("nonce").GetUInt32())).ToList();

    /// <summary>The Litecoin headers of tests/vectors/scrypt.json.</summary>
    public static IReadOnlyList<HeaderVector> LoadScrypt() =>
        VectorFile.Vectors("scrypt.json")
            .Where(vector => vector.GetProperty("kind").GetString() == "scrypt-header")
            .Select(vector =>
            {
                byte[] header = Hex.Decode(vector.GetProperty("header").GetString()!);
                return new HeaderVector(vector.GetProperty("name").GetString()!, header, BitConverter.ToUInt32(header, 76));
            }).ToList();

    /// <summary>The header's own target: its nBits field (bytes 72..75, little-endian) expanded.</summary>
    public Target CompactTarget => Target.FromCompact(BitConverter.ToUInt32(Header, 72));
}
