using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace IotMinerAgent.Linux.Mining;

/// <summary>
/// The current job, published by the work source and read by every worker between chunks: a new job reaches the
/// workers within one chunk (tens of milliseconds). The same work posted again (a resumed session re-sends its
/// job; a difficulty change re-issues it) keeps its <see cref="WorkAllocator"/>, so no (extranonce2, nonce) of
/// a job is ever handed out twice.
/// </summary>
public sealed class JobBoard
{
    /// <summary>How many recent jobs keep their allocators (a pool rarely goes back further than its last few jobs).</summary>
    private const int Remembered = 16;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, WorkAllocator> _allocators = [];
    private readonly Queue<string> _order = new();
    private readonly ConcurrentDictionary<int, Posting> _workerPostings = new();
    private Posting? _current;

    /// <summary>The current job and its allocator, or null before the first job.</summary>
    public Posting? Current => Volatile.Read(ref _current);

    /// <summary>True when any worker has a job: the shared one, or its own.</summary>
    public bool HasWork => Current is not null || !_workerPostings.IsEmpty;

    /// <summary>
    /// The job of one worker: its own when the source gave it one (<see cref="PostFor"/>, a Duino connection per
    /// worker), else the shared <see cref="Current"/>.
    /// </summary>
    public Posting? CurrentFor(int worker) => _workerPostings.TryGetValue(worker, out Posting? own) ? own : Current;

    /// <summary>Gives one worker its own job, with its own allocator; the worker moves to it after its current chunk.</summary>
    public void PostFor(int worker, MiningJob job) => _workerPostings[worker] = new Posting(job, new WorkAllocator(job.Extranonce2Space, job.NonceSpace));

    /// <summary>Withdraws a worker's own job (solved or void) if it is still <paramref name="job"/>.</summary>
    public void ClearFor(int worker, MiningJob job)
    {
        if (_workerPostings.TryGetValue(worker, out Posting? own) && ReferenceEquals(own.Job, job))
        {
            _workerPostings.TryRemove(KeyValuePair.Create(worker, own));
        }
    }

    /// <summary>Publishes a job; workers move to it after their current chunk.</summary>
    public void Post(MiningJob job)
    {
        lock (_lock)
        {
            if (!_allocators.TryGetValue(job.WorkKey, out WorkAllocator? allocator))
            {
                allocator = new WorkAllocator(job.Extranonce2Space, job.NonceSpace);
                _allocators.Add(job.WorkKey, allocator);
                _order.Enqueue(job.WorkKey);
                if (_order.Count > Remembered)
                {
                    _allocators.Remove(_order.Dequeue());
                }
            }

            Volatile.Write(ref _current, new Posting(job, allocator));
        }
    }

    /// <summary>Withdraws the job (e.g. the work source stopped and its jobs are void).</summary>
    public void Clear()
    {
        Volatile.Write(ref _current, null);
        _workerPostings.Clear();
    }

    /// <summary>A job as posted, with the allocator of its work units.</summary>
    /// <param name="Job">The job.</param>
    /// <param name="Allocator">Hands out its units.</param>
    public sealed record Posting(MiningJob Job, WorkAllocator Allocator);
}
