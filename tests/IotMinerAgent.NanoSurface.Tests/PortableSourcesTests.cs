using System.Collections.Generic;
using System.IO;
using System.Linq;
using IotMinerAgent.NanoSurface.Tests.Checking;
using IotMinerAgent.NanoSurface.Tests.Compiling;
using Microsoft.CodeAnalysis;

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

    [Theory]
    [InlineData("firmware/Portable/Json/Report.cs", "System.Text.StringBuilder text = new System.Text.StringBuilder();", "nanoFramework.System.Text 1.3.42")]
    [InlineData("governor/Portable/Extra/Hits.cs", "System.Collections.Generic.List<int> hits = new System.Collections.Generic.List<int>();", "generic type List<int> is not allowed in portable code")]
    [InlineData("agent-linux/Portable/Shared.cs", "object table = new System.Collections.Hashtable();", "nanoFramework.System.Collections 1.5.67")]
    public void A_file_put_in_any_Portable_folder_is_checked_and_fails_clearly(string path, string field, string explanation)
    {
        string root = Directory.CreateTempSubdirectory("nano-portable-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "IotMinerAgent.sln"), string.Empty);
            string file = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "namespace IotMinerAgent.Extra\n{\n    public sealed class Extra\n    {\n        private " + field + "\n    }\n}\n");

            NanoCheckResult result = NanoCheck.Run(PortableSources.Load(root));

            Assert.False(result.IsClean);
            string report = result.Describe();
            Assert.Contains($"{path}:5: ", report, System.StringComparison.Ordinal);
            Assert.Contains(explanation, report, System.StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_Portable_folder_under_tests_is_not_portable_code()
    {
        string root = Directory.CreateTempSubdirectory("nano-portable-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "tests", "X.Tests", "Portable"));
            File.WriteAllText(Path.Combine(root, "tests", "X.Tests", "Portable", "T.cs"), "class T { }");
            Directory.CreateDirectory(Path.Combine(root, "hashing-core", "Portable"));
            File.WriteAllText(Path.Combine(root, "hashing-core", "Portable", "H.cs"), "class H { }");

            Assert.Equal(["hashing-core/Portable/H.cs"], PortableSources.Load(root).Select(s => s.Path));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Portable_sources_compile_emit_and_keep_the_nanoFramework_rules()
    {
        NanoCheckResult result = NanoCheck.Run(Sources);

        Assert.True(result.IsClean, result.Describe());
    }

    [Fact]
    public void Portable_sources_compile_against_the_real_mscorlib_and_nothing_else()
    {
        Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation = NanoToolchain.CompilePortable(Sources);

        AssemblyIdentity core = Assert.Single(compilation.ReferencedAssemblyNames);
        Assert.Equal(NanoToolchain.CoreLibraryName, core.Name);
        Assert.Equal(NanoToolchain.CoreLibraryName, compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly.Name);
        Assert.Equal(System.Version.Parse(NanoToolchain.CoreLibraryVersion), new System.Version(core.Version.Major, core.Version.Minor, core.Version.Build));
    }
}
