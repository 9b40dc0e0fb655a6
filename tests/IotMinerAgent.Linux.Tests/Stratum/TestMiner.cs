using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Stratum;

namespace IotMinerAgent.Linux.Tests.Stratum;

/// <summary>
/// A small miner loop over the portable scalar scanner: takes the newest work from the client, walks extranonce2 (and
/// version bits when rolling is on), and submits every hit without waiting, so shares found while the client is
/// reconnecting pile up in its queue.
/// </summary>
internal sealed class TestMiner : IAsyncDisposable
{
    private const uint NoncesPerBatch = 1 << 14;

    private readonly StratumClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Found> _found = new();
    private readonly Task _loop;

    public TestMiner(StratumClient client)
    {
        _client = client;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    public IReadOnlyList<Found> Shares => _found.ToList();

    public int Count => _found.Count;

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    public async Task<ShareResult[]> ResultsAsync() => await Task.WhenAll(_found.Select(f => f.Result)).WaitAsync(TimeSpan.FromSeconds(20));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var scanner = new Sha256dScalarScanner();
        var hits = new NonceHits();
        StratumWork? work = null;
        ulong extranonce2 = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                work = _client.Work.TryRead(out StratumWork? newer) ? newer : work ?? await _client.Work.ReadAsync(stop);
                extranonce2++;
                uint versionBits = (uint)(extranonce2 << 13) & work.VersionMask;
                byte[] en2 = work.Job.Extranonce2(extranonce2);
                hits.Clear();
                scanner.Scan(work.CreateHeaderWork(en2, work.Job.NTime, versionBits), 0, NoncesPerBatch, hits);
                for (int i = 0; i < hits.Count; i++)
                {
                    StratumShare share = work.CreateShare(en2, work.Job.NTime, hits[i], versionBits);
                    _found.Enqueue(new Found(share, _client.State, _client.SubmitAsync(share, CancellationToken.None)));
                }

                await Task.Yield();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
        }
    }

    /// <summary>Scans until one share of <paramref name="work"/> is found, starting at extranonce2 <paramref name="extranonce2"/>.</summary>
    public static StratumShare FindShare(StratumWork work, ulong extranonce2)
    {
        var scanner = new Sha256dScalarScanner();
        var hits = new NonceHits();
        for (ulong counter = extranonce2; ; counter++)
        {
            byte[] en2 = work.Job.Extranonce2(counter);
            uint versionBits = (uint)(counter << 13) & work.VersionMask;
            scanner.Scan(work.CreateHeaderWork(en2, work.Job.NTime, versionBits), 0, 1UL << 16, hits);
            if (hits.Count > 0)
            {
                return work.CreateShare(en2, work.Job.NTime, hits[0], versionBits);
            }
        }
    }

    /// <summary>Reads published work until one is for job <paramref name="jobId"/> (or any job when null).</summary>
    public static async Task<StratumWork> WorkForAsync(StratumClient client, string? jobId)
    {
        while (true)
        {
            StratumWork work = await client.Work.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
            if (jobId is null || work.Job.JobId == jobId)
            {
                return work;
            }
        }
    }

    /// <summary>A share, the client state when it was found, and its verdict.</summary>
    public sealed record Found(StratumShare Share, StratumClientState StateWhenFound, Task<ShareResult> Result)
    {
        /// <summary>The same identity as <see cref="IotMinerAgent.StratumTestPool.SubmitRecord.Key"/>.</summary>
        public string Key =>
            $"{Share.Job.JobId}/{Share.Job.Extranonce1Hex}/{Convert.ToHexStringLower(Share.Extranonce2)}/{Share.NTime:x8}/{Share.Nonce:x8}/{(Share.VersionMask != 0 ? Share.VersionBits.ToString("x8") : null)}";
    }
}
