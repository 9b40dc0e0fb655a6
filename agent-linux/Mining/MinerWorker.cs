using System;
using System.Diagnostics;
using System.Threading;
using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Mining;

/// <summary>
/// One hashing thread: takes units of the current job, scans them in adaptive chunks with the engine, and hands
/// every hit to the <see cref="ShareSink"/>. Between chunks it checks for a new job and asks the throttle for its turn.
/// </summary>
public sealed class MinerWorker(int index, INonceScanner engine, JobBoard board, IMiningThrottle throttle, ShareSink sink, MinerStats stats, WorkerHeartbeats heartbeat)
{
    private readonly AdaptiveChunk _chunk = new(engine.Lanes);
    private readonly NonceHits _hits = new();

    /// <summary>The worker's index, 0-based; the throttle uses it to park workers above the allowed thread count.</summary>
    public int Index => index;

    /// <summary>Hashes until <paramref name="stopping"/> is cancelled.</summary>
    public void Run(CancellationToken stopping)
    {
        JobBoard.Posting? posting = null;
        WorkUnit unit = default;
        MiningWork? work = null;
        byte[] extranonce2 = [];
        ulong done = 0;

        while (!stopping.IsCancellationRequested)
        {
            heartbeat.Park(index);
            bool turn = throttle.WaitForTurn(index, stopping);
            heartbeat.Beat(index);
            if (!turn)
            {
                continue;
            }

            JobBoard.Posting? current = board.CurrentFor(index);
            if (current is null)
            {
                stopping.WaitHandle.WaitOne(50);
                continue;
            }

            if (!ReferenceEquals(current, posting) || done == unit.Count)
            {
                posting = current;
                if (!posting.Allocator.TryTake(out unit))
                {
                    stopping.WaitHandle.WaitOne(50);
                    continue;
                }

                work = posting.Job.BuildWork(unit.Extranonce2, out extranonce2);
                done = 0;
            }

            ulong count = _chunk.Next(unit.Count - done);
            uint first = unit.FirstNonce + (uint)done;
            long started = Stopwatch.GetTimestamp();
            _hits.Clear();
            engine.Scan(work!, first, count, _hits);
            _chunk.Observe(count, Stopwatch.GetElapsedTime(started));
            done += count;
            stats.AddHashes(index, count);

            for (int i = 0; i < _hits.Count; i++)
            {
                sink.Found(posting.Job, work!, extranonce2, _hits[i]);
            }
        }
    }
}
