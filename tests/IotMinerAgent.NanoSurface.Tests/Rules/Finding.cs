using Microsoft.CodeAnalysis;

namespace IotMinerAgent.NanoSurface.Tests.Rules;

/// <summary>A problem at a place in a portable source: a rule broken (Code = rule id) or a compiler error (Code = CSxxxx).</summary>
internal sealed record Finding(string Path, int Line, int Column, string Code, string Message)
{
    public static Finding At(Location location, string code, string message)
    {
        if (!location.IsInSource)
        {
            return new Finding("(no source location)", 0, 0, code, message);
        }

        FileLinePositionSpan span = location.GetLineSpan();
        return new Finding(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, code, message);
    }

    public static Finding Broken(PortableRule rule, Location location, string what)
    {
        return At(location, rule.Id, $"{what} is not allowed in portable code: {rule.Why}. {rule.Fix}");
    }

    public override string ToString()
    {
        return $"{Path}:{Line}: {Message}";
    }
}
