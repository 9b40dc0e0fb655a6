namespace IotMinerAgent.Linux.Platform;

/// <summary>What a command printed and how it ended.</summary>
/// <param name="ExitCode">The exit code; 127 when the program could not be started, 124 when it timed out (as timeout(1)).</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    /// <summary>True when the command exited 0.</summary>
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs system commands (useradd, systemctl, vcgencmd, loginctl, …): the seam through which tests script or record them.</summary>
public interface ICommandRunner
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/> (no shell) and waits for it.</summary>
    CommandResult Run(string program, params string[] arguments);
}
