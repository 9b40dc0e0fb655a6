using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Status;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Agent;

/// <summary>
/// Samples the status every second. On a terminal it redraws one live line; under systemd (or with output
/// redirected) it logs a structured summary every minute instead: no spinner in the journal.
/// </summary>
public sealed class StatusLoop(AgentStatusProvider provider, ILogger<StatusLoop> logger, TerminalOutput terminal) : BackgroundService
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromMinutes(1);

    /// <summary>Raised after every sample with the new snapshot (sd_notify STATUS=, MQTT).</summary>
    public event Action<AgentStatus>? Sampled;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        DateTime nextLog = DateTime.UtcNow + LogEvery;
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            provider.Sample();
            AgentStatus status = provider.GetStatus();
            Sampled?.Invoke(status);
            if (terminal.IsInteractive)
            {
                terminal.Redraw(StatusText.OneLine(status));
            }
            else if (DateTime.UtcNow >= nextLog)
            {
                nextLog = DateTime.UtcNow + LogEvery;
                logger.LogInformation("Status {State}: {Reason}; {Hashrate:F0} H/s on {Threads} threads, duty {Duty} %, {Accepted} accepted, {Rejected} rejected, {Stale} stale, pool {Pool}",
                    status.State, status.Reason, status.HashrateHs, status.Threads, status.DutyPercent, status.Accepted, status.Rejected, status.Stale, status.Pool);
            }
        }
    }
}

/// <summary>The terminal the live status line is drawn on (standard error), if there is one.</summary>
public sealed class TerminalOutput(TextWriter writer, bool isInteractive)
{
    /// <summary>The real terminal: interactive when stderr is not redirected and the agent is not a systemd service.</summary>
    public static TerminalOutput FromConsole()
        => new(Console.Error, !Console.IsErrorRedirected && !SystemdHelpers.IsSystemdService());

    /// <summary>True when a live line should be drawn.</summary>
    public bool IsInteractive => isInteractive;

    /// <summary>Clears the live line, so what is printed next starts on an empty line.</summary>
    public void EndLiveLine()
    {
        if (isInteractive)
        {
            Redraw(string.Empty);
        }
    }

    /// <summary>Replaces the current line (carriage return, erase line: ECMA-48 EL).</summary>
    public void Redraw(string line)
    {
        lock (writer)
        {
            writer.Write("\r\u001b[2K" + line);
            writer.Flush();
        }
    }
}
