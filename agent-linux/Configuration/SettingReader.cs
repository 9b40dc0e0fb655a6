using System;
using System.Collections.Generic;
using System.Globalization;

namespace IotMinerAgent.Linux.Configuration;

/// <summary>
/// Reads scalar settings by key and collects one message per problem (key, value, what is allowed) instead of
/// stopping at the first, so a single run shows the owner every mistake; an absent or blank key keeps its default.
/// The section readers (<c>mqtt</c>, <c>gateway</c>) derive from it and add their own kinds of value.
/// </summary>
internal class SettingReader(Func<string, string?> lookup)
{
    /// <summary>Every problem found so far.</summary>
    protected List<string> Errors { get; } = [];

    /// <summary>The trimmed value, or null when the key is absent or blank.</summary>
    public string? Text(string key) => lookup(key) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>true/yes/on/1 or false/no/off/0 (any case).</summary>
    public bool Bool(string key, bool fallback)
    {
        string? value = Text(key);
        switch (value?.ToLowerInvariant())
        {
            case null: return fallback;
            case "true" or "yes" or "on" or "1": return true;
            case "false" or "no" or "off" or "0": return false;
            default:
                Errors.Add($"{key} = '{value}' is not a boolean; allowed: true or false");
                return fallback;
        }
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>]; pass int.MinValue/MaxValue when the range is checked later.</summary>
    public int Int(string key, int fallback, int min, int max)
    {
        string? value = Text(key);
        if (value is null)
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) && parsed >= min && parsed <= max)
        {
            return parsed;
        }

        Errors.Add(min == int.MinValue
            ? $"{key} = '{value}' is not a whole number; allowed: see docs/configuration.md"
            : $"{key} = '{value}' is invalid; allowed: a whole number from {min} to {max}");
        return fallback;
    }

    /// <summary>A 64-bit whole number (its range is checked by the options it fills).</summary>
    public long Long(string key, long fallback)
    {
        string? value = Text(key);
        if (value is null)
        {
            return fallback;
        }

        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed))
        {
            return parsed;
        }

        Errors.Add($"{key} = '{value}' is not a whole number; allowed: see docs/configuration.md");
        return fallback;
    }

    /// <summary>A finite number (its range is checked by the options it fills).</summary>
    public double Double(string key, double fallback)
    {
        string? value = Text(key);
        if (value is null)
        {
            return fallback;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && double.IsFinite(parsed))
        {
            return parsed;
        }

        Errors.Add($"{key} = '{value}' is not a number; allowed: see docs/configuration.md");
        return fallback;
    }
}
