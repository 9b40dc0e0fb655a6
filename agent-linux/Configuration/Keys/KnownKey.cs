namespace IotMinerAgent.Linux.Configuration.Keys;

/// <summary>How a key's text becomes a value: what the check before binding must be able to parse.</summary>
public enum KeyKind
{
    /// <summary>Any text; the section's own validation judges it (choices, paths, URLs).</summary>
    Text,

    /// <summary><c>true</c> or <c>false</c>, as the configuration binder converts a <see cref="bool"/>.</summary>
    Bool,

    /// <summary>A whole number (<see cref="int"/>).</summary>
    Int,

    /// <summary>A finite decimal number (<see cref="double"/>).</summary>
    Number,

    /// <summary>A decimal number, or empty for "none" (a nullable <see cref="double"/>).</summary>
    OptionalNumber,

    /// <summary>A <see cref="System.TimeSpan"/> such as <c>00:00:10</c>.</summary>
    Duration,
}

/// <summary>One key of docs/configuration.md.</summary>
/// <param name="Name">The documented spelling; a list index is written <c>N</c> (<c>stratum:pools:N:url</c>).</param>
/// <param name="Kind">How its text is converted.</param>
/// <param name="Allowed">What is allowed, as an error message says it (empty for <see cref="KeyKind.Text"/>).</param>
public sealed record KnownKey(string Name, KeyKind Kind, string Allowed);
