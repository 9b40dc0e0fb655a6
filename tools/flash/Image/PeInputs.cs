using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace IotMinerAgent.Flash.Image;

/// <summary>Turns the <c>--pe</c> arguments into .pe files: a directory stands for its *.pe files, in ordinal name order.</summary>
public static class PeInputs
{
    /// <summary>Expands directories and drops the application itself (it goes last), keeping the given order otherwise.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs, string application)
    {
        string appName = Path.GetFileName(application);
        List<string> files = new();
        foreach (string input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Directory.GetFiles(input, "*.pe")
                    .Where(f => !string.Equals(Path.GetFileName(f), appName, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal));
            }
            else if (!string.Equals(Path.GetFullPath(input), Path.GetFullPath(application), StringComparison.Ordinal))
            {
                files.Add(input);
            }
        }

        return files;
    }
}
