using System.Collections.Generic;
using System.Linq;
using System.Text;
using IotMinerAgent.NanoSurface.Tests.Rules;

namespace IotMinerAgent.NanoSurface.Tests.Checking;

/// <summary>What the nanoFramework check found, and the text a developer reads when CI fails.</summary>
internal sealed record NanoCheckResult(
    int SourceCount, IReadOnlyList<Finding> RuleFindings, IReadOnlyList<Finding> CompileErrors, bool Emitted, IReadOnlyList<Finding> MetadataFindings)
{
    public bool IsClean => RuleFindings.Count == 0 && CompileErrors.Count == 0 && Emitted && MetadataFindings.Count == 0;

    public IEnumerable<Finding> All => RuleFindings.Concat(CompileErrors).Concat(MetadataFindings);

    /// <summary>
    /// Every problem, one per line as "file:line: explanation", sorted by place, each said once. A compiler error inside
    /// a construct a rule already reports is counted, not repeated: "List&lt;int&gt; is not allowed" says more than
    /// "List&lt;&gt; not found".
    /// </summary>
    public string Describe()
    {
        List<Finding> explained = CompileErrors.Where(e => RuleFindings.Any(e.IsWithin)).ToList();
        List<Finding> shown = RuleFindings
            .Concat(CompileErrors.Except(explained))
            .Concat(MetadataFindings)
            .DistinctBy(f => f.ToString())
            .OrderBy(f => f.Path, System.StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ToList();

        StringBuilder text = new();
        text.AppendLine($"Portable code must also build and run on .NET nanoFramework 1.x (the ESP32 firmware). {shown.Count} problem(s) in {SourceCount} portable file(s):");
        foreach (Finding finding in shown)
        {
            text.AppendLine(finding.ToString());
        }

        if (explained.Count > 0)
        {
            text.AppendLine($"({explained.Count} compiler error(s) about the constructs above are not repeated.)");
        }

        if (shown.Count == 0 && !Emitted)
        {
            text.AppendLine("The code compiled but could not be emitted.");
        }

        text.AppendLine("Limits: tests/IotMinerAgent.NanoSurface.Tests/README.md (.NET nanoFramework 1.x); what is available: tests/IotMinerAgent.NanoSurface.Tests/README.md.");
        return text.ToString();
    }
}
