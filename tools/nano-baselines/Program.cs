using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using IotMinerAgent.NanoSurface.Tests.Api;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

// Usage: nano-baselines <mscorlib.dll> <output folder> < manifest
// Each manifest line: <assembly name> TAB <version> TAB <origin, printed in the header> TAB <.nfproj or .dll path>.
// Lines are processed in order; a library's sources are compiled against mscorlib and every library listed before it,
// so list dependencies first. Compile errors inside a library (native stubs, missing packages) do not matter: only its
// declarations are read. A type that stays unresolved is reported, because it would print without its namespace.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: nano-baselines <mscorlib.dll> <output folder> < manifest (assembly, version, origin, path; tab-separated)");
    return 64;
}

MetadataReference mscorlib = MetadataReference.CreateFromFile(args[0]);
string output = args[1];
Directory.CreateDirectory(output);
Dictionary<string, MetadataReference> libraries = new(StringComparer.Ordinal);
int unresolvedTotal = 0;
string? entry;
while ((entry = Console.ReadLine()) != null)
{
    if (entry.Length == 0 || entry.StartsWith('#'))
    {
        continue;
    }

    string[] fields = entry.Split('\t');
    if (fields.Length != 4)
    {
        Console.Error.WriteLine($"manifest line needs 4 tab-separated fields (assembly, version, origin, path): {entry}");
        return 65;
    }

    (string name, string version, string origin, string path) = (fields[0], fields[1], fields[2], fields[3]);
    IAssemblySymbol assembly;
    if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
    {
        CSharpCompilation host = CSharpCompilation.Create("host", references: [MetadataReference.CreateFromFile(path)]);
        assembly = host.References.Select(host.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>().Single();
    }
    else
    {
        CSharpCompilation library = CompileProject(path, mscorlib, libraries);
        assembly = library.Assembly;
        libraries[library.AssemblyName!] = library.ToMetadataReference();
        List<string> unresolved = library.GetDiagnostics()
            .Where(d => d.Id is "CS0246" or "CS0234")
            .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .Distinct()
            .ToList();
        unresolvedTotal += unresolved.Count;
        unresolved.ForEach(u => Console.Error.WriteLine($"{name}: unresolved: {u}"));
    }

    if (assembly.Name != name)
    {
        Console.Error.WriteLine($"{path} builds assembly {assembly.Name}, not {name} as the manifest says.");
        return 65;
    }

    List<string> lines = ApiListing.Lines(assembly);
    string file = Path.Combine(output, $"{name}.{version}.txt");
    File.WriteAllLines(file, new[]
    {
        $"# {name} {version}: public API, one member a line (PublicAPI.Shipped.txt style, parameter types only).",
        $"# From {origin}.",
        "# Written by tests/scripts/nano-baselines.sh (tools/nano-baselines); do not edit by hand.",
    }.Concat(lines));
    Console.WriteLine($"{file}: {lines.Count} lines");
}

return unresolvedTotal == 0 ? 0 : 1;

// The sources a nanoFramework project compiles (its <Compile Include> items, with its DefineConstants), against
// mscorlib and the libraries it references (<Reference Include>, <ProjectReference>) that the manifest listed before it.
static CSharpCompilation CompileProject(string nfproj, MetadataReference mscorlib, Dictionary<string, MetadataReference> libraries)
{
    XDocument project = XDocument.Load(nfproj);
    IEnumerable<MetadataReference> references = project.Descendants()
        .Where(e => e.Name.LocalName is "Reference" or "ProjectReference" && e.Attribute("Include") != null)
        .Select(e => e.Attribute("Include")!.Value.Split(',')[0].Replace('\\', '/').Split('/')[^1].Replace(".nfproj", string.Empty, StringComparison.Ordinal))
        .Where(libraries.ContainsKey)
        .Select(name => libraries[name])
        .Prepend(mscorlib);
    string folder = Path.GetDirectoryName(Path.GetFullPath(nfproj))!;
    string assemblyName = project.Descendants().First(e => e.Name.LocalName == "AssemblyName").Value.Trim();
    IEnumerable<string> symbols = project.Descendants()
        .Where(e => e.Name.LocalName == "DefineConstants")
        .SelectMany(e => e.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Where(s => !s.StartsWith('$'))
        .Append("NANOFRAMEWORK_1_0")
        .Distinct();
    CSharpParseOptions parse = new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Regular, symbols);
    IEnumerable<SyntaxTree> trees = project.Descendants()
        .Where(e => e.Name.LocalName == "Compile" && e.Attribute("Include") != null)
        .Select(e => Path.GetFullPath(Path.Combine(folder, e.Attribute("Include")!.Value.Replace('\\', '/'))))
        .Where(File.Exists)
        .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), parse, file));
    return CSharpCompilation.Create(
        assemblyName,
        trees,
        references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Disable));
}
