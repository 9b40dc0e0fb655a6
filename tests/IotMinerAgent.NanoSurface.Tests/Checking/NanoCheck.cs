using System.Collections.Generic;
using System.Linq;
using IotMinerAgent.NanoSurface.Tests.Compiling;
using IotMinerAgent.NanoSurface.Tests.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace IotMinerAgent.NanoSurface.Tests.Checking;

/// <summary>
/// The whole check of portable code: compile it against nanoFramework's real mscorlib alone, emit it (code generation
/// needs runtime helpers such as RuntimeHelpers.InitializeArray), read the emitted metadata and IL for what the
/// nanoFramework metadata processor cannot take, and run the portable rules (which explain why, in source terms).
/// </summary>
internal static class NanoCheck
{
    public static NanoCheckResult Run(IReadOnlyList<PortableSource> sources)
    {
        CSharpCompilation compilation = NanoToolchain.CompilePortable(sources);
        List<Finding> compileErrors = Errors(compilation.GetDiagnostics());
        bool emitted = false;
        List<Finding> metadata = [];
        if (compileErrors.Count == 0)
        {
            EmitResult emit = NanoToolchain.Emit(compilation, out byte[] image);
            emitted = emit.Success;
            compileErrors.AddRange(Errors(emit.Diagnostics));
            if (emitted)
            {
                metadata = MetadataCheck.Run(image, compilation);
            }
        }

        return new NanoCheckResult(sources.Count, PortableRuleWalker.Check(compilation), compileErrors, emitted, metadata);
    }

    private static List<Finding> Errors(IEnumerable<Diagnostic> diagnostics)
    {
        return diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(CompilerErrors.Explain)
            .ToList();
    }
}
