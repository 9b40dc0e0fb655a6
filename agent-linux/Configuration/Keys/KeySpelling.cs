using System.Text.RegularExpressions;

namespace IotMinerAgent.Linux.Configuration.Keys;

/// <summary>
/// Puts keys quoted in someone else's message (the configuration binder's) into their documented spelling: the binder
/// names a path by the C# property it binds (<c>'gateway:stratum:Pools'</c>), the owner reads
/// <c>gateway:stratum:pools</c> in docs/configuration.md.
/// </summary>
public static partial class KeySpelling
{
    /// <summary><paramref name="message"/> with every quoted key or section of docs/configuration.md in its documented spelling.</summary>
    public static string InMessage(string message) =>
        QuotedPath().Replace(message, match => KnownKeys.Spelling(match.Groups[1].Value) is { } spelled ? $"'{spelled}'" : match.Value);

    [GeneratedRegex("'([A-Za-z0-9_]+(?::[A-Za-z0-9_]+)+)'")]
    private static partial Regex QuotedPath();
}
