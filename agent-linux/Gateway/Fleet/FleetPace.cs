using System;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>
/// The share rate the gateway asks of its whole fleet, as a fraction of the vardiff's usual one share per
/// <see cref="FleetOptions.ShareIntervalSeconds"/>: 1 normally, less while the gateway is overloaded. Every device's
/// vardiff aims at one share per interval ÷ pace (<see cref="DeviceVardiff.OnPace"/>), so a lower pace means a higher
/// difficulty and fewer shares, not a stream of refusals. It moves like TCP's congestion window (RFC 5681 §3.1): a
/// multiplicative decrease on overload, an increase while calm, so it neither storms nor oscillates fast; and, once
/// it knows how many devices it serves (<see cref="ServeDevices"/>), it aims its cuts and its recovery at the
/// capacity it measured, as BBR paces at the bottleneck's measured rate, instead of halving blindly.
/// <list type="bullet">
/// <item>Overloaded: the <see cref="OverloadSignal"/>'s median lag of a window is above
/// <see cref="FleetOptions.OverloadLagSeconds"/>. A backlog kept the gateway busy the whole window, so the shares it
/// answered in it are its <b>capacity</b> now. The pace is cut (not below <see cref="Slowest"/>) so the fleet sends
/// <see cref="DrainTarget"/> of that capacity and the backlog drains at the rest: by a factor between
/// <see cref="DeepestCut"/> and <see cref="MildestCut"/>, or by <see cref="Cut"/> while the fleet's size is unknown.
/// A further cut waits until the shares answered were sent after the previous cut reached their devices (a share
/// interval plus their lag after it), and none comes while the lag is falling (the previous cut is working).</item>
/// <item>Calm: a window's median lag is at most a quarter of the threshold, or no share was answered. Calm for a share
/// interval after a cut (the backlog is gone), the pace returns to the one that keeps the fleet at
/// <see cref="SustainedTarget"/> of the measured capacity, at most <see cref="MildestCut"/> of the pace that overloaded
/// the gateway. Beyond that it probes for more: after <see cref="CalmIntervals"/> share intervals of calm since the last
/// change it rises by <see cref="Step"/> (or doubles while below it, as TCP's slow start), up to 1.</item>
/// <item>In between, the pace holds.</item>
/// </list>
/// Thread-safe: lags arrive from the verdict publisher, the fleet's size from the dispatcher, and the pace is read as
/// shares arrive and while they are judged.
/// </summary>
public sealed class FleetPace
{
    /// <summary>The factor of one cut while the fleet's size is unknown: the share rate halves, the difficulty doubles.</summary>
    public const double Cut = 0.5;

    /// <summary>The deepest one capacity-aimed cut goes: two halvings at once.</summary>
    public const double DeepestCut = 0.25;

    /// <summary>
    /// The mildest cut: a smaller one would not change a device's difficulty, which moves only by a factor of at least
    /// 1.25 (<see cref="DeviceVardiff.OnPace"/>'s hysteresis).
    /// </summary>
    public const double MildestCut = 0.8;

    /// <summary>A cut aims the fleet at this fraction of the capacity measured while overloaded; the rest drains the backlog.</summary>
    public const double DrainTarget = 0.75;

    /// <summary>After the backlog is gone, the fleet is paced at this fraction of the measured capacity.</summary>
    public const double SustainedTarget = 0.9;

    /// <summary>The rise per calm period: from half the pace back to all of it in five periods.</summary>
    public const double Step = 0.1;

    /// <summary>
    /// Share intervals of calm before each rise: as many as a device's vardiff needs shares for a retarget, so one rise
    /// has reached the devices before the next, and they come back in steps rather than all at once.
    /// </summary>
    public const int CalmIntervals = DeviceVardiff.RetargetShares;

    /// <summary>The lowest pace (6 cuts): a gateway that cannot catch up even then has a problem difficulty cannot fix.</summary>
    public const double Slowest = 1.0 / 64;

    /// <summary>
    /// Recent windows whose answered shares also bound the capacity from below: the median of these many, so that one
    /// window in which the broker's acknowledgements stalled does not pass for the gateway's capacity.
    /// </summary>
    public const int RecentWindows = 5;

