using System.Text.Json;

namespace IotMinerAgent.Linux.Gateway.Transport;

/// <summary>
/// Reads the one field the gateway takes from a device's status message (docs/mqtt.md, "status"): <c>energy_kwh</c>,
/// the device's cumulative energy counter. Outside input: anything malformed is reported, never thrown.
/// </summary>
public static class StatusEnergyJson
{
    /// <summary>The field read.</summary>
    public const string Field = "energy_kwh";

    /// <summary>Largest status read; the agent's and the firmware's are well under 2 KB.</summary>
    public const int MaxBytes = 16 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 8 };

    /// <summary>
    /// True with the counter in <paramref name="kilowattHours"/> (null: the status carries none, e.g. the board's power
    /// is unknown); false with <paramref name="problem"/> when the status is not something the gateway can read.
    /// </summary>
    public static bool TryRead(byte[] payload, out double? kilowattHours, out string? problem)
    {
        kilowattHours = null;
        problem = null;
        if (payload.Length > MaxBytes)
        {
            problem = $"status of {payload.Length} bytes, more than {MaxBytes}";
            return false;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(payload, Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "status is not a JSON object";
                return false;
            }

            if (!document.RootElement.TryGetProperty(Field, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number))
            {
                problem = $"{Field} is not a number: {value.GetRawText()}";
                return false;
            }

            kilowattHours = number;
            return true;
        }
        catch (JsonException)
        {
            problem = "status is not valid JSON";
            return false;
        }
    }
}
