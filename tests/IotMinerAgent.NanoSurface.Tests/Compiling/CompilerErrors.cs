using System.Collections.Generic;
using System.Linq;
using IotMinerAgent.NanoSurface.Tests.Api;
using IotMinerAgent.NanoSurface.Tests.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IotMinerAgent.NanoSurface.Tests.Compiling;

/// <summary>Turns a compiler error from the nanoFramework compile into a finding that says what it means.</summary>
internal static class CompilerErrors
{
    private const string MissingApi =
        "This API is not in nanoFramework's mscorlib (nanoFramework.CoreLibrary " + NanoToolchain.CoreLibraryVersion + "), the only library portable code may use: "
        + "use what mscorlib offers (tests/IotMinerAgent.NanoSurface.Tests/Baselines/mscorlib." + NanoToolchain.CoreLibraryVersion + ".txt lists it; README.md says what to write instead).";

    private const string OtherOverloads =
        "nanoFramework's mscorlib has this API with fewer overloads or other parameter types than .NET (e.g. Interlocked has int overloads only): "
        + "check the signature in tests/IotMinerAgent.NanoSurface.Tests/Baselines/mscorlib." + NanoToolchain.CoreLibraryVersion + ".txt.";

    private const string MissingRuntimeType =
        "The construct compiles to a runtime type or member that nanoFramework's mscorlib does not have.";

    private const string LanguageVersion =
        "The nanoFramework project system compiles C# 9 (nf-Visual-Studio-extension#617): write it without newer syntax.";

    private static readonly HashSet<string> NameNotFound = ["CS0103", "CS0234", "CS0246", "CS0012"];

    private static readonly HashSet<string> MemberNotFound = ["CS0117", "CS1061"];

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
        string hint = OtherLibrary(error)
            ?? (Hints.TryGetValue(error.Id, out string? known) ? known
            : message.Contains("language version", System.StringComparison.OrdinalIgnoreCase) ? LanguageVersion
            : "Portable code must compile for .NET nanoFramework 1.x.");
        return Finding.At(error.Location, error.Id, $"does not compile against nanoFramework's mscorlib: {message} ({error.Id}). {hint}");
    }

    /// <summary>
    /// When the missing name is a type (or a member of one) that another nanoFramework library has, names that library:
    /// portable code must not need it (firmware/README.md), so the fix is mscorlib-only code or a move to firmware/Nano.
    /// </summary>
    private static string? OtherLibrary(Diagnostic error)
    {
        if (!NameNotFound.Contains(error.Id) && !MemberNotFound.Contains(error.Id))
        {
            return null;
        }

        string? name = MissingName(error);
        if (name == null)
        {
            return null;
        }

        List<(Baseline Library, string Type)> types = Baseline.TypesNamed(name, NanoToolchain.CoreLibraryName).ToList();
        if (types.Count == 0)
        {
            return NamespaceElsewhere(error);
        }

        string where = string.Join(" and ", types.Select(t => $"{t.Library.Assembly} {t.Library.Version}").Distinct());
        return $"{types[0].Type} is in the nanoFramework assembly {where}, not in mscorlib: portable code may use mscorlib only. "
            + "Write it with mscorlib (e.g. a char[] buffer or string concatenation instead of StringBuilder, if/?: instead of Math, arrays or ArrayList instead of Hashtable) "
            + $"or move the code that needs {types[0].Library.Assembly} into firmware/Nano.";
    }

    /// <summary>For "namespace X.Y not found" (e.g. <c>using System.Text;</c>): the libraries that hold types in it.</summary>
    private static string? NamespaceElsewhere(Diagnostic error)
    {
        if (error.Id != "CS0234" || error.Location.SourceTree == null)
        {
            return null;
        }

        SyntaxNode node = error.Location.SourceTree.GetRoot().FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true);
        string? ns = node.AncestorsAndSelf().FirstOrDefault(n => n is QualifiedNameSyntax or MemberAccessExpressionSyntax)?.ToString();
        List<Baseline> holders = ns == null ? [] : Baseline.All
            .Where(b => b.Assembly != NanoToolchain.CoreLibraryName && b.Lines.Any(l => Baseline.IsType(l) && l.StartsWith(ns + ".", System.StringComparison.Ordinal)))
            .ToList();
        return holders.Count == 0 ? null
            : $"Namespace {ns} is not in mscorlib; its types are in the nanoFramework assembly {string.Join(", ", holders.Select(b => b.Assembly + " " + b.Version))}: "
                + "portable code may use mscorlib only, so drop the using and write it with mscorlib, or move the code into firmware/Nano.";
    }

    /// <summary>The simple type name the error is about: the name not found, or the type left of the missing member.</summary>
    private static string? MissingName(Diagnostic error)
    {
        SyntaxTree? tree = error.Location.SourceTree;
        if (tree == null)
        {
            return null;
        }

        SyntaxNode node = tree.GetRoot().FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true);
        if (MemberNotFound.Contains(error.Id))
        {
            MemberAccessExpressionSyntax? access = node.AncestorsAndSelf().OfType<MemberAccessExpressionSyntax>().FirstOrDefault();
            node = access?.Expression ?? node;
        }

        SimpleNameSyntax? simple = node as SimpleNameSyntax
            ?? (node as QualifiedNameSyntax)?.Right
            ?? (node as MemberAccessExpressionSyntax)?.Name
            ?? node.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().LastOrDefault();
        return simple?.Identifier.ValueText;
    }
}
