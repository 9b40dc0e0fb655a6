using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Platform;
using IotMinerAgent.Linux.Service;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Agent;

/// <summary>
/// Runs the work source and one hashing thread per allowed core at the lowest CPU priority. A worker that throws
/// is fatal: the service fails, the host stops and the process exits non-zero so systemd restarts it.
/// </summary>
public sealed class MiningService(MiningRuntime runtime, JobBoard board, IWorkSource source, IMiningThrottle throttle,
    ShareSink sink, MinerStats stats, WorkerHeartbeats heartbeat, ServiceWatchdog watchdog, ILogger<MiningService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Mining {Algorithm} with engine {Engine} on {Threads} threads for {Pool}",
            runtime.Algorithm, runtime.Engine.Name, runtime.Threads, source.DisplayName);
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        ExceptionDispatchInfo? workerError = null;
        var threads = new Thread[runtime.Threads];
        for (int i = 0; i < threads.Length; i++)
        {
            var worker = new MinerWorker(i, runtime.Engine, board, throttle, sink, stats, heartbeat);
            threads[i] = new Thread(() =>
            {
                string? notApplied = LowPriority.ApplyToCurrentThread();
                if (notApplied is not null)
                {
                    logger.LogWarning("Worker {Worker} could not lower its priority: {Problem}", worker.Index, notApplied);
                }

                try
                {
                    worker.Run(failure.Token);
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref workerError, ExceptionDispatchInfo.Capture(ex), null);
                    failure.Cancel();
                }
            }) { IsBackground = true, Name = $"iotminer-worker-{i}" };
            threads[i].Start();
        }

        // Configuration is valid and the workers run: systemd may call the service started (sd_notify READY=1).
        watchdog.MarkReady();
        try
        {
            await source.RunAsync(board, failure.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (failure.IsCancellationRequested)
        {
        }
        finally
        {
            failure.Cancel();
            foreach (Thread thread in threads)
            {
                thread.Join();
            }
        }

        workerError?.Throw();
    }
}
