using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace IotMinerAgent.Linux.Tests.Cli;

/// <summary>Reads the real-chain vectors copied into tests/vectors.</summary>
internal static class VectorFile
{
    public static JsonElement Vector(string file, string name)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", file)));
        return doc.RootElement.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name).Clone();
    }
}
