using System;
using System.Threading.Channels;
using IotMinerAgent.Linux.Stratum.Codec;
using IotMinerAgent.Linux.Stratum.Session;

namespace IotMinerAgent.Linux.Stratum;

/// <summary>
/// Jobs for <see cref="StratumClient"/>: applies the pool's messages (mining.notify, set_difficulty, set_extranonce,
/// set_version_mask, …) to the session and publishes the resulting work to the miners, newest only. Shares the
/// client's lock and session; members named …Locked are called with the lock held.
/// </summary>
internal sealed class StratumJobFeed
{
    private readonly object _gate;
    private readonly StratumSession _session;
    private readonly string _algorithm;
    private readonly Channel<StratumWork> _work = Channel.CreateBounded<StratumWork>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });

    private StratumWork? _currentWork;
    private TimeSpan _lastJobAt;
    private bool _jobOnConnection;

    /// <summary>Feeds work for <paramref name="algorithm"/> from the <paramref name="gate"/>-guarded <paramref name="session"/>.</summary>
    public StratumJobFeed(object gate, StratumSession session, string algorithm)
    {
        _gate = gate;
        _session = session;
        _algorithm = algorithm;
    }

    /// <summary>Work as it changes; holds only the newest item.</summary>
    public ChannelReader<StratumWork> Reader => _work.Reader;

    /// <summary>The latest work published, or null before the first authorized job.</summary>
    public StratumWork? CurrentWork
    {
        get { lock (_gate) { return _currentWork; } }
    }

    /// <summary>When the last job arrived (on the client's clock).</summary>
    public TimeSpan LastJobAt
    {
        get { lock (_gate) { return _lastJobAt; } }
    }

    /// <summary>True once the current connection has delivered a job.</summary>
    public bool JobOnConnectionLocked => _jobOnConnection;

    /// <summary>A new connection: no job on it yet, and the no-job timeout counts from <paramref name="now"/>.</summary>
    public void ConnectionStartedLocked(TimeSpan now)
    {
        _lastJobAt = now;
        _jobOnConnection = false;
    }

    /// <summary>Applies a server message to the session; publishes work when it changed and the worker is authorized.</summary>
    public SessionUpdate ApplyLocked(StratumInbound message, bool authorized, TimeSpan now)
    {
        SessionUpdate update = _session.Apply(message);
        if (update.JobReceived)
        {
            _lastJobAt = now;
            _jobOnConnection = true;
        }

        if (update.WorkChanged && authorized)
        {
            PublishLocked(cleanJobs: message.Method == StratumMethods.Notify && _session.CurrentJob!.CleanJobs);
        }

        return update;
    }

    /// <summary>Publishes the current job with the current difficulty and mask, if there is a job.</summary>
    public void PublishLocked(bool cleanJobs)
    {
        if (_session.CurrentJob is not { } job)
        {
            return;
        }

        _currentWork = new StratumWork(job, _session.Difficulty, _algorithm, _session.VersionMask, cleanJobs);
        _work.Writer.TryWrite(_currentWork);
    }

    /// <summary>No more work: the reader completes.</summary>
    public void Complete() => _work.Writer.TryComplete();
}
