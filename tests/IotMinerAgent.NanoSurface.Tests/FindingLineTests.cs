using System.Collections.Generic;
using System.Linq;
using CsCheck;
using IotMinerAgent.NanoSurface.Tests.Compiling;
using IotMinerAgent.NanoSurface.Tests.Rules;

namespace IotMinerAgent.NanoSurface.Tests;

/// <summary>A finding names the line of the construct, wherever in the file the construct sits.</summary>
public sealed class FindingLineTests
{
    private static readonly object[][] Constructs = ForbiddenConstructTests.Constructs.ToArray();

    [Fact]
    public void Finding_points_at_the_construct_after_any_number_of_blank_and_comment_lines()
    {
        Gen.Select(Gen.Int[0, Constructs.Length - 1], Gen.Bool.Array[0, 40]).Sample(
            (pick, padding) =>
            {
                string code = (string)Constructs[pick][0];
                string ruleId = (string)Constructs[pick][1];
                string text = string.Concat(padding.Select(comment => comment ? "// padding\n" : "\n")) + PortableSnippet.File(code);
                int line = PortableSnippet.MarkedLine(text);

                IReadOnlyList<Finding> findings = PortableRuleWalker.Check(
                    NanoToolchain.CompilePortable([new PortableSource(PortableSnippet.Path, text)]));

                Assert.Contains(findings, f => f.Code == ruleId && f.Line == line && f.Path == PortableSnippet.Path);
            },
            iter: 25);
    }
}
