using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceContract;

namespace IotMinerAgent.Linux.Mqtt.Commands;

/// <summary>
/// Turns a <c>cmd/&lt;name&gt;</c> message into a validated <see cref="AgentCommand"/> or a clear error.
/// A payload is either plain text (<c>65</c>, <c>ON</c>: what Home Assistant sends) or a JSON object
/// <c>{"value": 65, "request_id": "abc"}</c>; nothing else is accepted. Whatever of the publisher's text comes back in
/// a result (the name, the request id, a quoted value or field) is escaped (<see cref="UntrustedText"/>): it is logged
/// and published.
/// </summary>
public static class CommandParser
{
    /// <summary>The answer to a forbidden command (<see cref="ForbiddenCommands"/>): the contract's reason and where to change it instead.</summary>
    public const string ForbiddenChangeError = ForbiddenCommands.Reason + "; edit the agent's configuration file on the device";

    /// <summary>Parses and validates the command <paramref name="name"/>; <paramref name="maxThreads"/> bounds the threads command.</summary>
    public static CommandParseResult Parse(string name, ReadOnlySpan<byte> payload, int maxThreads)
    {
        name = UntrustedText.Escape(name, CommandLimits.MaxNameLength);
        if (ForbiddenCommands.IsForbidden(name))
        {
            return CommandParseResult.Failure(ForbiddenChangeError, null);
        }

        if (!CommandNames.IsKnown(name))
        {
            return CommandParseResult.Failure($"unknown command '{name}'; known commands: {CommandNames.List}", null);
        }

        if (payload.Length > CommandLimits.MaxPayloadBytes)
        {
            return CommandParseResult.Failure($"payload of {payload.Length} bytes is too long; at most {CommandLimits.MaxPayloadBytes} bytes", null);
        }

        if (!TryReadPayload(payload, out PayloadValue read, out string? error))
        {
            return CommandParseResult.Failure(error!, read.RequestId);
        }

        return Validate(name, read, maxThreads);
    }

    /// <summary>
    /// Validates one value of the command <paramref name="name"/> given as a JSON value (a field of the REST API's
    /// <c>PUT /api/v1/limits</c> body) by exactly the rules of the MQTT command of that name: one rule set for both.
    /// </summary>
    public static CommandParseResult ParseValue(string name, JsonElement value, int maxThreads)
    {
        name = UntrustedText.Escape(name, CommandLimits.MaxNameLength);
        if (ForbiddenCommands.IsForbidden(name))
        {
            return CommandParseResult.Failure(ForbiddenChangeError, null);
        }

        if (!CommandNames.IsKnown(name))
        {
            return CommandParseResult.Failure($"unknown command '{name}'; known commands: {CommandNames.List}", null);
        }

        try
        {
            return Validate(name, FromJsonValue(value, null), maxThreads);
        }
        catch (InvalidOperationException)
        {
            // As in TryReadJsonObject: System.Text.Json refuses an escaped unpaired surrogate.
            return CommandParseResult.Failure("a string has an unpaired surrogate escape (\\uD800-\\uDFFF alone); send valid Unicode text", null);
        }
    }

    static CommandParseResult Validate(string name, PayloadValue read, int maxThreads) => name switch
    {
        CommandNames.Pause => NoValue(name, CommandKind.Pause, read),
        CommandNames.Resume => NoValue(name, CommandKind.Resume, read),
        CommandNames.Mining => Switch(name, read),
        CommandNames.TargetTemperature => Number(name, CommandKind.SetTargetTemperature, read,
            CommandLimits.MinTargetTemperatureC, CommandLimits.MaxTargetTemperatureC, wholeOnly: false, "°C"),
        CommandNames.MaxDuty => Number(name, CommandKind.SetMaxDuty, read,
            CommandLimits.MinMaxDutyPercent, CommandLimits.MaxMaxDutyPercent, wholeOnly: true, "%"),
        _ => Number(name, CommandKind.SetThreads, read,
            CommandLimits.MinThreads, Math.Max(CommandLimits.MinThreads, maxThreads), wholeOnly: true, "threads"),
    };

    static CommandParseResult NoValue(string name, CommandKind kind, PayloadValue read) =>
        read.Text is null && read.Number is null && read.Boolean is null
            ? CommandParseResult.Success(new AgentCommand(name, kind, null, read.RequestId))
            : CommandParseResult.Failure($"{name} takes no value; send an empty payload or {{\"request_id\": \"…\"}}", read.RequestId);

