using System.Collections.Generic;
using System.Linq;
using IotMinerAgent.NanoSurface.Tests.Checking;
using IotMinerAgent.NanoSurface.Tests.Compiling;

namespace IotMinerAgent.NanoSurface.Tests;

/// <summary>The repository's real portable sources, whoever wrote them, build for .NET nanoFramework 1.x.</summary>
public sealed class PortableSourcesTests
{
    private static readonly IReadOnlyList<PortableSource> Sources = PortableSources.Load(PortableSources.RepositoryRoot());

    [Fact]
    public void Portable_sources_are_found_in_every_portable_folder()
    {
        Assert.Contains(Sources, s => s.Path.StartsWith("hashing-core/Portable/", System.StringComparison.Ordinal));
        Assert.Contains(Sources, s => s.Path.StartsWith("governor/Portable/", System.StringComparison.Ordinal));
        Assert.Contains(Sources, s => s.Path.StartsWith("firmware/Portable/", System.StringComparison.Ordinal));
        Assert.DoesNotContain(Sources, s => s.Path.StartsWith("firmware/Nano/", System.StringComparison.Ordinal));
        Assert.All(Sources, s => Assert.Contains("/Portable/", s.Path, System.StringComparison.Ordinal));
        Assert.DoesNotContain(Sources, s => s.Path.Contains("/bin/", System.StringComparison.Ordinal) || s.Path.Contains("/obj/", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Portable_sources_compile_emit_and_keep_the_nanoFramework_rules()
    {
        NanoCheckResult result = NanoCheck.Run(Sources);

        Assert.True(result.IsClean, result.Describe());
    }

    [Fact]
    public void Portable_sources_compile_without_any_reference_but_the_nanoFramework_surface()
    {
        Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation = NanoToolchain.CompilePortable(Sources);

        Assert.Equal([NanoToolchain.SurfaceAssemblyName], compilation.ReferencedAssemblyNames.Select(a => a.Name));
    }
}
