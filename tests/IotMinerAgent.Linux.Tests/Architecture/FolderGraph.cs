using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IotMinerAgent.Linux.Tests.Architecture;

/// <summary>One use of a type across folders: the evidence for an edge of the folder graph.</summary>
internal sealed record FolderEdge(string From, string To, string File, int Line, string Symbol)
{
    public override string ToString() => $"{From} → {To} ({File}:{Line} uses {Symbol})";
}

/// <summary>
/// The folders (namespaces) of a project and which uses which, from the compiler's own binding of every name: a `using` that
/// nothing needs adds no edge, and a type reached without one (a parent namespace, a full name) does.
/// </summary>
internal sealed class FolderGraph
{
    private readonly Dictionary<(string From, string To), FolderEdge> _edges = [];

    private FolderGraph()
    {
    }

    /// <summary>Each edge with the first use found for it.</summary>
    public IReadOnlyCollection<FolderEdge> Edges => _edges.Values;

    /// <summary>Binds every source under <paramref name="projectDir"/>, whose namespaces start with <paramref name="rootNamespace"/>.</summary>
    public static FolderGraph Build(string projectDir, string rootNamespace)
    {
        string[] files = Directory.EnumerateFiles(projectDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
        SyntaxTree[] trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: Path.GetRelativePath(projectDir, f))).ToArray();
        CSharpCompilation compilation = CSharpCompilation.Create("folders", trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        var graph = new FolderGraph();
        foreach (SyntaxTree tree in trees)
        {
            graph.Add(compilation.GetSemanticModel(tree), tree, rootNamespace);
        }

        return graph;
    }

    /// <summary>
    /// The edges inside each group of folders that reach each other (strongly connected components, by Tarjan's
    /// algorithm): every edge listed is on some cycle; an empty result means the graph is layered.
    /// </summary>
    public FolderEdge[][] Cycles()
    {
        var next = _edges.Values.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToArray());
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var groups = new List<HashSet<string>>();

        void Connect(string folder)
        {
            index[folder] = low[folder] = index.Count;
            stack.Push(folder);
            foreach (string to in next.GetValueOrDefault(folder, []))
            {
                if (!index.ContainsKey(to))
                {
                    Connect(to);
                    low[folder] = Math.Min(low[folder], low[to]);
                }
                else if (stack.Contains(to))
                {
                    low[folder] = Math.Min(low[folder], index[to]);
                }
            }

            if (low[folder] == index[folder])
            {
                var group = new HashSet<string>(StringComparer.Ordinal);
                string member;
                do
                {
                    member = stack.Pop();
                    group.Add(member);
                }
                while (member != folder);
                groups.Add(group);
            }
        }

        foreach (string folder in next.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(folder))
            {
                Connect(folder);
            }
        }

        return groups.Where(g => g.Count > 1)
            .Select(g => _edges.Values.Where(e => g.Contains(e.From) && g.Contains(e.To))
                .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ToArray())
            .ToArray();
    }

    private void Add(SemanticModel model, SyntaxTree tree, string rootNamespace)
    {
        foreach (SimpleNameSyntax name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
        {
            string? from = Node(name.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString(), rootNamespace);
            // Namespaces (in usings and declarations) bind to no type and add no edge; `using static` and aliases do.
            ISymbol? symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
            INamedTypeSymbol? type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
            string? to = Node(type?.ContainingNamespace?.ToDisplayString(), rootNamespace);
            if (from is not null && to is not null && to != from)
            {
                _edges.TryAdd((from, to), new FolderEdge(from, to, tree.FilePath, name.GetLocation().GetLineSpan().StartLinePosition.Line + 1, type!.Name));
            }
        }
    }

    // A namespace under the root as a folder path ("IotMinerAgent.Linux.Gateway.Fleet" → "Gateway/Fleet"); null outside.
    private static string? Node(string? ns, string rootNamespace) =>
        ns == rootNamespace ? "."
        : ns is not null && ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal) ? ns[(rootNamespace.Length + 1)..].Replace('.', '/')
        : null;

    // The framework plus every assembly beside the tests (the agent's packages: MQTTnet, Hosting, Sqlite, ...), so names
    // bind as they do in the real build; the agent's own assembly is left out: its sources are compiled here.
    private static IEnumerable<MetadataReference> References()
    {
        string[] platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        IEnumerable<string> beside = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => Path.GetFileName(f) != "iotminer.dll");
        return platform.Concat(beside)
            .GroupBy(Path.GetFileName, StringComparer.Ordinal).Select(g => g.First())
            .Where(IsManaged)
            .Select(f => MetadataReference.CreateFromFile(f));
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
