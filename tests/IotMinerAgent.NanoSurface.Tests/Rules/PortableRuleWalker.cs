using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IotMinerAgent.NanoSurface.Tests.Rules;

/// <summary>
/// Walks portable sources and reports every construct .NET nanoFramework 1.x cannot run (see <see cref="PortableRules"/>).
/// Mostly syntactic, so it explains a construct even where the nanoFramework compile fails to bind it; the semantic
/// model is used where the syntax alone is ambiguous (is <c>X?</c> a value type, is this receiver an enum).
/// </summary>
internal sealed partial class PortableRuleWalker : CSharpSyntaxWalker
{
    private readonly SemanticModel _model;
    private readonly List<Finding> _findings;
    private readonly HashSet<SyntaxNode> _iteratorsReported = [];

    private PortableRuleWalker(SemanticModel model, List<Finding> findings)
        : base(SyntaxWalkerDepth.Token)
    {
        _model = model;
        _findings = findings;
    }

    /// <summary>Every rule broken in the compilation's sources, in source order per file.</summary>
    public static IReadOnlyList<Finding> Check(Compilation compilation)
    {
        List<Finding> findings = [];
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            new PortableRuleWalker(compilation.GetSemanticModel(tree), findings).Visit(tree.GetRoot());
        }

        return findings;
    }

    private bool IsDeclaredInSource(SyntaxNode node)
    {
        SymbolInfo info = _model.GetSymbolInfo(node);
        ISymbol? symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        return symbol != null && symbol.Locations.Any(l => l.IsInSource);
    }

    private static string Snippet(SyntaxNode node)
    {
        string text = Whitespace().Replace(node.ToString(), " ");
        return text.Length <= 60 ? text : text[..57] + "...";
    }

    private void Report(PortableRule rule, SyntaxNode node, string what)
    {
        _findings.Add(Finding.Broken(rule, node.GetLocation(), what));
    }

    private void Report(PortableRule rule, SyntaxToken token, string what)
    {
        _findings.Add(Finding.Broken(rule, token.GetLocation(), what));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
