using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

/// <summary>
/// Forwards connections from a free loopback port to a local port until stopped; after that the port refuses
/// connections, like a node that went down.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    readonly TcpListener _listener;
    readonly int _targetPort;
    readonly CancellationTokenSource _stop = new();
    readonly List<TcpClient> _clients = [];
    readonly Task _accepting;

    TcpRelay(int targetPort, int listenPort)
    {
        _targetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, listenPort);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Relays to <paramref name="targetPort"/> from <paramref name="listenPort"/> (0: any free port; a stopped relay's port brings it back).</summary>
    public static TcpRelay Start(int targetPort, int listenPort = 0) => new(targetPort, listenPort);

    /// <summary>Stops listening and cuts every relayed connection.</summary>
    public async Task StopAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        _listener.Stop();
        lock (_clients)
        {
            foreach (TcpClient client in _clients)
            {
                client.Dispose();
            }
        }

        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            var outbound = new TcpClient();
            await outbound.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            lock (_clients)
            {
                _clients.Add(inbound);
                _clients.Add(outbound);
            }

            _ = PipeAsync(inbound, outbound);
            _ = PipeAsync(outbound, inbound);
        }
    }

    async Task PipeAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), _stop.Token);
            to.Client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or System.IO.IOException or InvalidOperationException)
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
