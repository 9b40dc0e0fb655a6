using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Status;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Service;

/// <summary>
/// Keeps systemd informed (sd_notify(3)): <c>READY=1</c> when <see cref="MarkReady"/> is called, then every
/// <see cref="ServiceWatchdogOptions.Period"/> a <c>STATUS=</c> line (when it changed) and <c>WATCHDOG=1</c>, the
/// latter only while every worker progressed within <see cref="ServiceWatchdogOptions.StallAfter"/>. A hung worker
/// therefore stops the pings and systemd restarts the agent (<c>WatchdogSec=</c>, <c>Restart=on-failure</c>).
/// Host-agnostic: run <see cref="RunAsync"/> from any loop, or register <see cref="ServiceWatchdogService"/>.
/// </summary>
public sealed partial class ServiceWatchdog(
    SystemdNotifier notifier,
    IWorkerProgressProbe probe,
    IServiceStatusSource status,
    ServiceWatchdogOptions options,
    TimeProvider time,
    ILogger<ServiceWatchdog> logger)
{
    private volatile bool _ready;
    private string? _lastStatus;
    private bool _stalled;

    /// <summary>True once <see cref="MarkReady"/> was called.</summary>
    public bool IsReady => _ready;

    /// <summary>
    /// Tells systemd the agent is up: call it once the configuration is valid and the workers run. Sends
    /// <c>READY=1</c> with the first status line; pings start with the next check. Later calls do nothing.
    /// </summary>
    public void MarkReady()
    {
        if (_ready)
        {
            return;
        }

        _ready = true;
        string line = CurrentStatus();
        _lastStatus = line;
        notifier.Notify("READY=1\nSTATUS=" + line);
    }

    /// <summary>Checks and reports every period until <paramref name="stopping"/> fires, then sends <c>STOPPING=1</c>.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(options.Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                Check();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Normal shutdown.
        }

        notifier.Notify("STOPPING=1");
    }

    /// <summary>One check: pings the watchdog if every worker progressed, and refreshes the status line.</summary>
    internal void Check()
    {
        if (!_ready)
        {
            return;
        }

        string? stall = DescribeStall(probe.Sample(), time.GetUtcNow());
        if (stall is null)
        {
            if (_stalled)
            {
                LogRecovered(logger);
            }

            _stalled = false;
            if (options.WatchdogTimeout is not null)
            {
                notifier.Notify("WATCHDOG=1");
            }

            SendStatusIfChanged(CurrentStatus());
            return;
        }

        if (!_stalled)
        {
            LogStalled(logger, stall);
        }

        _stalled = true;
        SendStatusIfChanged(options.WatchdogTimeout is null ? "stalled: " + stall : $"stalled: {stall}; systemd restarts the agent");
    }

    private string? DescribeStall(IReadOnlyList<WorkerProgress> workers, DateTimeOffset now)
    {
        var hung = new List<string>();
        foreach (WorkerProgress worker in workers)
        {
            TimeSpan silent = now - worker.LastProgress;
            if (silent > options.StallAfter)
            {
                hung.Add($"{worker.Worker} made no progress for {silent.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s");
            }
        }

        return hung.Count == 0 ? null : string.Join(", ", hung);
    }

    private string CurrentStatus() => ServiceStatusLine.OneLine(status.Describe());

    private void SendStatusIfChanged(string line)
    {
        if (line != _lastStatus)
        {
            _lastStatus = line;
            notifier.Notify("STATUS=" + line);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Workers hung: {Stall}. The systemd watchdog is no longer fed; systemd will restart the agent.")]
    private static partial void LogStalled(ILogger logger, string stall);

    [LoggerMessage(Level = LogLevel.Information, Message = "All workers progress again; the systemd watchdog is fed again.")]
    private static partial void LogRecovered(ILogger logger);
}
