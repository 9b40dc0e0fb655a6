using System.Collections.Generic;
using System.Linq;
using IotMinerAgent.NanoSurface.Tests.Compiling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace IotMinerAgent.NanoSurface.Tests;

/// <summary>The nanoFramework surface itself: a self-contained core library with no generics.</summary>
public sealed class SurfaceTests
{
    [Fact]
    public void Surface_compiles_alone_and_emits_without_errors_or_warnings()
    {
        CSharpCompilation surface = NanoToolchain.CompileSurface();

        EmitResult result = NanoToolchain.Emit(surface);

        IEnumerable<Diagnostic> problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.True(result.Success && !problems.Any(), "Surface diagnostics:\n" + string.Join("\n", problems));
    }
}
