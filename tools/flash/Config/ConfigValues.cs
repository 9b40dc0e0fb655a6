using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IotMinerAgent.Flash.Config;

/// <summary>Typed reads of the merged key/value map; a value of the wrong kind is reported once and read as absent.</summary>
internal sealed class ConfigValues
{
    private readonly Dictionary<string, JsonNode?> _values;
    private readonly List<string> _problems;

    public ConfigValues(Dictionary<string, JsonNode?> values, List<string> problems)
    {
        _values = values;
        _problems = problems;
    }

    /// <summary>Keys that were given (even with a wrong kind).</summary>
    public IReadOnlyCollection<string> Present => _values.Keys;

    public string? Text(string key) => Read(key, JsonValueKind.String, ConfigValueKind.Text, v => v.GetValue<string>());

    public bool? Boolean(string key)
    {
        JsonValue? value = Value(key, ConfigValueKind.Boolean);
        if (value is null)
        {
            return null;
        }

        JsonValueKind kind = value.GetValueKind();
        if (kind == JsonValueKind.True || kind == JsonValueKind.False)
        {
            return kind == JsonValueKind.True;
        }

        return Wrong<bool?>(key, value, ConfigValueKind.Boolean);
    }

    public int? WholeNumber(string key)
    {
        JsonValue? value = Value(key, ConfigValueKind.WholeNumber);
        if (value is null)
        {
            return null;
        }

        if (value.GetValueKind() == JsonValueKind.Number && value.ToJsonString() is string raw
            && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole))
        {
            // Clamp far-out values so the range check, not an overflow, reports them.
            return (int)Math.Max(int.MinValue, Math.Min(int.MaxValue, whole));
        }

        return Wrong<int?>(key, value, ConfigValueKind.WholeNumber);
    }

    public double? Number(string key) => Read<double?>(key, JsonValueKind.Number, ConfigValueKind.Number, v => v.GetValue<double>());

    public static string WrongKind(string key, string? shownValue, ConfigValueKind kind)
    {
        string expected = kind switch
        {
            ConfigValueKind.Boolean => "true or false",
            ConfigValueKind.WholeNumber => "a whole number",
            ConfigValueKind.Number => "a number",
            ConfigValueKind.TextList => "a list of strings",
            _ => "a string",
        };
        return shownValue is null ? $"{key} must be {expected}." : $"{key} = {shownValue} must be {expected}.";
    }

    private T? Read<T>(string key, JsonValueKind jsonKind, ConfigValueKind kind, Func<JsonValue, T> get)
    {
        JsonValue? value = Value(key, kind);
        if (value is null)
        {
            return default;
        }

        return value.GetValueKind() == jsonKind ? get(value) : Wrong<T>(key, value, kind);
    }

    private JsonValue? Value(string key, ConfigValueKind kind)
    {
        if (!_values.TryGetValue(key, out JsonNode? node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            return value;
        }

        _problems.Add(WrongKind(key, ConfigKeys.IsSecret(key) ? null : node.ToJsonString(), kind));
        return null;
    }

    private T? Wrong<T>(string key, JsonValue value, ConfigValueKind kind)
    {
        _problems.Add(WrongKind(key, ConfigKeys.IsSecret(key) ? null : value.ToJsonString(), kind));
        return default;
    }
}
