using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
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
    // Each project as it builds by default, and the firmware image also as a custom nanoCLR image builds it
    // (-p:IotMinerNative=true: the native engine and the interop assembly's managed side, firmware/Native/managed).
    public static TheoryData<string, bool> Builds => new()
    {
        { "firmware/Nano/IotMinerAgent.Firmware.Nano.nfproj", false },
        { "firmware/Nano/IotMinerAgent.Firmware.Nano.nfproj", true },
        { "firmware/Samples/SmartLamp/SmartLamp.nfproj", false },
    };

    [Theory]
    [MemberData(nameof(Builds))]
    public void Device_project_compiles_against_the_real_mscorlib_and_the_model(string project, bool native)
    {
        string root = PortableSources.RepositoryRoot();
        string nfproj = Path.Combine(root, project);

        CSharpCompilation image = Compile(root, nfproj, native, OutputKind.ConsoleApplication);

        List<Diagnostic> errors = image.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        string[] files = image.SyntaxTrees.Select(t => t.FilePath).ToArray();
        Assert.Contains(files, f => f.Contains("/Portable/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("M2MqttLink.cs", StringComparison.Ordinal));
        Assert.Equal(native, image.References.Any(r => r.Display == "IotMinerAgent.Native"));
        Assert.True(errors.Count == 0, $"{project} does not compile against nanoFramework's mscorlib and the model of its other libraries "
            + "(tests/IotMinerAgent.NanoSurface.Tests/Surface; add what the real library has, as its baseline lists it):\n" + string.Join("\n", errors));
    }

    // A project's own sources against the real mscorlib, the model, and the .nfproj projects it references, each of
    // those compiled the same way into an assembly of its own (as the nanoFramework build does).
    private static CSharpCompilation Compile(string root, string nfproj, bool native, OutputKind kind)
    {
        XElement[] items = Items(nfproj, native);
        IEnumerable<MetadataReference> projects = ProjectReferences(nfproj, items).Select(referenced =>
        {
            CSharpCompilation library = Compile(root, referenced, native, OutputKind.DynamicallyLinkedLibrary);
            Diagnostic[] errors = library.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, $"{Path.GetRelativePath(root, referenced)} does not compile:\n" + string.Join("\n", errors.AsEnumerable()));
            return library.ToMetadataReference();
        }).ToArray();
        IEnumerable<SyntaxTree> trees = CompiledFiles(nfproj, items).Select(file => CSharpSyntaxTree.ParseText(
            File.ReadAllText(file), NanoToolchain.ParseOptions, Path.GetRelativePath(root, file).Replace('\\', '/')));
        return CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(nfproj),
            trees,
            NanoModel.Libraries.Select(l => l.ToMetadataReference()).Prepend(NanoToolchain.CoreLibrary).Concat(projects),
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
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

    // The project's Compile and ProjectReference items that apply to this build.
    private static XElement[] Items(string nfproj, bool native) => XDocument.Load(nfproj).Descendants()
        .Where(e => e.Name.LocalName is "Compile" or "ProjectReference" && Applies(e, native)).ToArray();

    /// <summary>The project's &lt;Compile Include&gt; files, with its wildcards (* in a name, ** for any depth) expanded.</summary>
    private static List<string> CompiledFiles(string nfproj, XElement[] items)
    {
        string folder = Path.GetDirectoryName(nfproj)!;
        return items
            .Where(e => e.Name.LocalName == "Compile")
            .Select(e => e.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar))
            .SelectMany(pattern => Expand(folder, pattern))
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj"))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> ProjectReferences(string nfproj, XElement[] items) => items
        .Where(e => e.Name.LocalName == "ProjectReference")
        .Select(e => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(nfproj)!, e.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar))));

    // MSBuild conditions on an item or its group; the projects use one form only, '$(Property)' == 'value', and the one
    // property they test is IotMinerNative. Any other condition fails loudly rather than being guessed.
    private static bool Applies(XElement item, bool native) =>
        item.AncestorsAndSelf().All(e => e.Attribute("Condition") is not { } condition || Evaluate(condition.Value, native));

    private static bool Evaluate(string condition, bool native)
    {
        Match test = Regex.Match(condition, @"^\s*'\$\((\w+)\)'\s*==\s*'(\w*)'\s*$");
        Assert.True(test.Success && test.Groups[1].Value == "IotMinerNative",
            $"the test cannot evaluate the .nfproj condition \"{condition}\": teach FirmwareImageTests.Evaluate its form");
        return (native ? "true" : string.Empty) == test.Groups[2].Value;
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
