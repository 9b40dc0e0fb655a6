using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Stratum.Session;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotMinerAgent.Linux.Stratum;

/// <summary>
/// A Stratum V1 client: keeps one pool connection alive (failover list, jittered backoff, return to the primary),
/// publishes work on <see cref="Work"/> and submits shares with <see cref="SubmitAsync"/>. The host calls
/// <see cref="RunAsync"/> once (e.g. from a BackgroundService) and miners read <see cref="Work"/>.
/// </summary>
public sealed partial class StratumClient : IAsyncDisposable
{
    private readonly StratumClientOptions _options;
    private readonly ILogger _logger;
    private readonly Func<byte[], byte[]> _proofOfWork;
    private readonly StratumSession _session;
    private readonly PoolFailover _failover;
    private readonly Channel<StratumWork> _work = Channel.CreateBounded<StratumWork>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });

    // Guards the session and every field below; never held across an await.
    private readonly object _gate = new();
    private StratumWork? _currentWork;
    private StratumClientState _state = StratumClientState.Stopped;
    private StratumPoolOptions? _currentPool;
    private string? _lastFailure;
    private bool _stopped;

    /// <summary>
    /// Creates a client; <paramref name="options"/> must not change afterwards. <paramref name="proofOfWork"/> hashes an 80-byte header for the share check (default: the
    /// options' algorithm through <see cref="ProofOfWork"/>; a test may substitute its own); <paramref name="random"/> drives the backoff jitter (seed it in tests).
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public StratumClient(StratumClientOptions options, ILogger? logger = null, Func<byte[], byte[]>? proofOfWork = null, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid Stratum settings:" + Environment.NewLine + string.Join(Environment.NewLine, problems), nameof(options));
        }

        _options = options;
        _logger = logger ?? NullLogger.Instance;
        // The client checks each share against the pool target before sending it, with the algorithm's own hash.
        string algorithm = options.Algorithm;
        _proofOfWork = proofOfWork ?? (header => ProofOfWork.Hash(algorithm, header));
        _session = new StratumSession(options.MaxJobs, options.UserAgent);
        _failover = new PoolFailover(options, random ?? Random.Shared);
    }

    /// <summary>Raised when the pool sends <c>client.show_message</c>; the argument is the text.</summary>
    public event EventHandler<string>? OperatorMessage;

    /// <summary>Raised when <see cref="State"/> changes (on the client's own threads).</summary>
    public event EventHandler<StratumClientState>? StateChanged;

    /// <summary>
    /// Work as it changes. The channel holds only the newest item (older unread ones are dropped), so a slow miner
    /// never starts on outdated work. Completed when <see cref="RunAsync"/> ends.
    /// </summary>
    public ChannelReader<StratumWork> Work => _work.Reader;

    /// <summary>The latest work published, or null before the first authorized job.</summary>
    public StratumWork? CurrentWork
    {
        get { lock (_gate) { return _currentWork; } }
    }

    /// <summary>The connection state.</summary>
    public StratumClientState State
    {
        get { lock (_gate) { return _state; } }
    }

    /// <summary>Index in <see cref="StratumClientOptions.Pools"/> of the pool in use or being tried (0 = primary).</summary>
    public int CurrentPoolIndex
    {
        get { lock (_gate) { return _failover.CurrentIndex; } }
    }

    /// <summary>The pool in use, or null when not connected.</summary>
    public StratumPoolOptions? CurrentPool
    {
        get { lock (_gate) { return _currentPool; } }
    }

    /// <summary>Why the last connection attempt or connection failed, or null.</summary>
    public string? LastFailure
    {
        get { lock (_gate) { return _lastFailure; } }
    }

    /// <summary>Accepted, rejected, stale, below-target and dropped shares, with the pool's reasons.</summary>
    public StratumShareCounters Counters { get; } = new();

    /// <summary>The pool's current share difficulty.</summary>
    public Difficulty Difficulty
    {
        get { lock (_gate) { return _session.Difficulty; } }
    }

    /// <summary>The negotiated BIP 310 version-rolling mask, 0 when off.</summary>
    public uint VersionMask
    {
        get { lock (_gate) { return _session.VersionMask; } }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Stop("the client was disposed");
        return ValueTask.CompletedTask;
    }

    private void SetState(StratumClientState state)
    {
        lock (_gate)
        {
            if (_state == state)
            {
                return;
            }

            _state = state;
        }

        StateChanged?.Invoke(this, state);
    }

    // Publishes the current job with the current difficulty and mask; called under _gate.
    private void PublishWorkLocked(bool cleanJobs)
    {
        if (_session.CurrentJob is not { } job)
        {
            return;
        }

        _currentWork = new StratumWork(job, _session.Difficulty, _options.Algorithm, _session.VersionMask, cleanJobs);
        _work.Writer.TryWrite(_currentWork);
    }
}
