using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.StratumTestPool;

/// <summary>
/// An in-process Stratum V1 pool on 127.0.0.1 (port 0 = any free port). It speaks the protocol line for line, validates
/// every share by recomputing it (<see cref="ShareCheck"/>), records everything it receives, flags every malformed
/// client line in <see cref="ProtocolErrors"/>, and can be scripted: difficulty, extranonce, version mask, clean jobs,
/// drops, reconnect requests, pings, operator messages, raw lines, forced rejections, answers held back (a quiet pool),
/// going down and coming back.
/// </summary>
public sealed partial class TestPool : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Random _random = new(4242);
    private readonly List<PoolConnection> _connections = new();
    private readonly Dictionary<string, PoolSession> _sessions = new();
    private readonly Dictionary<string, PoolJob> _jobs = new();
    private readonly List<SubmitRecord> _submissions = new();
    private readonly List<string> _protocolErrors = new();
    private readonly List<string> _clientLines = new();
    private readonly List<string> _clientReplies = new();
    private readonly Queue<(int Code, string Message)> _forcedRejects = new();
    private readonly List<(PoolConnection Connection, string Line)> _heldAnswers = new();
    private bool _holdingAnswers;
    private TcpListener _listener;
    private CancellationTokenSource _stop = new();
    private Task _acceptLoop = Task.CompletedTask;
    private int _nextConnectionId;
    private int _nextSession;
    private int _nextJob;
    private double _difficulty;
    private PoolJob? _currentJob;

    private TestPool(TestPoolOptions options)
    {
        Options = options;
        _difficulty = options.Difficulty;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        Listen();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    public TestPoolOptions Options { get; }

    public int Port { get; private set; }

    public string Url => $"{(Options.Certificate is null ? "stratum+tcp" : "stratum+ssl")}://127.0.0.1:{Port}";

    public IReadOnlyList<SubmitRecord> Submissions => Snapshot(_submissions);

    public IReadOnlyList<SubmitRecord> Accepted => Snapshot(_submissions).Where(s => s.Accepted).ToList();

    /// <summary>Every line a client sent that broke the protocol. Tests of the client assert this stays empty.</summary>
    public IReadOnlyList<string> ProtocolErrors => Snapshot(_protocolErrors);

    public IReadOnlyList<string> ClientLines => Snapshot(_clientLines);

    /// <summary>Client answers to the pool's own requests (mining.ping, client.get_version).</summary>
    public IReadOnlyList<string> ClientReplies => Snapshot(_clientReplies);

    public int ConnectionsAccepted { get { lock (_gate) { return _nextConnectionId; } } }

    public int OpenConnections { get { lock (_gate) { return _connections.Count; } } }

    public int TlsFailures { get; private set; }

    public string? CurrentJobId { get { lock (_gate) { return _currentJob?.Id; } } }

    public double Difficulty { get { lock (_gate) { return _difficulty; } } }

    public static TestPool Start(TestPoolOptions? options = null) => new(options ?? new TestPoolOptions());

    /// <summary>Polls until <paramref name="condition"/> holds; throws naming <paramref name="what"/> after the timeout.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, double seconds = 30)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Test pool :{Port} waited {seconds} s for: {what}. Protocol errors: {string.Join(" | ", ProtocolErrors)}");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    public Task SetDifficultyAsync(double difficulty)
    {
        lock (_gate)
        {
            _difficulty = difficulty;
            foreach (PoolSession session in _sessions.Values)
            {
                session.Difficulty = difficulty;
            }
        }

        return BroadcastAsync(c => c.Authorized, _ => Protocol.Notification("mining.set_difficulty", w => w.WriteRawValue(Protocol.Number(difficulty))));
    }

    /// <summary>Changes extranonce1 for every client that sent mining.extranonce.subscribe; it applies to the jobs that follow.</summary>
    public Task SetExtranonceAsync(string extranonce1Hex, int extranonce2Size)
    {
        byte[] extranonce1 = Convert.FromHexString(extranonce1Hex);
        lock (_gate)
        {
            foreach (PoolConnection connection in _connections.Where(c => c.ExtranonceSubscribed && c.Session is not null))
            {
                connection.Session!.Extranonce1 = extranonce1;
                connection.Session.Extranonce2Size = extranonce2Size;
            }
        }

        return BroadcastAsync(c => c.ExtranonceSubscribed, _ => Protocol.Notification("mining.set_extranonce", w =>
        {
            w.WriteStringValue(extranonce1Hex);
            w.WriteNumberValue(extranonce2Size);
        }));
    }

    public Task SetVersionMaskAsync(uint mask)
    {
        lock (_gate)
        {
            foreach (PoolConnection connection in _connections.Where(c => c.VersionMask != 0 || c.RequestedVersionMask != 0))
            {
                connection.VersionMask = connection.RequestedVersionMask & mask;
            }
        }

        return BroadcastAsync(c => c.RequestedVersionMask != 0, _ => Protocol.Notification("mining.set_version_mask", w => w.WriteStringValue(PoolJob.Word(mask))));
    }

    /// <summary>Creates a job and sends it to every authorized client; a clean job voids all earlier ones.</summary>
    public async Task<string> SendJobAsync(bool clean)
    {
        PoolJob job;
        List<(PoolConnection, string)> lines = new();
        lock (_gate)
        {
            job = NewJobLocked();
            if (clean)
            {
                foreach (SentJob sent in _sessions.Values.SelectMany(s => s.SentJobs.Values))
                {
                    sent.Stale = true;
                }

                foreach (PoolSession session in _sessions.Values)
                {
                    session.MissedClean = !_connections.Any(c => c.Authorized && c.Session == session);
                }
            }

            foreach (PoolConnection connection in _connections.Where(c => c.Authorized))
            {
                lines.Add((connection, NotifyLocked(connection.Session!, job, clean, connection.VersionMask)));
            }
        }

        foreach ((PoolConnection connection, string line) in lines)
        {
            await connection.SendAsync(line).ConfigureAwait(false);
        }

        return job.Id;
    }

    /// <summary>Closes every client connection (sessions stay resumable).</summary>
    public Task DropAsync()
    {
        foreach (PoolConnection connection in Snapshot(_connections))
        {
            connection.Close();
        }

        return Task.CompletedTask;
    }

    public Task RequestReconnectAsync(string host, int port, int waitSeconds) =>
        BroadcastAsync(c => c.Subscribed, _ => Protocol.Notification("client.reconnect", w =>
        {
            w.WriteStringValue(host);
            w.WriteNumberValue(port);
            w.WriteNumberValue(waitSeconds);
        }));

    public Task PingAsync() => BroadcastAsync(c => c.Subscribed, c => Protocol.Request(c.NextServerId(), "mining.ping", _ => { }));

    public Task RequestVersionAsync() => BroadcastAsync(c => c.Subscribed, c => Protocol.Request(c.NextServerId(), "client.get_version", _ => { }));

    public Task ShowMessageAsync(string text) => BroadcastAsync(c => c.Subscribed, _ => Protocol.Notification("client.show_message", w => w.WriteStringValue(text)));

    /// <summary>Sends a line as is (malformed, oversized, hostile) to every connected client.</summary>
    public Task SendRawAsync(string line) => BroadcastAsync(_ => true, _ => line);

    /// <summary>Sends a request with any method name, as a hostile or newer pool would; the client must refuse it.</summary>
    public Task SendRequestAsync(string method) => BroadcastAsync(c => c.Subscribed, c => Protocol.Request(c.NextServerId(), method, _ => { }));

    /// <summary>Sends a well-formed job whose id is exactly <paramref name="jobId"/> (a hostile pool's id); it is not recorded as work.</summary>
    public Task SendJobWithIdAsync(string jobId) =>
        BroadcastAsync(c => c.Authorized, _ => Protocol.Notify(new PoolJob(jobId, new Random(1), (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds()), clean: false));

    /// <summary>The next submit is rejected with this error, whatever its merit.</summary>
    public void RejectNext(int code, string message)
    {
        lock (_gate)
        {
            _forcedRejects.Enqueue((code, message));
        }
    }

    /// <summary>Goes down: stops listening and drops every connection (clients get "connection refused").</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await DropAsync().ConfigureAwait(false);
        await _acceptLoop.ConfigureAwait(false);
    }

    /// <summary>Comes back on the same port.</summary>
    public void Restart()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        Listen();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    internal static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private void Listen()
    {
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        CancellationToken stop = _stop.Token;
        _acceptLoop = Task.Run(() => AcceptLoopAsync(stop));
    }

    private async Task AcceptLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(stop).ConfigureAwait(false);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            PoolConnection connection;
            lock (_gate)
            {
                connection = new PoolConnection(this, ++_nextConnectionId, client);
                _connections.Add(connection);
            }

            _ = connection.RunAsync();
        }
    }

    private async Task BroadcastAsync(Func<PoolConnection, bool> to, Func<PoolConnection, string> line)
    {
        List<(PoolConnection, string)> lines;
        lock (_gate)
        {
            lines = _connections.Where(to).Select(c => (c, line(c))).ToList();
        }

        foreach ((PoolConnection connection, string text) in lines)
        {
            await connection.SendAsync(text).ConfigureAwait(false);
        }
    }

    private PoolJob NewJobLocked()
    {
        var job = new PoolJob((++_nextJob).ToString("x", CultureInfo.InvariantCulture), _random, 0x6a000000u + (uint)_nextJob);
        _jobs[job.Id] = job;
        _currentJob = job;
        return job;
    }

    private string NotifyLocked(PoolSession session, PoolJob job, bool clean, uint versionMask)
    {
        session.SentJobs[job.Id] = new SentJob(job, session.Extranonce1, session.Extranonce2Size, session.Difficulty, versionMask);
        session.MissedClean &= !clean;
        return Protocol.Notify(job, clean);
    }

    private List<T> Snapshot<T>(List<T> list)
    {
        lock (_gate)
        {
            return list.ToList();
        }
    }
}
