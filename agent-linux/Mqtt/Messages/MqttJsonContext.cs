using System.Text.Json.Serialization;

namespace IotMinerAgent.Linux.Mqtt.Messages;

/// <summary>
/// Source-generated JSON for the contract messages (no reflection: trimming-safe and fast on a Pi).
/// snake_case names, nulls written (a null temperature means "no sensor", not "missing").
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(StatusMessage))]
[JsonSerializable(typeof(ShareMessage))]
[JsonSerializable(typeof(EventMessage))]
public sealed partial class MqttJsonContext : JsonSerializerContext
{
}
