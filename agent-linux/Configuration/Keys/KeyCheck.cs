using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace IotMinerAgent.Linux.Configuration.Keys;

/// <summary>
/// Checks the configuration against <see cref="KnownKeys"/> before any section is bound: a value the binder could not
/// convert is reported naming the key in its documented spelling, the value and what is allowed (the binder itself
/// would only say "abc is not a valid value for Int32"), and a key nobody reads is reported with the nearest
/// documented one, since a typo otherwise silently leaves the default in force.
/// </summary>
public static class KeyCheck
{
    /// <summary>One message per value under <paramref name="section"/> (empty: everywhere) that does not convert to its key's kind.</summary>
    /// <param name="configuration">The merged configuration.</param>
    /// <param name="section">Only keys under this section (e.g. <c>gateway:stratum</c>), or empty for all.</param>
    /// <param name="skip">Sections not to check here (e.g. <c>gateway</c>, checked only when the gateway runs).</param>
    public static List<string> ValueErrors(IConfiguration configuration, string section = "", string? skip = null)
    {
        var errors = new List<string>();
        foreach ((string path, string value) in Leaves(configuration))
        {
            if ((section.Length > 0 && !Under(path, section)) || (skip is not null && Under(path, skip)))
            {
                continue;
            }

            if (KnownKeys.Find(path, out string spelling) is { Kind: not KeyKind.Text } key && !Converts(key.Kind, value))
            {
                errors.Add($"{spelling} = '{value}' is invalid; allowed: {key.Allowed}");
            }
        }

        return errors;
    }

    /// <summary>
    /// One message per key that docs/configuration.md does not document, e.g. "mining:thread is not a known key; did you
    /// mean mining:threads?". Every key counts: the loader reads only the agent's file, IOTMINER__ variables and its own
    /// command line, so nothing unrelated reaches the configuration.
    /// </summary>
    public static List<string> UnknownKeys(IConfiguration configuration)
    {
        var messages = new List<string>();
        foreach ((string path, string value) in Leaves(configuration))
        {
            // An empty list or object in the JSON file ("pools": []) arrives as its section with an empty value.
            // A renamed key is reported by DeprecatedKeys, with its new name.
            if (KnownKeys.Find(path, out _) is not null || DeprecatedKeys.Replacement(path) is not null || (value.Length == 0 && KnownKeys.IsSection(path)))
            {
                continue;
            }

            messages.Add(KnownKeys.Nearest(path) is { } nearest
                ? $"{path} is not a known key; did you mean {nearest}?"
                : $"{path} is not a known key; docs/configuration.md lists the keys.");
        }

        return messages;
    }

    /// <summary>True when the text converts as the configuration binder converts it for <paramref name="kind"/>.</summary>
    public static bool Converts(KeyKind kind, string value) => kind switch
    {
        KeyKind.Bool => bool.TryParse(value, out _),
        KeyKind.Int => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        KeyKind.Number => IsNumber(value),
        KeyKind.OptionalNumber => value.Length == 0 || IsNumber(value),
        KeyKind.Duration => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _),
        _ => true,
    };

    private static bool IsNumber(string value)
        => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number);

    private static bool Under(string path, string section)
        => path.Length > section.Length && path[section.Length] == ':' && path.StartsWith(section, StringComparison.OrdinalIgnoreCase);

    // Keys that carry a value; a section (an object or array in the JSON file) has none.
    private static IEnumerable<(string Path, string Value)> Leaves(IConfiguration configuration)
        => configuration.AsEnumerable().Where(pair => pair.Value is not null).Select(pair => (pair.Key, pair.Value!)).OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase);
}
