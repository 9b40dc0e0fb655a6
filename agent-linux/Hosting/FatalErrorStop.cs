using System;
using System.Threading;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Hosting;

/// <summary>
/// Stops the agent with a chosen exit code from anywhere, e.g. a configuration reload that fails validation
/// (<c>ExitCodes.Config</c>: systemd does not restart it, RestartPreventExitStatus=78) or a worker that cannot go on
/// (<c>ExitCodes.Failure</c>: systemd restarts it). <see cref="FatalErrorExit.RunAsync"/> returns the code.
/// </summary>
public sealed partial class FatalErrorStop(IHostApplicationLifetime lifetime, ILogger<FatalErrorStop> logger)
{
    private int _exitCode = -1;

    /// <summary>The code of the first <see cref="Stop"/>, or null when nothing was fatal.</summary>
    public int? ExitCode
    {
        get
        {
            int code = Volatile.Read(ref _exitCode);
            return code < 0 ? null : code;
        }
    }

    /// <summary>Logs <paramref name="reason"/> as critical and stops the host; the first call's code wins.</summary>
    public void Stop(int exitCode, string reason)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exitCode);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exitCode, 255);
        if (Interlocked.CompareExchange(ref _exitCode, exitCode, -1) == -1)
        {
            LogFatal(logger, exitCode, reason);
        }

        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Stopping with exit code {ExitCode}: {Reason}")]
    private static partial void LogFatal(ILogger logger, int exitCode, string reason);
}
