using System;
using System.Net.Sockets;
using IotMinerAgent.Firmware.Hardware;

namespace IotMinerAgent.VirtualEsp32;

/// <summary>
/// The Duino pool link of a virtual ESP32: lines over a host TCP socket, framed by the firmware's own
/// <see cref="TcpLine"/>, and only while the simulated Wi-Fi is up. A Wi-Fi drop resets the connection (the pool sees
/// the worker vanish) and every call fails until the firmware reconnects after Wi-Fi is back.
/// </summary>
public sealed class WifiLineLink : ITcpLineLink, IDisposable
{
    readonly object _gate = new();
    readonly VirtualWifi _wifi;
    readonly TcpLine _line = new();
    readonly byte[] _one = new byte[1];
    Socket? _socket;

    /// <summary>A link over <paramref name="wifi"/>.</summary>
    public WifiLineLink(VirtualWifi wifi)
    {
        _wifi = wifi;
        _wifi.Dropped += Close;
    }

    /// <summary>Connections made so far (each reconnect counts).</summary>
    public int Connects { get; private set; }

    /// <inheritdoc />
    public bool IsConnected => _wifi.IsConnected && Current() is not null;

    /// <inheritdoc />
    public bool Connect(string host, int port, int timeoutMs)
    {
        Close();
        if (!_wifi.IsConnected)
        {
            return false;
        }

        Socket socket = new(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, SendTimeout = timeoutMs };
        try
        {
            if (!socket.ConnectAsync(host, port).Wait(timeoutMs))
            {
                socket.Dispose();
                return false;
            }
        }
        catch (Exception)
        {
            socket.Dispose();
            return false;
        }

        lock (_gate)
        {
            _socket = socket;
            _line.Reset();
            Connects++;
        }

        return true;
    }

    /// <inheritdoc />
    public bool SendLine(string line)
    {
        Socket? socket = Current();
        if (socket is null || !_wifi.IsConnected)
        {
            return false;
        }

        try
        {
            byte[] bytes = TcpLine.Encode(line);
            return socket.Send(bytes) == bytes.Length || Fail();
        }
        catch (Exception)
        {
            return Fail();
        }
    }

    /// <inheritdoc />
    public bool TryReadLine(int timeoutMs, out string line)
    {
        line = string.Empty;
        Socket? socket = Current();
        if (socket is null)
        {
            return false;
        }

        long deadline = Environment.TickCount64 + timeoutMs;
        try
        {
            while (true)
            {
                long leftMs = deadline - Environment.TickCount64;
                if (leftMs <= 0 || !socket.Poll(TimeSpan.FromMilliseconds(leftMs), SelectMode.SelectRead))
                {
                    return false;
                }

                if (!_wifi.IsConnected || socket.Receive(_one, 0, 1, SocketFlags.None) != 1)
                {
                    return Fail();
                }

                if (_line.Add(_one[0], out line))
                {
                    return true;
                }

                if (_line.Overflowed)
                {
                    return Fail();
                }
            }
        }
        catch (Exception)
        {
            return Fail();
        }
    }

    /// <inheritdoc />
    public void Close()
    {
        Socket? socket;
        lock (_gate)
        {
            socket = _socket;
            _socket = null;
        }

        if (socket is not null)
        {
            try
            {
                // A vanished radio sends no FIN: reset, so the pool's read fails as it would after its own timeout.
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (SocketException)
            {
                // Already reset by the peer: disposing is all that is left.
            }

            socket.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _wifi.Dropped -= Close;
        Close();
    }

    Socket? Current()
    {
        lock (_gate)
        {
            return _socket;
        }
    }

    bool Fail()
    {
        Close();
        return false;
    }
}
