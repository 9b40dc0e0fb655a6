using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.StratumTestPool;

/// <summary>One client connection to the test pool: reads raw newline-terminated lines, answers through the pool.</summary>
internal sealed class PoolConnection
{
    private const int MaxLine = 64 * 1024;

    private readonly TestPool _pool;
    private readonly TcpClient _client;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private Stream? _stream;
    private long _nextServerId = 1000;

    public PoolConnection(TestPool pool, int id, TcpClient client)
    {
        _pool = pool;
        Id = id;
        _client = client;
    }

    public int Id { get; }

    public PoolSession? Session { get; set; }

    public bool Subscribed => Session is not null;

    public bool Authorized { get; set; }

    public string? User { get; set; }

    public bool ExtranonceSubscribed { get; set; }

    public uint RequestedVersionMask { get; set; }

    public uint VersionMask { get; set; }

    public long NextServerId() => Interlocked.Increment(ref _nextServerId);

    public async Task RunAsync()
    {
        try
        {
            _stream = await OpenAsync().ConfigureAwait(false);
            if (_stream is null)
            {
                return;
            }

            await ReadLoopAsync(_stream).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or SocketException or OperationCanceledException)
        {
            // The client went away or the pool dropped it.
        }
        finally
        {
            Close();
            _pool.Closed(this);
        }
    }

    public async Task SendAsync(string line)
    {
        Stream? stream = _stream;
        if (stream is null)
        {
            return;
        }

        byte[] bytes = Encoding.UTF8.GetBytes(line + "\n");
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await stream.WriteAsync(bytes).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or NotSupportedException or InvalidOperationException)
        {
            // Sending to a dropped client is not the pool's problem.
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Close() => _client.Dispose();

    private async Task<Stream?> OpenAsync()
    {
        Stream network = _client.GetStream();
        if (_pool.Options.Certificate is null)
        {
            return network;
        }

        var tls = new SslStream(network);
        try
        {
            await tls.AuthenticateAsServerAsync(_pool.Options.Certificate).ConfigureAwait(false);
            return tls;
        }
        catch (Exception error) when (error is IOException or System.Security.Authentication.AuthenticationException)
        {
            _pool.TlsFailed();
            await tls.DisposeAsync().ConfigureAwait(false);
            return null;
        }
    }

    private async Task ReadLoopAsync(Stream stream)
    {
        byte[] buffer = new byte[MaxLine];
        int filled = 0;
        while (true)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(filled)).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            filled += read;
            int start = 0;
            int newline;
            while ((newline = Array.IndexOf(buffer, (byte)'\n', start, filled - start)) >= 0)
            {
                string line = Encoding.UTF8.GetString(buffer, start, newline - start);
                start = newline + 1;
                foreach (string answer in _pool.Handle(this, line))
                {
                    await SendAsync(answer).ConfigureAwait(false);
                }
            }

            Array.Copy(buffer, start, buffer, 0, filled - start);
            filled -= start;
            if (filled == buffer.Length)
            {
                _pool.ProtocolError(this, $"a client line longer than {MaxLine} bytes");
                return;
            }
        }
    }
}
