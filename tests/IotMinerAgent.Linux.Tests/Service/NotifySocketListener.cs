using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace IotMinerAgent.Linux.Tests.Service;

/// <summary>One sd_notify assignment (e.g. WATCHDOG=1) and when the test received it.</summary>
internal sealed record Notification(string Key, string Value, TimeSpan At);

/// <summary>
/// Plays systemd's side of sd_notify: a datagram socket the test owns (at a path, or in the abstract namespace),
/// collecting every assignment with its arrival time from a background thread.
/// </summary>
internal sealed class NotifySocketListener : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly List<Notification> _received = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Thread _reader;
    private readonly TempDirectory? _directory;

    private NotifySocketListener(string bindAddress, string notifySocket, TempDirectory? directory)
    {
        _directory = directory;
        NotifySocket = notifySocket;
        _socket.Bind(new UnixDomainSocketEndPoint(bindAddress));
        _reader = new Thread(Read) { IsBackground = true, Name = "notify-socket-listener" };
        _reader.Start();
    }

    /// <summary>The value for NOTIFY_SOCKET.</summary>
    public string NotifySocket { get; }

    public static NotifySocketListener AtPath()
    {
        var directory = new TempDirectory();
        string path = directory.Combine("notify.sock");
        return new NotifySocketListener(path, path, directory);
    }

    public static NotifySocketListener Abstract()
    {
        string name = "iotminer-test-" + Guid.NewGuid().ToString("N");
        return new NotifySocketListener("\0" + name, "@" + name, null);
    }

    public TimeSpan Now => _clock.Elapsed;

    public Notification[] Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToArray();
            }
        }
    }

    public Notification[] Of(string key) => Received.Where(n => n.Key == key).ToArray();

    /// <summary>
    /// Waits until a notification received after <paramref name="since"/> matches, or fails the test after <paramref name="timeout"/>.
    /// </summary>
    public Notification WaitFor(string key, Func<string, bool> value, TimeSpan timeout, TimeSpan since = default)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            Notification? match = Received.FirstOrDefault(n => n.Key == key && n.At >= since && value(n.Value));
            if (match is not null)
            {
                return match;
            }

            Thread.Sleep(10);
        }

        throw new TimeoutException($"No {key}= notification matched within {timeout}. Received: {string.Join(" | ", Received.Select(n => n.Key + "=" + n.Value))}");
    }

    /// <summary>Waits until <paramref name="count"/> notifications of <paramref name="key"/> arrived, or fails the test.</summary>
    public Notification[] WaitForCount(string key, int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (Of(key).Length < count)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Only {Of(key).Length} of {count} {key}= notifications within {timeout}.");
            }

            Thread.Sleep(10);
        }

        return Of(key);
    }

    /// <summary>
    /// Sends a marker through <paramref name="notifier"/> and waits for it: datagrams on one Unix socket arrive in
    /// order, so everything sent before has then been received.
    /// </summary>
    public void Flush(IotMinerAgent.Linux.Service.SystemdNotifier notifier)
    {
        string marker = Guid.NewGuid().ToString("N");
        Assert.True(notifier.Notify("TEST_MARKER=" + marker));
        WaitFor("TEST_MARKER", v => v == marker, TimeSpan.FromSeconds(5));
    }

    public void Dispose()
    {
        _socket.Dispose();
        _reader.Join();
        _directory?.Dispose();
    }

    private void Read()
    {
        var buffer = new byte[4096];
        while (true)
        {
            int length;
            try
            {
                length = _socket.Receive(buffer);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }

            TimeSpan at = _clock.Elapsed;

            // sd_notify(3): a datagram holds newline-separated VARIABLE=VALUE assignments.
            foreach (string line in Encoding.UTF8.GetString(buffer, 0, length).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = line.IndexOf('=', StringComparison.Ordinal);
                lock (_received)
                {
                    _received.Add(equals < 0 ? new Notification(line, string.Empty, at) : new Notification(line[..equals], line[(equals + 1)..], at));
                }
            }
        }
    }
}
