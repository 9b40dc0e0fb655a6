using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IotMinerAgent.NanoSurface.Tests.Compiling;

/// <summary>
/// The model of nanoFramework's libraries beyond mscorlib (Surface/, one folder per assembly, named as the real
/// assembly): compiled against the real mscorlib, each library also against the ones listed before it.
/// </summary>
internal static class NanoModel
{
    /// <summary>Where the model's sources are copied next to the test binaries (see the .csproj).</summary>
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Surface");

    /// <summary>The modelled assemblies, dependencies first.</summary>
    public static readonly IReadOnlyList<string> Assemblies =
    [
        "nanoFramework.Runtime.Native",
        "nanoFramework.System.Text",
        "System.Math",
        "nanoFramework.System.Collections",
        "System.Threading",
        "System.IO.Streams",
        "System.Net",
        "nanoFramework.M2Mqtt.Core",
        "nanoFramework.M2Mqtt",
        "System.Device.Wifi",
        "System.IO.FileSystem",
        "System.Device.Adc",
        "System.Device.Gpio",
    ];

    private static readonly Lazy<IReadOnlyList<CSharpCompilation>> CompiledOnce = new(() => Compile());

    /// <summary>Every modelled assembly, compiled once per test run.</summary>
    public static IReadOnlyList<CSharpCompilation> Libraries => CompiledOnce.Value;

    /// <summary>Compiles the model; <paramref name="edit"/>, if given, rewrites each file's text first (path, text).</summary>
    public static IReadOnlyList<CSharpCompilation> Compile(Func<string, string, string>? edit = null)
    {
        List<CSharpCompilation> libraries = [];
        foreach (string assembly in Assemblies)
        {
            string folder = Path.Combine(Folder, assembly);
            List<SyntaxTree> trees = Directory
                .EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .OrderBy(file => file, StringComparer.Ordinal)
                .Select(file => (Path: "Surface/" + Path.GetRelativePath(Folder, file).Replace('\\', '/'), Text: File.ReadAllText(file)))
                .Select(file => CSharpSyntaxTree.ParseText(edit == null ? file.Text : edit(file.Path, file.Text), NanoToolchain.ParseOptions, file.Path))
                .ToList();

            libraries.Add(NanoToolchain.CompileLibrary(assembly, trees, libraries.Select(l => l.ToMetadataReference())));
        }

        return libraries;
    }
}
