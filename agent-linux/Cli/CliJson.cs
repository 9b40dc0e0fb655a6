using System.Text.Json.Serialization;

namespace IotMinerAgent.Linux.Cli;

/// <summary>JSON output of <c>iotminer hash --json</c>.</summary>
internal sealed record HashResultJson(string Algo, string Hash);

/// <summary>One nonce found by <c>iotminer scan --json</c>.</summary>
internal sealed record ScanHitJson(uint Nonce, string Hash, double ShareDifficulty);

/// <summary>The closing summary of <c>iotminer scan --json</c>.</summary>
internal sealed record ScanSummaryJson(ulong Hashes, double Seconds, double HashesPerSecond, string Engine);

/// <summary>The result of <c>iotminer scan --algo duco-s1 --json</c>.</summary>
internal sealed record DucoResultJson(uint Nonce, ulong Hashes, double Seconds);

/// <summary>The result of <c>iotminer bench --json</c>.</summary>
internal sealed record BenchResultJson(string Algo, string Engine, int Threads, ulong Hashes, double Seconds, double HashesPerSecond);

/// <summary>One engine listed by <c>iotminer bench --list-engines --json</c>.</summary>
internal sealed record EngineJson(string Algo, string Engine, int Lanes, bool Supported, bool Selected);

/// <summary>One figure of <c>iotminer estimate --json</c>: its value (null when unknown), unit and source.</summary>
internal sealed record FigureJson(double? Value, string Unit, string Source);

/// <summary>The result of <c>iotminer estimate --json</c>: inputs and results keyed by name, and the missing inputs with their flags.</summary>
internal sealed record EstimateJson(string Algo, string Board, int Threads, System.Collections.Generic.Dictionary<string, FigureJson> Inputs,
    System.Collections.Generic.Dictionary<string, FigureJson> Results, System.Collections.Generic.IReadOnlyList<string> Missing);

/// <summary>One period of the energy ledger in <c>iotminer status --json</c>: its dates and figures.</summary>
internal sealed record StatusPeriodJson(string From, string To, int DaysWithData, System.Collections.Generic.Dictionary<string, FigureJson> Figures);

/// <summary>The result of <c>iotminer status --json</c>: the agent's state, figures with unit and source, and the energy ledger's periods.</summary>
internal sealed record StatusJson(string Address, string DeviceId, string State, string? Reason, string? Pool,
    System.Collections.Generic.Dictionary<string, FigureJson> Figures, string? Currency, System.Collections.Generic.Dictionary<string, StatusPeriodJson> Energy);

/// <summary>Source-generated JSON for the CLI's output (no reflection, so trimmed builds keep working).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HashResultJson))]
[JsonSerializable(typeof(ScanHitJson))]
[JsonSerializable(typeof(ScanSummaryJson))]
[JsonSerializable(typeof(DucoResultJson))]
[JsonSerializable(typeof(BenchResultJson))]
[JsonSerializable(typeof(EngineJson))]
[JsonSerializable(typeof(EstimateJson))]
[JsonSerializable(typeof(StatusJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

/// <summary>Serialises the CLI's records, one JSON object per line.</summary>
internal static class CliJson
{
    public static string Serialize(HashResultJson value) => System.Text.Json.JsonSerializer.Serialize(value, CliJsonContext.Default.HashResultJson);

    public static string Serialize(ScanHitJson value) => System.Text.Json.JsonSerializer.Serialize(value, CliJsonContext.Default.ScanHitJson);

    public static string Serialize(ScanSummaryJson value) => System.Text.Json.JsonSerializer.Serialize(value, CliJsonContext.Default.ScanSummaryJson);

    public static string Serialize(DucoResultJson value) => System.Text.Json.JsonSerializer.Serialize(value, CliJsonContext.Default.DucoResultJson);

    public static string Serialize(BenchResultJson value) => System.Text.Json.JsonSerializer.Serialize(value, CliJsonContext.Default.BenchResultJson);

    public static string Serialize(EstimateJson value) => System.Text.Json.JsonSerializer.Serialize(value, CliJsonContext.Default.EstimateJson);

    public static string Serialize(StatusJson value) => System.Text.Json.JsonSerializer.Serialize(value, CliJsonContext.Default.StatusJson);

    public static string Serialize(EngineJson value) => System.Text.Json.JsonSerializer.Serialize(value, CliJsonContext.Default.EngineJson);
}
