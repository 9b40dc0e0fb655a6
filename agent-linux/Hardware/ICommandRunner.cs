using System.Collections.Generic;

namespace IotMinerAgent.Linux.Hardware;

/// <summary>Runs a short external command (vcgencmd, loginctl); injectable so tests need neither.</summary>
public interface ICommandRunner
{
    /// <summary>Runs <paramref name="fileName"/> and returns its standard output.</summary>
    /// <returns>False when the command is missing, fails (non-zero exit) or does not finish in time.</returns>
    bool TryRun(string fileName, IReadOnlyList<string> arguments, out string output);
}
