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
    private static readonly CSharpCompilation Surface = NanoToolchain.CompileSurface();

    [Fact]
    public void Surface_compiles_alone_and_emits_without_errors_or_warnings()
    {
        EmitResult result = NanoToolchain.Emit(Surface);

        IEnumerable<Diagnostic> problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.True(result.Success && !problems.Any(), "Surface diagnostics:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Surface_defines_no_generic_type_or_method()
    {
        List<string> generic = AllTypes(Surface.Assembly.GlobalNamespace)
            .SelectMany(t => t.IsGenericType ? [t.ToDisplayString()] : t.GetMembers().OfType<IMethodSymbol>().Where(m => m.IsGenericMethod).Select(m => m.ToDisplayString()))
            .ToList();

        Assert.True(generic.Count == 0, "nanoFramework 1.x has no generics, yet the surface defines: " + string.Join(", ", generic));
    }

    [Fact]
    public void Portable_code_sees_the_surface_as_its_core_library()
    {
        CSharpCompilation portable = NanoToolchain.CompilePortable([]);

        Assert.Equal(NanoToolchain.SurfaceAssemblyName, portable.GetSpecialType(SpecialType.System_Object).ContainingAssembly.Name);
        Assert.Equal(TypeKind.Error, portable.GetSpecialType(SpecialType.System_Nullable_T).TypeKind);
    }

    [Theory]
    [InlineData("System.SpanByte")]
    [InlineData("System.Collections.ArrayList")]
    [InlineData("System.Collections.Hashtable")]
    [InlineData("System.Text.StringBuilder")]
    [InlineData("System.Text.Encoding")]
    [InlineData("System.Threading.Thread")]
    [InlineData("System.Threading.Timer")]
    [InlineData("System.BitConverter")]
    [InlineData("System.Runtime.CompilerServices.RuntimeHelpers")]
    [InlineData("System.Diagnostics.CodeAnalysis.NotNullWhenAttribute")]
    public void Surface_has_what_nanoFramework_has(string metadataName)
    {
        Assert.NotNull(Surface.GetTypeByMetadataName(metadataName));
    }

    [Theory]
    [InlineData("System.Nullable`1")]
    [InlineData("System.Span`1")]
    [InlineData("System.ValueTuple`2")]
    [InlineData("System.Func`1")]
    [InlineData("System.Buffer")]
    [InlineData("System.Decimal")]
    [InlineData("System.OverflowException")]
    [InlineData("System.DivideByZeroException")]
    [InlineData("System.Threading.Tasks.Task")]
    [InlineData("System.Buffers.Binary.BinaryPrimitives")]
    [InlineData("System.Numerics.BitOperations")]
    [InlineData("System.Runtime.CompilerServices.IsExternalInit")]
    [InlineData("System.Runtime.CompilerServices.IsVolatile")]
    public void Surface_lacks_what_nanoFramework_lacks(string metadataName)
    {
        Assert.Null(Surface.GetTypeByMetadataName(metadataName));
    }

    private static IEnumerable<INamedTypeSymbol> WithNestedTypes(INamedTypeSymbol type)
    {
        return type.GetTypeMembers().SelectMany(WithNestedTypes).Prepend(type);
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (INamedTypeSymbol type in ns.GetTypeMembers().SelectMany(WithNestedTypes))
        {
            yield return type;
        }

        foreach (INamespaceSymbol child in ns.GetNamespaceMembers())
        {
            foreach (INamedTypeSymbol type in AllTypes(child))
            {
                yield return type;
            }
        }
    }
}
