using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.EngineProbe;

/// <summary>A real block header from tests/vectors/bitcoin-headers.json and the nonce its miner found.</summary>
internal sealed record HeaderVector(string Name, byte[] Header, uint Nonce)
{
    /// <summary>The vectors published next to the probe.</summary>
    public static IReadOnlyList<HeaderVector> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "vectors", "bitcoin-headers.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        var vectors = new List<HeaderVector>();
        foreach (JsonElement vector in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            vectors.Add(new HeaderVector(
                vector.GetProperty("name").GetString()!,
                Hex.Decode(vector.GetProperty("header").GetString()!),
                vector.GetProperty("nonce").GetUInt32()));
        }

        return vectors;
    }

    /// <summary>The header's own target: its nBits field (bytes 72..75, little-endian) expanded.</summary>
    public Target CompactTarget => Target.FromCompact(BitConverter.ToUInt32(Header, 72));
}
