using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.Duino;

namespace IotMinerAgent.Linux.Duino;

/// <summary>
/// One job on one worker connection, handed to the mining side: the mining side solves it and calls
/// <see cref="SubmitAsync"/>; the connection sends the result and hands back the pool's feedback.
/// </summary>
public sealed class DuinoAssignment(int worker, DuinoJob job, DuinoTier tier, string pool)
{
    private readonly TaskCompletionSource<(uint Nonce, double HashesPerSecond)> _solution = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<DuinoFeedback?> _feedback = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The worker (and connection) index, 0-based.</summary>
    public int Worker => worker;

    /// <summary>The job as the pool sent it.</summary>
    public DuinoJob Job => job;

    /// <summary>The tier the job was requested at.</summary>
    public DuinoTier Tier => tier;

    /// <summary>The node, <c>host:port</c>.</summary>
    public string Pool => pool;

    /// <summary>When the job arrived: the reported hash rate is measured from here.</summary>
    public DateTimeOffset Received { get; } = DateTimeOffset.UtcNow;

    /// <summary>The solution, once the mining side found it.</summary>
    internal Task<(uint Nonce, double HashesPerSecond)> Solution => _solution.Task;

    /// <summary>
    /// Hands the solution to the connection and returns the pool's feedback; null when the job was voided (the
    /// connection ended) before the pool answered.
    /// </summary>
    public Task<DuinoFeedback?> SubmitAsync(uint nonce, double hashesPerSecond)
    {
        _solution.TrySetResult((nonce, hashesPerSecond));
        return _feedback.Task;
    }

    /// <summary>The pool's feedback, or null when the job is void; only the first call counts.</summary>
    internal void Answer(DuinoFeedback? feedback) => _feedback.TrySetResult(feedback);
}
