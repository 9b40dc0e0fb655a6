using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Stratum.Session;
using IotMinerAgent.Linux.Stratum.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotMinerAgent.Linux.Stratum;

/// <summary>
/// A Stratum V1 client: keeps one pool connection alive (failover list, jittered backoff, return to the primary),
/// publishes work on <see cref="Work"/> and submits shares with <see cref="SubmitAsync"/>. The host calls
/// <see cref="RunAsync"/> once (e.g. from a BackgroundService) and miners read <see cref="Work"/>. The work is done
/// by three parts sharing one lock and one <see cref="StratumSession"/>: the connection cycle
/// (<see cref="StratumConnectionCycle"/>), the jobs (<see cref="StratumJobFeed"/>) and the shares
/// (<see cref="StratumShareSender"/>).
/// </summary>
public sealed class StratumClient : IAsyncDisposable
{
    // Guards the session and the parts' state; never held across an await.
    private readonly object _gate = new();
    private readonly StratumSession _session;
    private readonly StratumJobFeed _feed;
    private readonly StratumShareSender _shares;
    private readonly StratumConnectionCycle _cycle;
    private StratumClientState _state = StratumClientState.Stopped;

    /// <summary>
    /// Creates a client; <paramref name="options"/> must not change afterwards. <paramref name="proofOfWork"/> hashes an 80-byte header for the share check (default: the
    /// options' algorithm through <see cref="ProofOfWork"/>; a test may substitute its own); <paramref name="random"/> drives the backoff jitter (seed it in tests);
    /// <paramref name="dialer"/> opens the connections (default: TCP and TLS; in memory in tests).
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public StratumClient(StratumClientOptions options, ILogger? logger = null, Func<byte[], byte[]>? proofOfWork = null, Random? random = null, IStratumDialer? dialer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid Stratum settings:" + Environment.NewLine + string.Join(Environment.NewLine, problems), nameof(options));
        }

        ILogger log = logger ?? NullLogger.Instance;
        // The client checks each share against the pool target before sending it, with the algorithm's own hash.
        string algorithm = options.Algorithm;
        Func<byte[], byte[]> hash = proofOfWork ?? (header => ProofOfWork.Hash(algorithm, header));
        _session = new StratumSession(options.MaxJobs, options.UserAgent);
        _feed = new StratumJobFeed(_gate, _session, options.Algorithm);
        _shares = new StratumShareSender(_gate, _session, options, hash, Counters, log);
        _cycle = new StratumConnectionCycle(
            _gate,
            _session,
            options,
            log,
            _feed,
            _shares,
            dialer ?? new TcpStratumDialer(options.ConnectTimeout, options.MaxLineLength, log),
            random ?? Random.Shared,
            SetState,
            text => OperatorMessage?.Invoke(this, text));
    }

    /// <summary>Raised when the pool sends <c>client.show_message</c>; the argument is the text.</summary>
    public event EventHandler<string>? OperatorMessage;

    /// <summary>Raised when <see cref="State"/> changes (on the client's own threads).</summary>
    public event EventHandler<StratumClientState>? StateChanged;

    /// <summary>
    /// Work as it changes. The channel holds only the newest item (older unread ones are dropped), so a slow miner
    /// never starts on outdated work. Completed when <see cref="RunAsync"/> ends.
    /// </summary>
    public ChannelReader<StratumWork> Work => _feed.Reader;

    /// <summary>The latest work published, or null before the first authorized job.</summary>
    public StratumWork? CurrentWork => _feed.CurrentWork;

    /// <summary>The connection state.</summary>
    public StratumClientState State
    {
        get { lock (_gate) { return _state; } }
    }

    /// <summary>Index in <see cref="StratumClientOptions.Pools"/> of the pool in use or being tried (0 = primary).</summary>
    public int CurrentPoolIndex => _cycle.CurrentPoolIndex;

    /// <summary>The pool in use, or null when not connected.</summary>
    public StratumPoolOptions? CurrentPool => _cycle.CurrentPool;

    /// <summary>Why the last connection attempt or connection failed, or null.</summary>
    public string? LastFailure => _cycle.LastFailure;

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

    /// <summary>
    /// Connects and keeps mining until <paramref name="cancellationToken"/> is cancelled: reconnects with jittered
    /// backoff, fails over down the pool list and back to the primary, and follows <c>client.reconnect</c>.
    /// Returns when cancelled; pending shares are then dropped, later submits too, and <see cref="Work"/> completes.
    /// Call it once per client.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _cycle.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            SetState(StratumClientState.Stopped);
            Stop("the client stopped");
        }
    }

    /// <summary>
    /// Checks a share against the pool's current difficulty and submits it. While disconnected the share waits (up to
    /// <see cref="StratumClientOptions.MaxPendingShares"/>) and is sent after the reconnect, unless its job was voided
    /// meanwhile. Completes with the pool's verdict; never throws for a pool-side problem.
    /// </summary>
    /// <exception cref="ArgumentException">The share's extranonce2 does not have the job's extranonce2 size.</exception>
    public Task<ShareResult> SubmitAsync(StratumShare share, CancellationToken cancellationToken = default) =>
        _shares.SubmitAsync(share, cancellationToken);

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

    // After this every queued share, and every share that would be queued later, completes as dropped.
    private void Stop(string reason)
    {
        _shares.Stop(reason);
        _feed.Complete();
    }
}
