using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace IotMinerAgent.EngineProbe;

/// <summary>The vectors of tests/vectors published next to the probe.</summary>
internal static class VectorFile
{
    public static IReadOnlyList<JsonElement> Vectors(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "vectors", fileName);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("vectors").EnumerateArray().Select(vector => vector.Clone()).ToList();
    }
}
