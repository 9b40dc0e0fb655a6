using System.Collections.Generic;
using IotMinerAgent.NanoSurface.Tests.Rules;
using Microsoft.CodeAnalysis;

namespace IotMinerAgent.NanoSurface.Tests.Compiling;

/// <summary>Turns a compiler error from the nanoFramework compile into a finding that says what it means.</summary>
internal static class CompilerErrors
{
    private const string MissingApi =
        "This API is not in .NET nanoFramework 1.x's class libraries as modelled by tests/IotMinerAgent.NanoSurface.Tests/Surface: "
        + "use what nanoFramework offers (that folder's README.md lists it); if nanoFramework really has the API, add it to the surface, citing the nanoFramework source.";

    private const string OtherOverloads =
        "nanoFramework has this API with fewer overloads or other parameter types than .NET (e.g. Math.Max has int, float and double only): "
        + "check the signature in tests/IotMinerAgent.NanoSurface.Tests/Surface.";

    private const string MissingRuntimeType =
        "The construct compiles to a runtime type or member that .NET nanoFramework 1.x's mscorlib does not have.";

    private const string LanguageVersion =
        "The nanoFramework project system compiles C# 9 (nf-Visual-Studio-extension#617): write it without newer syntax.";

    private static readonly Dictionary<string, string> Hints = new()
    {
        ["CS0012"] = MissingApi,
        ["CS0103"] = MissingApi,
        ["CS0117"] = MissingApi,
        ["CS0234"] = MissingApi,
        ["CS0246"] = MissingApi,
        ["CS0426"] = MissingApi,
        ["CS1061"] = MissingApi,
        ["CS0029"] = OtherOverloads,
        ["CS0121"] = OtherOverloads,
        ["CS0266"] = OtherOverloads,
        ["CS1501"] = OtherOverloads,
        ["CS1502"] = OtherOverloads,
        ["CS1503"] = OtherOverloads,
        ["CS1729"] = OtherOverloads,
        ["CS7036"] = OtherOverloads,
        ["CS0518"] = MissingRuntimeType,
        ["CS0656"] = MissingRuntimeType,
    };

    public static Finding Explain(Diagnostic error)
    {
        string message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        string hint = Hints.TryGetValue(error.Id, out string? known) ? known
            : message.Contains("language version", System.StringComparison.OrdinalIgnoreCase) ? LanguageVersion
            : "Portable code must compile for .NET nanoFramework 1.x.";
        return Finding.At(error.Location, error.Id, $"does not compile for .NET nanoFramework 1.x: {message} ({error.Id}). {hint}");
    }
}