    /// <summary>A window is calm when its median lag is at most this fraction of the threshold.</summary>
    public const double CalmFraction = 0.25;

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly double _threshold;
    private readonly double _interval;
    private readonly OverloadSignal _signal;
    private double _pace = 1;
    private DateTimeOffset? _lastCut;
    private double _lagAtCut;
    private DateTimeOffset _lastChange;
    private DateTimeOffset? _calmSince;
    private double? _previousLag;
    private long _cuts;
    private int _devices;

    // The current overload episode (overloaded windows since the last calm one): the shares answered over its windows
    // (their mean is the capacity) and the pace that overloaded the gateway.
    private long _overloadAnswered;
    private int _overloadWindows;
    private double? _capacity;
    private double _paceAtOverload = 1;
    private bool _episodeEnded = true;
    private readonly int[] _recentAnswered = new int[RecentWindows];
    private int _recentNext;
    private int _recentFilled;

    /// <summary>Paces the fleet of a gateway with <paramref name="options"/>; off when its overload lag is 0.</summary>
    public FleetPace(FleetOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _time = time;
        _logger = logger;
        _threshold = options.OverloadLagSeconds;
        _interval = options.ShareIntervalSeconds;
        _lastChange = time.GetUtcNow();
        _signal = new OverloadSignal(_lastChange);
    }

    /// <summary>False when <c>gateway:overloadLagSeconds</c> is 0: the pace stays 1.</summary>
    public bool Enabled => _threshold > 0;

    /// <summary>The pace now, in (0, 1]: the fraction of the usual share rate the devices are asked for.</summary>
    public double Current
    {
        get
        {
            if (!Enabled)
            {
                return 1;
            }

            lock (_gate)
            {
                Roll(_time.GetUtcNow());
                return _pace;
            }
        }
    }

    /// <summary>How often the pace was cut since the gateway started.</summary>
    public long Cuts
    {
        get
        {
            lock (_gate)
            {
                return _cuts;
            }
        }
    }

    /// <summary>
    /// The shares per second the gateway answered while it was last overloaded (the mean over that episode's windows, or
    /// the median of the last <see cref="RecentWindows"/> windows if more): its capacity then. Null until it has been
    /// overloaded.
    /// </summary>
    public double? Capacity
    {
        get
        {
            lock (_gate)
            {
                return _capacity;
            }
        }
    }

    /// <summary>
    /// The gateway serves <paramref name="devices"/> devices: at pace 1 the fleet sends that many shares per share
    /// interval, so the pace that meets a share rate follows. 0 (the start) means unknown: cuts halve.
    /// </summary>
    public void ServeDevices(int devices)
    {
        lock (_gate)
        {
            _devices = Math.Max(devices, 0);
        }
    }

    /// <summary>A share's verdict was acknowledged by the broker <paramref name="lag"/> after the share arrived.</summary>
    public void Observe(TimeSpan lag)
    {
        if (!Enabled)
        {
            return;
        }

        lock (_gate)
        {
            Roll(_time.GetUtcNow());
            _signal.Add(lag.TotalSeconds);
        }
    }

    private void Roll(DateTimeOffset now)
    {
        DateTimeOffset start = _signal.WindowStart;
        DateTimeOffset end = _signal.WindowEnd;
        int answered = _signal.Answered;
        if (_signal.TryClose(now, out double? lag))
        {
            if (lag is not null)
            {
                _recentAnswered[_recentNext] = answered;
                _recentNext = (_recentNext + 1) % RecentWindows;
                _recentFilled = Math.Min(_recentFilled + 1, RecentWindows);
            }

            if (lag > _threshold)
            {
                MeasureCapacity(answered);
            }

            Decide(lag, start, end);
            _previousLag = lag;

            // Windows skipped since (no share was answered in them) were calm, together.
            if (_signal.WindowStart > end)
            {
                Decide(null, end, _signal.WindowStart);
                _previousLag = null;
            }
        }
    }

