using System;
using System.Globalization;
using System.IO;

namespace IotMinerAgent.Linux.Agent;

/// <summary>
/// A rough estimate of the extra power mining draws, so the owner knows the cost before consenting. Per-core
/// figures are whole-board deltas from idle to all-core load divided by cores, from published Raspberry Pi
/// measurements (Pi 4: ≈2.7 W idle → ≈6.4 W loaded; Pi 5: ≈2.7 W → ≈7.5 W; Pi 3 B+: ≈1.9 W → ≈4.5 W).
/// Other machines vary too much to guess: the estimate says so.
/// </summary>
public sealed record PowerEstimate(string Board, double? WattsPerThread)
{
    /// <summary>Reads the board model from the device tree (Raspberry Pi and most ARM boards).</summary>
    public static PowerEstimate ForThisBoard(string deviceTreeModelPath = "/proc/device-tree/model")
    {
        string model = File.Exists(deviceTreeModelPath) ? File.ReadAllText(deviceTreeModelPath).TrimEnd('\0', '\n') : "unknown board";
        double? perThread = model switch
        {
            _ when model.StartsWith("Raspberry Pi 5", StringComparison.Ordinal) => 1.2,
            _ when model.StartsWith("Raspberry Pi 4", StringComparison.Ordinal) || model.StartsWith("Raspberry Pi Compute Module 4", StringComparison.Ordinal) => 0.9,
            _ when model.StartsWith("Raspberry Pi 3", StringComparison.Ordinal) => 0.65,
            _ => null,
        };
        return new PowerEstimate(model, perThread);
    }

    /// <summary>A sentence for the owner: watts and kWh per month for <paramref name="threads"/> threads at full duty.</summary>
    public string Describe(int threads)
    {
        if (WattsPerThread is not double w)
        {
            return $"{Board}: no estimate for this machine; a desktop or server core under full load typically draws 5–15 W. Measure with a power meter to know the cost.";
        }

        double watts = w * threads;
        double kwhPerMonth = watts * 24 * 30 / 1000;
        return string.Create(CultureInfo.InvariantCulture, $"{Board}: about {watts:F1} W more while mining at full duty, ≈ {kwhPerMonth:F1} kWh per month (an estimate; throttling lowers it).");
    }
}
