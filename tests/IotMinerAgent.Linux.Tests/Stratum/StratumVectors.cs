using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace IotMinerAgent.Linux.Tests.Stratum;

/// <summary>The shared stratum-jobs.json vectors, copied next to the test assembly.</summary>
internal static class StratumVectors
{
    public static IReadOnlyList<JsonElement> All()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "vectors", "stratum-jobs.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("vectors").EnumerateArray().Select(v => v.Clone()).ToList();
    }

    public static JsonElement Named(string name) => All().Single(v => v.GetProperty("name").GetString() == name);

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (JsonElement vector in All())
        {
            names.Add(vector.GetProperty("name").GetString()!);
        }

        return names;
    }

    /// <summary>The vector's notify as the line a pool sends.</summary>
    public static string NotifyLine(JsonElement vector) =>
        "{\"id\":null,\"method\":\"mining.notify\",\"params\":" + vector.GetProperty("notify").GetRawText() + "}";
}
