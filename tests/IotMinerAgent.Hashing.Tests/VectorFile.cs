using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace IotMinerAgent.Hashing.Tests;

/// <summary>Reads the shared test vectors copied next to the test assembly (tests/vectors/*.json).</summary>
internal static class VectorFile
{
    public static IReadOnlyList<JsonElement> Vectors(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "vectors", fileName);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("vectors").EnumerateArray().Select(v => v.Clone()).ToList();
    }

    public static JsonElement Named(string fileName, string name)
    {
        return Vectors(fileName).Single(v => v.GetProperty("name").GetString() == name);
    }

    public static string Text(this JsonElement element, string property)
    {
        return element.GetProperty(property).GetString()!;
    }
}