    private void Decide(double? lag, DateTimeOffset start, DateTimeOffset end)
    {
        if (lag > _threshold)
        {
            _calmSince = null;
            // The shares answered now must have been sent after the last cut reached their devices (with the device's
            // next share, a share interval at most), else their lag says nothing about it: their lag after that.
            bool waited = _lastCut is not { } cut || (end - cut).TotalSeconds >= _interval + Math.Max(_lagAtCut, lag.Value);
            bool falling = _previousLag is { } previous && lag < previous;
            if (waited && !falling && _pace > Slowest)
            {
                _pace = Math.Max(CutPace(), Slowest);
                _lastCut = _lastChange = end;
                _lagAtCut = lag.Value;
                _cuts++;
                _logger.LogWarning("Gateway overloaded: the median share waited {Lag:0.00} s for its verdict (gateway:overloadLagSeconds is {Threshold} s; it answered {Capacity:0} shares/s); devices are asked for {Percent:0.#} % of their usual share rate, their difficulty rises with their next share",
                    lag.Value, _threshold, _capacity, _pace * 100);
            }

            return;
        }

        if (lag is null || lag <= _threshold * CalmFraction)
        {
            _calmSince ??= start;
            DateTimeOffset since = _calmSince.Value > _lastChange ? _calmSince.Value : _lastChange;
            double calm = (end - since).TotalSeconds;
            _episodeEnded = true;
            if (_lastChange == _lastCut && calm >= _interval && ReturnPace() is { } back && _pace < back)
            {
                _pace = back;
                _lastChange = end;
                _logger.LogInformation("Gateway caught up on its backlog: devices are asked for {Percent:0.#} % of their usual share rate, about {Rate:0} shares/s (it answered {Capacity:0} shares/s while overloaded)",
                    _pace * 100, _pace * _devices / _interval, _capacity);
                return;
            }

            if (_pace < 1 && calm >= CalmIntervals * _interval)
            {
                // Tenths added in binary do not sum to exactly 1 (0.5 + 5 × 0.1 = 0.9999999999999999): close enough is 1.
                double raised = _pace + Math.Min(Step, _pace);
                _pace = raised > 1 - (Step / 4) ? 1 : raised;
                _lastChange = end;
                if (_pace == 1)
                {
                    _logger.LogInformation("Gateway caught up: devices are asked for their usual share rate again; vardiff brings their difficulty back down");
                }
            }

            return;
        }

        _calmSince = null;
    }

    // Behind for a whole window, the gateway answered what it can: the mean over the episode's windows evens out the
    // bursts in which broker acknowledgements arrive. What it answered in the recent windows (their median) it can
    // answer too, so the capacity is never taken for less.
    private void MeasureCapacity(int answered)
    {
        if (_episodeEnded)
        {
            _overloadAnswered = 0;
            _overloadWindows = 0;
            _paceAtOverload = _pace;
            _episodeEnded = false;
        }

        _overloadAnswered += answered;
        _overloadWindows++;
        double seconds = OverloadSignal.Window.TotalSeconds;
        _capacity = Math.Max(_overloadAnswered / (_overloadWindows * seconds), RecentMedian() / seconds);
    }

    private double RecentMedian()
    {
        int count = _recentFilled;
        int[] sorted = new int[count];
        Array.Copy(_recentAnswered, sorted, count);
        Array.Sort(sorted);
        return count % 2 == 1 ? sorted[count / 2] : (sorted[(count / 2) - 1] + sorted[count / 2]) / 2.0;
    }

    // A cut aimed at the capacity: the fleet then sends DrainTarget of it, and the backlog drains at the rest.
    private double CutPace() =>
        PaceFor(DrainTarget) is { } aimed ? Math.Clamp(aimed, _pace * DeepestCut, _pace * MildestCut) : _pace * Cut;

    // After the backlog: the fleet at SustainedTarget of the capacity, but below the pace that overloaded the gateway.
    private double? ReturnPace() =>
        PaceFor(SustainedTarget) is { } sustained ? Math.Min(sustained, _paceAtOverload * MildestCut) : null;

    // The pace at which the fleet sends the given fraction of the measured capacity, at most 1; null while either the
    // capacity or the fleet's size is unknown.
    private double? PaceFor(double fractionOfCapacity) =>
        _capacity is { } capacity && _devices > 0 ? Math.Min(fractionOfCapacity * capacity * _interval / _devices, 1) : null;
}
