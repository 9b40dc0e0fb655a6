using System;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace IotMinerAgent.Linux.Service;

/// <summary>
/// Sends sd_notify(3) messages (<c>READY=1</c>, <c>WATCHDOG=1</c>, <c>STATUS=…</c>, <c>STOPPING=1</c>) to the
/// datagram socket systemd names in <c>NOTIFY_SOCKET</c>. Without that variable (the agent was started by hand)
/// every call does nothing.
/// </summary>
public sealed class SystemdNotifier : IDisposable
{
    private readonly UnixDomainSocketEndPoint? _endpoint;
    private readonly Socket? _socket;
    private readonly Lock _sendLock = new();

    /// <summary>Creates a notifier for <paramref name="notifySocket"/>, the value of <c>NOTIFY_SOCKET</c>.</summary>
    /// <param name="notifySocket">
    /// A file system path, or <c>@name</c> for a socket in the abstract namespace (sd_notify(3): "If the first
    /// character of $NOTIFY_SOCKET is "@", the string is understood as Linux abstract namespace socket").
    /// Null or empty: notifications are off.
    /// </param>
    public SystemdNotifier(string? notifySocket)
    {
        if (string.IsNullOrEmpty(notifySocket))
        {
            return;
        }

        // .NET marks an abstract-namespace address with a leading NUL, as the kernel does (unix(7)).
        string address = notifySocket[0] == '@' ? "\0" + notifySocket[1..] : notifySocket;
        _endpoint = new UnixDomainSocketEndPoint(address);
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    }

    /// <summary>True when started by systemd with <c>Type=notify</c> (<c>NOTIFY_SOCKET</c> is set).</summary>
    public bool IsEnabled => _socket is not null;

    /// <summary>A notifier for this process's <c>NOTIFY_SOCKET</c> environment variable.</summary>
    public static SystemdNotifier FromEnvironment() => new(Environment.GetEnvironmentVariable("NOTIFY_SOCKET"));

    /// <summary>
    /// Sends one notification, e.g. <c>READY=1</c>. Returns false when notifications are off or the send failed:
    /// like sd_notify(3), a failure never stops the agent (systemd reacts to missing pings on its own).
    /// </summary>
    public bool Notify(string state)
    {
        if (_socket is null)
        {
            return false;
        }

        byte[] datagram = Encoding.UTF8.GetBytes(state);
        try
        {
            lock (_sendLock)
            {
                return _socket.SendTo(datagram, SocketFlags.None, _endpoint!) == datagram.Length;
            }
        }
        catch (SocketException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _socket?.Dispose();
}
