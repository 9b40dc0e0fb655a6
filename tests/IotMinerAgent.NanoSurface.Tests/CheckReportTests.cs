using IotMinerAgent.NanoSurface.Tests.Checking;

namespace IotMinerAgent.NanoSurface.Tests;

/// <summary>The CI report: each problem said once, none hidden.</summary>
public sealed class CheckReportTests
{
    [Fact]
    public void Compiler_errors_inside_a_reported_construct_are_counted_not_repeated()
    {
        NanoCheckResult result = PortableSnippet.Check(PortableSnippet.InClass("        System.Collections.Generic.List<uint>? hits;"));

        string report = result.Describe();

        Assert.NotEmpty(result.CompileErrors);
        Assert.Contains("generic type List<uint> is not allowed", report, System.StringComparison.Ordinal);
        Assert.DoesNotContain("(CS0234)", report, System.StringComparison.Ordinal);
        Assert.Contains($"({result.CompileErrors.Count} compiler error(s) about the constructs above are not repeated.)", report, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Other_compiler_errors_on_a_reported_line_are_still_shown()
    {
        string text = PortableSnippet.InClass(
            "        public enum Mode { Mining, Paused }\n"
            + "        string Show(Mode mode) { return $\"{mode} {DateTime.Now}\"; }");

        string report = PortableSnippet.Check(text).Describe();

        Assert.Contains($"{PortableSnippet.Path}:8: enum Mode in an interpolated string is not allowed", report, System.StringComparison.Ordinal);
        Assert.Contains($"{PortableSnippet.Path}:8: does not compile against nanoFramework's mscorlib: 'DateTime' does not contain a definition for 'Now' (CS0117).", report, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_problem_twice_on_a_line_is_listed_once()
    {
        string report = PortableSnippet.Check(PortableSnippet.InClass(
            "        System.Collections.Generic.List<int> hits = new System.Collections.Generic.List<int>();")).Describe();

        int first = report.IndexOf("generic type List<int>", System.StringComparison.Ordinal);
        Assert.True(first >= 0, report);
        Assert.Equal(-1, report.IndexOf("generic type List<int>", first + 1, System.StringComparison.Ordinal));
    }
}
