using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Status;
using IotMinerAgent.Linux.Terminal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Agent;

/// <summary>
/// Samples the status every second. On a terminal it redraws the one live line (<see cref="TerminalScreen"/>); under
/// systemd (or with output redirected) it logs a structured summary every minute instead: no cursor codes in the journal.
/// </summary>
public sealed class StatusLoop(AgentStatusProvider provider, ILogger<StatusLoop> logger, TerminalScreen terminal) : BackgroundService
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromMinutes(1);

    /// <summary>Raised after every sample with the new snapshot (sd_notify STATUS=, MQTT).</summary>
    public event Action<AgentStatus>? Sampled;

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => terminal.ShowWhileAsync(() => SampleAsync(stoppingToken));

    private async Task SampleAsync(CancellationToken stoppingToken)
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
                terminal.ShowStatus(StatusText.ForTerminal(status));
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
