using System.Collections.Generic;
using System.IO;
using System.Linq;
using IotMinerAgent.NanoSurface.Tests.Api;
using IotMinerAgent.NanoSurface.Tests.Compiling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IotMinerAgent.NanoSurface.Tests;

/// <summary>
/// The model of nanoFramework's libraries beyond mscorlib (Surface/) against the real libraries' recorded public API
/// (Baselines/): same assembly names, and nothing the real libraries lack.
/// </summary>
public sealed class ModelTests
{
    [Fact]
    public void Model_compiles_against_the_real_mscorlib_without_errors_or_warnings()
    {
        foreach (CSharpCompilation library in NanoModel.Libraries)
        {
            IEnumerable<Diagnostic> problems = library.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);
            Assert.True(!problems.Any(), $"Surface/{library.AssemblyName}:\n" + string.Join("\n", problems));
            Assert.True(NanoToolchain.Emit(library, out _).Success);
        }
    }

    [Fact]
    public void Every_model_folder_is_a_listed_assembly()
    {
        IEnumerable<string> folders = Directory.EnumerateDirectories(NanoModel.Folder).Select(Path.GetFileName).Order()!;

        Assert.Equal(NanoModel.Assemblies.Order(), folders);
    }

    [Fact]
    public void Model_holds_only_members_the_real_libraries_have()
    {
        List<string> problems = ModelComparison.Differences(NanoModel.Libraries);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Model_does_not_stand_in_for_mscorlib()
    {
        Assert.DoesNotContain(NanoToolchain.CoreLibraryName, NanoModel.Assemblies);
        Assert.All(NanoModel.Libraries, l => Assert.Equal(
            NanoToolchain.CoreLibraryName, l.GetSpecialType(SpecialType.System_Object).ContainingAssembly.Name));
    }

    [Fact]
    public void A_fake_member_fails_the_comparison_naming_it_and_the_real_alternative()
    {
        // Math.Sin(float) is the kind of drift issue 21 found: System.Math 1.5.116 has Sin(double) only.
        IReadOnlyList<CSharpCompilation> model = NanoModel.Compile((path, text) => path.EndsWith("System.Math/Math.cs", System.StringComparison.Ordinal)
            ? text.Replace("public static class Math\n    {", "public static class Math\n    {\n        public static float Sin(float a) => throw null;\n", System.StringComparison.Ordinal)
            : text);

        List<string> problems = ModelComparison.Differences(model);

        string problem = Assert.Single(problems);
        Assert.Contains("`static System.Math.Sin(float) -> float` is not in System.Math 1.5.116", problem, System.StringComparison.Ordinal);
        Assert.Contains("the real library has: static System.Math.Sin(double) -> double", problem, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_folder_with_a_made_up_assembly_name_fails_the_comparison()
    {
        CSharpCompilation renamed = NanoModel.Libraries.Single(l => l.AssemblyName == "System.Math").WithAssemblyName("nanoFramework.System.Math");

        string problem = Assert.Single(ModelComparison.Differences([renamed]));

        Assert.Contains("Surface/nanoFramework.System.Math models an assembly with no baseline", problem, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Model_defines_no_generic_type_or_method()
    {
        // Deliberately stricter than the real libraries: mscorlib 1.17.11 declares Action<T> and Func<T, TResult>, but
        // the 1.x nanoCLR cannot run generic code, so nothing the firmware compiles against offers generics (README.md).
        List<string> generic = NanoModel.Libraries
            .SelectMany(l => ApiListing.Lines(l.Assembly))
            .Where(line => line.Contains('<', System.StringComparison.Ordinal))
            .ToList();

        Assert.True(generic.Count == 0, "The model defines generic members: " + string.Join(", ", generic));
    }
}
