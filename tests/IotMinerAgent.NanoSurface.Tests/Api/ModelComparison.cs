using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace IotMinerAgent.NanoSurface.Tests.Api;

/// <summary>Compares the model's public API with the real libraries' baselines: the model may only hold real members.</summary>
internal static class ModelComparison
{
    /// <summary>One line per model member the real library lacks, naming it and what the real library has instead.</summary>
    public static List<string> Differences(IEnumerable<Compilation> model)
    {
        List<string> problems = [];
        foreach (Compilation library in model)
        {
            string assembly = library.AssemblyName!;
            Baseline? real = Baseline.Of(assembly);
            if (real == null)
            {
                problems.Add($"Surface/{assembly} models an assembly with no baseline (Baselines/{assembly}.<version>.txt): "
                    + "name the folder exactly as the real nanoFramework assembly, and run tests/scripts/nano-baselines.sh if it is newly pinned.");
                continue;
            }

            foreach (string line in ApiListing.Lines(library.Assembly).Where(l => !real.Lines.Contains(l)))
            {
                List<string> instead = real.Overloads(line).ToList();
                string alternative = instead.Count > 0
                    ? "the real library has: " + string.Join("; ", instead)
                    : "the real library has no member of that name";
                problems.Add($"Surface/{assembly}: `{line}` is not in {assembly} {real.Version} ({real.Origin}); {alternative}. "
                    + "Remove it from the model (portable code must not use it) or make it match the baseline.");
            }
        }

        return problems;
    }
}
