using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace IotMinerAgent.NanoSurface.Tests.Compiling;

/// <summary>
/// Compiles C# the way the nanoFramework toolchain would: against nanoFramework's real core library (mscorlib.dll of
/// the nanoFramework.CoreLibrary package, restored by this project) and nothing else, like <c>csc -nostdlib</c>, at the
/// C# version that toolchain uses.
/// </summary>
internal static class NanoToolchain
{
    /// <summary>
    /// C# 9: the default LangVersion of the nanoFramework MSBuild project system since nf-Visual-Studio-extension#617
    /// (nanoframework/Home#744; it was 7.3 before). Newer syntax (file-scoped namespaces, global usings, raw strings,
    /// collection expressions...) therefore fails here as it would in the firmware build.
    /// </summary>
    public const LanguageVersion Language = LanguageVersion.CSharp9;

    /// <summary>The core library's assembly name.</summary>
    public const string CoreLibraryName = "mscorlib";

    /// <summary>The nanoFramework.CoreLibrary version firmware/Nano/packages.config pins and this project restores.</summary>
    public const string CoreLibraryVersion = "1.17.11";

    /// <summary>Where the .csproj copies the restored mscorlib.dll next to the test binaries.</summary>
    public static readonly string CoreLibraryPath = Path.Combine(AppContext.BaseDirectory, "nano", "mscorlib.dll");

    /// <summary>
    /// NANOFRAMEWORK_1_0 is the symbol nanoFramework projects define, so <c>#if NANOFRAMEWORK_1_0</c> shims are
    /// checked in their nanoFramework form.
    /// </summary>
    public static readonly CSharpParseOptions ParseOptions =
        new(Language, DocumentationMode.Parse, SourceCodeKind.Regular, ["NANOFRAMEWORK_1_0"]);

    private static readonly Lazy<MetadataReference> CoreLibraryOnce = new(LoadCoreLibrary);

    /// <summary>nanoFramework's real mscorlib, loaded once per test run.</summary>
    public static MetadataReference CoreLibrary => CoreLibraryOnce.Value;

    /// <summary>Compiles portable sources against nanoFramework's mscorlib only, with nullable reference types on as in the .NET build.</summary>
    public static CSharpCompilation CompilePortable(IEnumerable<PortableSource> sources)
    {
        IEnumerable<SyntaxTree> trees = sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.Path));
        return CSharpCompilation.Create(
            "IotMinerAgent.Portable",
            trees,
            [CoreLibrary],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: false, deterministic: true));
    }

    /// <summary>Compiles a library (a model of a nanoFramework assembly) against mscorlib and the given libraries.</summary>
    public static CSharpCompilation CompileLibrary(string assemblyName, IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference> references)
    {
        return CSharpCompilation.Create(
            assemblyName,
            trees,
            references.Prepend(CoreLibrary),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable, deterministic: true));
    }

    /// <summary>Emits a compilation to memory: proves code generation finds every runtime member it needs.</summary>
    public static EmitResult Emit(Compilation compilation, out byte[] image)
    {
        using MemoryStream stream = new();
        EmitResult result = compilation.Emit(stream);
        image = stream.ToArray();
        return result;
    }

    private static MetadataReference LoadCoreLibrary()
    {
        if (!File.Exists(CoreLibraryPath))
        {
            throw new InvalidOperationException(
                $"nanoFramework's mscorlib is not at {CoreLibraryPath}. It comes from the nanoFramework.CoreLibrary {CoreLibraryVersion} "
                + "NuGet package (PackageDownload in IotMinerAgent.NanoSurface.Tests.csproj): run `dotnet restore` with nuget.org (or a mirror serving it) reachable, then build again.");
        }

        return MetadataReference.CreateFromFile(CoreLibraryPath);
    }
}
