using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace IotMinerAgent.NanoSurface.Tests.Compiling;

/// <summary>
/// Compiles C# the way the nanoFramework toolchain would: against a model of nanoFramework 1.x's class libraries
/// (Surface/, compiled in memory as the only reference, named "mscorlib"), at the C# version that toolchain uses.
/// </summary>
internal static class NanoToolchain
{
    /// <summary>
    /// C# 9: the default LangVersion of the nanoFramework MSBuild project system since nf-Visual-Studio-extension#617
    /// (nanoframework/Home#744; it was 7.3 before). Newer syntax (file-scoped namespaces, global usings, raw strings,
    /// collection expressions...) therefore fails here as it would in the firmware build.
    /// </summary>
    public const LanguageVersion Language = LanguageVersion.CSharp9;

    /// <summary>The assembly name Roslyn and the nanoFramework metadata processor expect for the core library.</summary>
    public const string SurfaceAssemblyName = "mscorlib";

    /// <summary>Where the surface sources are copied next to the test binaries (see the .csproj).</summary>
    public static readonly string SurfaceFolder = Path.Combine(AppContext.BaseDirectory, "Surface");

    /// <summary>
    /// NANOFRAMEWORK_1_0 is the symbol nanoFramework projects define, so <c>#if NANOFRAMEWORK_1_0</c> shims are
    /// checked in their nanoFramework form.
    /// </summary>
    public static readonly CSharpParseOptions ParseOptions =
        new(Language, DocumentationMode.Parse, SourceCodeKind.Regular, ["NANOFRAMEWORK_1_0"]);

    private static readonly Lazy<MetadataReference> SurfaceReferenceOnce = new(EmitSurfaceReference);

    /// <summary>The compiled surface, built once per test run.</summary>
    public static MetadataReference SurfaceReference => SurfaceReferenceOnce.Value;

    /// <summary>Compiles the surface alone: it must be a self-contained core library.</summary>
    public static CSharpCompilation CompileSurface()
    {
        IEnumerable<SyntaxTree> trees = Directory
            .EnumerateFiles(SurfaceFolder, "*.cs", SearchOption.AllDirectories)
            .OrderBy(file => file, StringComparer.Ordinal)
            .Select(file => CSharpSyntaxTree.ParseText(
                File.ReadAllText(file), ParseOptions, "Surface/" + Path.GetRelativePath(SurfaceFolder, file).Replace('\\', '/')));
        return CSharpCompilation.Create(
            SurfaceAssemblyName,
            trees,
            references: [],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable, deterministic: true));
    }

    /// <summary>Compiles portable sources against the surface only, with nullable reference types on as in the .NET build.</summary>
    public static CSharpCompilation CompilePortable(IEnumerable<PortableSource> sources)
    {
        IEnumerable<SyntaxTree> trees = sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.Path));
        return CSharpCompilation.Create(
            "IotMinerAgent.Portable",
            trees,
            [SurfaceReference],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: false, deterministic: true));
    }

    /// <summary>
    /// A core library has no System.Object to take its metadata version string from, so Roslyn asks for one; any value
    /// serves an in-memory check (this is the usual .NET Framework 4 string).
    /// </summary>
    private static readonly EmitOptions EmitOptions = new(runtimeMetadataVersion: "v4.0.30319");

    /// <summary>Emits a compilation to memory: proves code generation finds every runtime member it needs.</summary>
    public static EmitResult Emit(Compilation compilation)
    {
        using MemoryStream image = new();
        return compilation.Emit(image, options: EmitOptions);
    }

    private static MetadataReference EmitSurfaceReference()
    {
        CSharpCompilation surface = CompileSurface();
        using MemoryStream image = new();
        EmitResult result = surface.Emit(image, options: EmitOptions);
        if (!result.Success)
        {
            throw new InvalidOperationException(
                "The nanoFramework surface (tests/IotMinerAgent.NanoSurface.Tests/Surface) does not compile:\n"
                + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
