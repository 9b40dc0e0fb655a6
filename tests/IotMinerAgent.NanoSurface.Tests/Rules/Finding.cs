using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace IotMinerAgent.NanoSurface.Tests.Rules;

/// <summary>
/// A problem at a place in a portable source: a rule broken (Code = rule id) or a compiler error (Code = CSxxxx).
/// Span is the offending text, so a compiler error about a construct a rule already explains can be recognised.
/// </summary>
internal sealed record Finding(string Path, int Line, int Column, TextSpan Span, string Code, string Message)
{
    public static Finding At(Location location, string code, string message)
    {
        if (!location.IsInSource)
        {
            return new Finding("(no source location)", 0, 0, default, code, message);
        }

        FileLinePositionSpan span = location.GetLineSpan();
        return new Finding(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, location.SourceSpan, code, message);
    }

    public static Finding Broken(PortableRule rule, Location location, string what)
    {
        return At(location, rule.Id, $"{what} is not allowed in portable code: {rule.Why}. {rule.Fix}");
    }

    /// <summary>True when this finding's text lies inside <paramref name="other"/>'s (same file).</summary>
    public bool IsWithin(Finding other)
    {
        return Path == other.Path && other.Span.Contains(Span.Start);
    }

    public override string ToString()
    {
        return $"{Path}:{Line}: {Message}";
    }
}
