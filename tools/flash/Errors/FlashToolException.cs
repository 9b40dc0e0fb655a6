using System;

namespace IotMinerAgent.Flash.Errors;

/// <summary>
/// A problem the user can fix, with the exit code it maps to. The message names the problem and the fix; the CLI
/// prints it to stderr without a stack trace.
/// </summary>
public abstract class FlashToolException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected FlashToolException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process exit code for this problem (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; }
}
