using System;
using System.Collections.Generic;

namespace IotMinerAgent.Linux.Mining;

/// <summary>When a worker last showed that it is alive and doing its job.</summary>
/// <param name="Worker">The worker's name as the owner sees it in logs, e.g. "worker 2".</param>
/// <param name="LastProgress">The last time the worker made progress (hashed a chunk, or waited its turn while paused).</param>
public readonly record struct WorkerProgress(string Worker, DateTimeOffset LastProgress);

/// <summary>
/// Tells the the service watchdog (Service folder) how the workers are doing: it feeds systemd's watchdog only while every
/// worker progressed recently, so a hung worker gets the service restarted.
/// </summary>
public interface IWorkerProgressProbe
{
    /// <summary>Each worker's last progress. An empty list (nothing to watch) counts as alive.</summary>
    IReadOnlyList<WorkerProgress> Sample();
}
