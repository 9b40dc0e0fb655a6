using System.Threading;

namespace IotMinerAgent.Linux.Mining;

/// <summary>
/// The current job, published by the work source and read by every worker between chunks: a new job reaches the
/// workers within one chunk (tens of milliseconds). Each job gets its own <see cref="WorkAllocator"/>, so no
/// (extranonce2, nonce) is handed out twice.
/// </summary>
public sealed class JobBoard
{
    private Posting? _current;

    /// <summary>The current job and its allocator, or null before the first job.</summary>
    public Posting? Current => Volatile.Read(ref _current);

    /// <summary>Publishes a new job; workers move to it after their current chunk.</summary>
    public void Post(MiningJob job) => Volatile.Write(ref _current, new Posting(job, new WorkAllocator(job.Extranonce2Space)));

    /// <summary>Withdraws the job (e.g. the pool connection is lost and its jobs are void).</summary>
    public void Clear() => Volatile.Write(ref _current, null);

    /// <summary>A job as posted, with the allocator of its work units.</summary>
    /// <param name="Job">The job.</param>
    /// <param name="Allocator">Hands out its units.</param>
    public sealed record Posting(MiningJob Job, WorkAllocator Allocator);
}
