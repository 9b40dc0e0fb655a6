using System;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>
/// How far behind the gateway is, one window of <see cref="Window"/> at a time: the median lag of the shares answered in
/// the window, a share's lag being the time from its arrival from the broker to the broker's PUBACK of its verdict. That
/// span holds every queue inside the gateway (per-device queues, the ledger's group commit, the outgoing verdict queue)
/// and the broker's acknowledgement, so a backlog in any of them shows. The median, not the maximum, so one share held
/// up by a garbage collection or a slow fsync does not count as overload. Not thread-safe: <see cref="FleetPace"/> locks.
/// </summary>
public sealed class OverloadSignal
{
    /// <summary>The length of one window: short enough to react within a second, long enough to hold many shares.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Lags kept per window; later ones in the same window are not kept. The first 512 answers of a second are a fair
    /// sample of it, and sorting 512 numbers once a second costs nothing at thousands of shares per second.
    /// </summary>
    public const int SamplesPerWindow = 512;

    private readonly double[] _lags = new double[SamplesPerWindow];
    private int _count;
    private int _answered;

    /// <summary>Starts the first window at <paramref name="start"/>.</summary>
    public OverloadSignal(DateTimeOffset start) => WindowStart = start;

    /// <summary>When the open window began.</summary>
    public DateTimeOffset WindowStart { get; private set; }

    /// <summary>The open window's end.</summary>
    public DateTimeOffset WindowEnd => WindowStart + Window;

    /// <summary>Shares answered in the open window so far, all of them (not only the sampled lags).</summary>
    public int Answered => _answered;

    /// <summary>A share answered in the open window, <paramref name="lagSeconds"/> after it arrived.</summary>
    public void Add(double lagSeconds)
    {
        _answered++;
        if (_count < SamplesPerWindow && double.IsFinite(lagSeconds))
        {
            _lags[_count++] = Math.Max(lagSeconds, 0);
        }
    }

    /// <summary>
    /// Closes the open window if it ended by <paramref name="now"/> and opens the one that holds <paramref name="now"/>
    /// (windows in between, with no shares, are skipped). Returns false while the open window still runs; otherwise
    /// <paramref name="medianLagSeconds"/> is the closed window's median lag, or null when no share was answered in it.
    /// </summary>
    public bool TryClose(DateTimeOffset now, out double? medianLagSeconds)
    {
        medianLagSeconds = null;
        if (now < WindowEnd)
        {
            return false;
        }

        if (_count > 0)
        {
            Array.Sort(_lags, 0, _count);
            medianLagSeconds = _count % 2 == 1 ? _lags[_count / 2] : (_lags[(_count / 2) - 1] + _lags[_count / 2]) / 2;
        }

        _count = 0;
        _answered = 0;
        long elapsed = (now - WindowStart).Ticks / Window.Ticks;
        WindowStart += TimeSpan.FromTicks(elapsed * Window.Ticks);
        return true;
    }
}