    static CommandParseResult Switch(string name, PayloadValue read)
    {
        bool? on = read.Boolean;
        if (read.Text is string text)
        {
            on = CommandNames.IsOn(text) ? true : CommandNames.IsOff(text) ? false : null;
        }

        return on is bool value
            ? CommandParseResult.Success(new AgentCommand(name, value ? CommandKind.Resume : CommandKind.Pause, null, read.RequestId))
            : CommandParseResult.Failure($"{name} needs ON or OFF (or true/false), got {read.Describe()}", read.RequestId);
    }

    static CommandParseResult Number(string name, CommandKind kind, PayloadValue read, double min, double max, bool wholeOnly, string unit)
    {
        double? number = read.Number;
        if (read.Text is string text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed))
        {
            number = parsed;
        }

        string range = $"{min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} {unit}";
        if (number is not double value || !double.IsFinite(value))
        {
            return CommandParseResult.Failure($"{name} needs a number from {range}, got {read.Describe()}", read.RequestId);
        }

        if (wholeOnly && value != Math.Floor(value))
        {
            return CommandParseResult.Failure($"{name} needs a whole number from {range}, got {Format(value)}", read.RequestId);
        }

        if (value < min || value > max)
        {
            return CommandParseResult.Failure($"{name} = {Format(value)} is out of range; allowed: {range}", read.RequestId);
        }

        return CommandParseResult.Success(new AgentCommand(name, kind, value, read.RequestId));
    }

    static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    static bool TryReadPayload(ReadOnlySpan<byte> payload, out PayloadValue read, out string? error)
    {
        read = default;
        error = null;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload).Trim();
        }
        catch (DecoderFallbackException)
        {
            error = "payload is not UTF-8 text";
            return false;
        }

        if (text.Length == 0)
        {
            return true;
        }

        if (!text.StartsWith('{'))
        {
            read = new PayloadValue(text, null, null, null);
            return true;
        }

        return TryReadJsonObject(text, out read, out error);
    }

    static bool TryReadJsonObject(string text, out PayloadValue read, out string? error)
    {
        read = default;
        error = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            string? requestId = null;
            JsonElement? value = null;
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "request_id" when property.Value.ValueKind == JsonValueKind.String:
                        requestId = UntrustedText.Escape(property.Value.GetString(), CommandLimits.MaxRequestIdLength);
                        break;
                    case "request_id":
                        error = "request_id must be a string";
                        return false;
                    case "value":
                        value = property.Value.Clone();
                        break;
                    default:
                        error = $"unknown field '{UntrustedText.Escape(property.Name, 64)}'; allowed fields: value, request_id";
                        read = new PayloadValue(null, null, null, requestId);
                        return false;
                }
            }

            read = FromJsonValue(value, requestId);
            return true;
        }
        catch (JsonException exception)
        {
            error = $"payload is not valid JSON ({UntrustedText.Escape(exception.Message, 200)}); send plain text like 65 or {{\"value\": 65}}";
            return false;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to decode an escaped unpaired surrogate ("\ud800"), which JSON itself allows.
            read = default;
            error = "payload has a string with an unpaired surrogate escape (\\uD800-\\uDFFF alone); send valid Unicode text";
            return false;
        }
    }

    static PayloadValue FromJsonValue(JsonElement? value, string? requestId) => value?.ValueKind switch
    {
        null or JsonValueKind.Null => new PayloadValue(null, null, null, requestId),
        JsonValueKind.Number => new PayloadValue(null, value.Value.GetDouble(), null, requestId),
        JsonValueKind.True => new PayloadValue(null, null, true, requestId),
        JsonValueKind.False => new PayloadValue(null, null, false, requestId),
        JsonValueKind.String => new PayloadValue(value.Value.GetString(), null, null, requestId),
        _ => new PayloadValue($"<JSON {value.Value.ValueKind.ToString().ToLowerInvariant()}>", null, null, requestId),
    };

    readonly record struct PayloadValue(string? Text, double? Number, bool? Boolean, string? RequestId)
    {
        public string Describe() =>
            Text is not null ? $"'{UntrustedText.Escape(Text, 40)}'"
            : Number is double n ? n.ToString(CultureInfo.InvariantCulture)
            : Boolean is bool b ? (b ? "true" : "false")
            : "an empty payload";
    }
}
