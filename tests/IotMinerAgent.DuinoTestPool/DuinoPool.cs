using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.DuinoTestPool;

/// <summary>
/// An in-process Duino-Coin pool on 127.0.0.1 (port 0 = any free port). It sends the version line on connect, answers
/// MOTD, PING ("Pong!"), JOB (a real DUCO-S1 job of the tier's difficulty) and results (checked with SHA-1 byte for
/// byte: GOOD, BLOCK or BAD,&lt;reason&gt;), records every line it receives, flags every line that breaks the protocol
/// in <see cref="ProtocolErrors"/>, and can be scripted (<see cref="Options"/>, <see cref="DropAll"/>): wrong-result
/// answers, tier moves, bans, drops, slow answers, malformed jobs, a wrong version line.
/// </summary>
public sealed class DuinoPool : IAsyncDisposable
{
    /// <summary>The start difficulty of each tier, as the official pools hand them out.</summary>
    public static readonly IReadOnlyDictionary<string, uint> TierDifficulties = new Dictionary<string, uint>
    {
        ["AVR"] = 6, ["ARM"] = 100, ["ESP8266"] = 1000, ["ESP8266H"] = 1000, ["ESP32"] = 1500,
        ["LOW"] = 7500, ["MEDIUM"] = 75000, ["NET"] = 100000,
    };

    /// <summary>The tiers easiest first: the order the pools move a worker in.</summary>
    public static readonly string[] TierOrder = ["AVR", "ARM", "ESP8266", "ESP8266H", "ESP32", "LOW", "MEDIUM", "NET"];

    private readonly object _gate = new();
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<DuinoPoolConnection> _connections = new();
    private readonly List<(int Connection, string Line)> _lines = new();
    private readonly List<DuinoResultRecord> _results = new();
    private readonly List<string> _protocolErrors = new();
    private readonly Task _acceptLoop;
    private int _nextConnectionId;

    private DuinoPool(DuinoTestPoolOptions options)
    {
        Options = options;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The pool's behaviour; tests may change it while clients are connected.</summary>
    public DuinoTestPoolOptions Options { get; }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary><c>127.0.0.1:port</c>, as <c>duino:pool</c> takes it.</summary>
    public string Endpoint => "127.0.0.1:" + Port;

    /// <summary>Every line received, with the connection it came on, in order.</summary>
    public IReadOnlyList<(int Connection, string Line)> ReceivedLines { get { lock (_gate) { return _lines.ToList(); } } }

    /// <summary>Every result submitted, checked and answered.</summary>
    public IReadOnlyList<DuinoResultRecord> Results { get { lock (_gate) { return _results.ToList(); } } }

    /// <summary>Results the pool verified and answered GOOD or BLOCK.</summary>
    public IReadOnlyList<DuinoResultRecord> Good => Results.Where(r => r.Answer is "GOOD" or "BLOCK").ToList();

    /// <summary>Every line a client sent that broke the protocol. Tests of a client assert this stays empty.</summary>
    public IReadOnlyList<string> ProtocolErrors { get { lock (_gate) { return _protocolErrors.ToList(); } } }

    /// <summary>How many connections the pool accepted so far.</summary>
    public int ConnectionsAccepted { get { lock (_gate) { return _nextConnectionId; } } }

    /// <summary>How many connections are open now.</summary>
    public int OpenConnections { get { lock (_gate) { return _connections.Count; } } }

    /// <summary>Starts a pool listening on 127.0.0.1 and a free port.</summary>
    public static DuinoPool Start(DuinoTestPoolOptions? options = null) => new(options ?? new DuinoTestPoolOptions());

    /// <summary>Polls until <paramref name="condition"/> holds; throws naming <paramref name="what"/> after the timeout.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, double seconds = 60)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Duino test pool :{Port} waited {seconds} s for: {what}. Lines: {ReceivedLines.Count}, results: {Results.Count}, protocol errors: {string.Join(" | ", ProtocolErrors)}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    /// <summary>Closes every open connection, as a node restart or a network cut does.</summary>
    public void DropAll()
    {
        foreach (DuinoPoolConnection connection in Connections())
        {
            connection.Close();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        DropAll();
        await _acceptLoop.ConfigureAwait(false);
        _stop.Dispose();
    }

    internal CancellationToken Stopping => _stop.Token;

    internal void Record(int connection, string line)
    {
        lock (_gate)
        {
            _lines.Add((connection, line));
        }
    }

    internal void RecordResult(DuinoResultRecord result)
    {
        lock (_gate)
        {
            _results.Add(result);
        }
    }

    internal void ProtocolError(int connection, string problem)
    {
        lock (_gate)
        {
            _protocolErrors.Add($"connection {connection}: {problem}");
        }
    }

    /// <summary>Takes one from a countdown option (wrong answers, block answers, malformed jobs) when any is left.</summary>
    internal bool TakeOne(Func<DuinoTestPoolOptions, int> get, Action<DuinoTestPoolOptions, int> set)
    {
        lock (_gate)
        {
            int left = get(Options);
            if (left <= 0)
            {
                return false;
            }

            set(Options, left - 1);
            return true;
        }
    }

    internal void Closed(DuinoPoolConnection connection)
    {
        lock (_gate)
        {
            _connections.Remove(connection);
        }
    }

    private List<DuinoPoolConnection> Connections()
    {
        lock (_gate)
        {
            return _connections.ToList();
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            DuinoPoolConnection connection;
            lock (_gate)
            {
                connection = new DuinoPoolConnection(this, ++_nextConnectionId, client);
                _connections.Add(connection);
            }

            _ = Task.Run(connection.RunAsync);
        }
    }
}
