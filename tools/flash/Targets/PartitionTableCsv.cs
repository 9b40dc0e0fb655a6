using System;
using System.Linq;

namespace IotMinerAgent.Flash.Targets;

/// <summary>
/// Reads the deployment partition from an ESP-IDF partition table CSV (<c>Name, Type, SubType, Offset, Size, Flags</c>;
/// ESP-IDF "Partition Tables"). nanoFramework marks its deployment partition as <c>data</c> with the custom subtype
/// <c>0x84</c>; MCUboot variants have two (<c>deploy_0</c> active, <c>deploy_1</c> staging), so the first one wins.
/// </summary>
public static class PartitionTableCsv
{
    /// <summary>The nanoFramework deployment partition subtype.</summary>
    public const string DeploySubtype = "0x84";

    /// <summary>Finds the deployment partition; returns false with a reason when the table has none or it is malformed.</summary>
    public static bool TryReadDeployPartition(string csv, out uint offset, out uint size, out string problem)
    {
        foreach (string rawLine in csv.Split('\n'))
        {
            string[] fields = StripComment(rawLine).Split(',').Select(f => f.Trim()).ToArray();
            if (fields.Length < 5 || fields[1] != "data" || !string.Equals(fields[2], DeploySubtype, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (FlashAddress.TryParse(fields[3], out offset) && FlashAddress.TryParse(fields[4], out size))
            {
                problem = string.Empty;
                return true;
            }

            problem = $"the deployment partition '{fields[0]}' has no explicit offset and size ('{fields[3]}', '{fields[4]}')";
            size = 0;
            return false;
        }

        offset = 0;
        size = 0;
        problem = $"no deployment partition (type data, subtype {DeploySubtype})";
        return false;
    }

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#');
        return hash < 0 ? line : line[..hash];
    }
}
