using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using IotMinerAgent.NanoSurface.Tests.Compiling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IotMinerAgent.NanoSurface.Tests;

/// <summary>
/// The device projects (firmware image and sample) compile as their .nfproj lists them: their own sources plus the
/// linked portable ones, against the real mscorlib and the model of the other libraries they reference. Since every
/// model member is in the real library's baseline (ModelTests), a call the real libraries lack fails here.
/// </summary>
public sealed class FirmwareImageTests
{
    public static TheoryData<string> Projects => PackagePinTests.Projects;

    [Theory]
    [MemberData(nameof(Projects))]
    public void Device_project_compiles_against_the_real_mscorlib_and_the_model(string project)
    {
        string root = PortableSources.RepositoryRoot();
        string nfproj = Path.Combine(root, project);
        List<string> files = CompiledFiles(nfproj);
        IEnumerable<SyntaxTree> trees = files.Select(file => CSharpSyntaxTree.ParseText(
            File.ReadAllText(file), NanoToolchain.ParseOptions, Path.GetRelativePath(root, file).Replace('\\', '/')));
        CSharpCompilation image = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(nfproj),
            trees,
            NanoModel.Libraries.Select(l => l.ToMetadataReference()).Prepend(NanoToolchain.CoreLibrary),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        List<Diagnostic> errors = image.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        Assert.Contains(files, f => f.Contains($"{Path.DirectorySeparatorChar}Portable{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("M2MqttLink.cs", StringComparison.Ordinal));
        Assert.True(errors.Count == 0, $"{project} does not compile against nanoFramework's mscorlib and the model of its other libraries "
            + "(tests/IotMinerAgent.NanoSurface.Tests/Surface; add what the real library has, as its baseline lists it):\n" + string.Join("\n", errors));
    }

    [Fact]
    public void A_call_the_real_library_lacks_fails_the_device_build()
    {
        // Hashtable.ContainsKey is the kind of drift issue 21 found: nanoFramework.System.Collections has Contains only.
        SyntaxTree tree = CSharpSyntaxTree.ParseText(
            "class Probe { bool Has(System.Collections.Hashtable t) { return t.ContainsKey(1); } }", NanoToolchain.ParseOptions);
        CSharpCompilation image = CSharpCompilation.Create(
            "Probe", [tree], NanoModel.Libraries.Select(l => l.ToMetadataReference()).Prepend(NanoToolchain.CoreLibrary),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        Assert.Contains(image.GetDiagnostics(), d => d.Id == "CS1061" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("ContainsKey", StringComparison.Ordinal));
    }

    /// <summary>The .nfproj's &lt;Compile Include&gt; items, with its wildcards (* in a name, ** for any depth) expanded.</summary>
    private static List<string> CompiledFiles(string nfproj)
    {
        string folder = Path.GetDirectoryName(nfproj)!;
        return XDocument.Load(nfproj).Descendants()
            .Where(e => e.Name.LocalName == "Compile")
            .Select(e => e.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar))
            .SelectMany(pattern => Expand(folder, pattern))
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj"))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> Expand(string folder, string pattern)
    {
        int recursive = pattern.IndexOf("**", StringComparison.Ordinal);
        if (recursive >= 0)
        {
            string baseFolder = Path.GetFullPath(Path.Combine(folder, pattern[..recursive]));
            return Directory.Exists(baseFolder) ? Directory.EnumerateFiles(baseFolder, Path.GetFileName(pattern), SearchOption.AllDirectories) : [];
        }

        string full = Path.GetFullPath(Path.Combine(folder, pattern));
        string directory = Path.GetDirectoryName(full)!;
        return Path.GetFileName(full).Contains('*', StringComparison.Ordinal)
            ? Directory.EnumerateFiles(directory, Path.GetFileName(full))
            : [full];
    }
}
