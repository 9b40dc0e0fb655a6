using System;

namespace IotMinerAgent.Linux.Gateway.Fleet;

/// <summary>
/// One device's share difficulty, aiming at one share per <see cref="FleetOptions.ShareIntervalSeconds"/>. It starts
/// from the hash rate the device reports; then, like a pool's vardiff, it retargets from the work its shares prove:
/// after <see cref="RetargetShares"/> shares, or a quiet window of <see cref="QuietIntervals"/> intervals, the new
/// difficulty is (sum of share difficulties) · interval / elapsed, one step at most ×4 or ÷4, within min/max. While the
/// gateway is overloaded the interval is stretched by the fleet's pace (<see cref="OnPace"/>, <see cref="FleetPace"/>).
/// </summary>
public sealed class DeviceVardiff
{
    /// <summary>Shares that trigger a retarget: enough for an estimate, few enough to react in a minute.</summary>
    public const int RetargetShares = 6;

    /// <summary>Intervals without enough shares after which the difficulty is lowered.</summary>
    public const int QuietIntervals = 4;

    /// <summary>The largest factor of one retarget, as pools clamp theirs (ckpool, NOMP).</summary>
    public const double MaxStep = 4;

    /// <summary>The factor a queue overflow raises the difficulty by, at most once per share interval.</summary>
    public const double OverflowStep = 2;

    /// <summary>A change smaller than this factor is not worth a new job.</summary>
    private const double Hysteresis = 1.25;

    private readonly FleetOptions _options;
    private readonly double _hashesPerDifficulty;
    private DateTimeOffset _windowStart;
    private int _windowShares;
    private double _windowDifficulty;
    private bool _measured;
    private DateTimeOffset _lastOverflow = DateTimeOffset.MinValue;

    // The fleet's pace now, and the pace the current difficulty was set for: a cut since then raises the difficulty.
    private double _fleetPace = 1;
    private double _pace = 1;

    /// <summary>Starts at the difficulty for <paramref name="hashRate"/> (the minimum when it is 0 or unknown).</summary>
    public DeviceVardiff(FleetOptions options, string algorithm, double hashRate, DateTimeOffset now)
    {
        _options = options;
        _hashesPerDifficulty = DifficultyScale.HashesPerDifficulty(algorithm);
        _windowStart = now;
        Difficulty = ForHashRate(hashRate);
    }

    /// <summary>The difficulty for the device's next job.</summary>
    public double Difficulty { get; private set; }

    /// <summary>The hash rate the current difficulty stands for (one share per interval ÷ the pace it was set for).</summary>
    public double ImpliedHashRate => Difficulty * _hashesPerDifficulty * _pace / _options.ShareIntervalSeconds;

    // The seconds per share the vardiff aims at now.
    private double Interval => _options.ShareIntervalSeconds / _fleetPace;

    /// <summary>A new report from the device: it sets the difficulty until shares have measured the device.</summary>
    public void Report(double hashRate)
    {
        if (!_measured && hashRate > 0)
        {
            Difficulty = ForHashRate(hashRate);
            _pace = _fleetPace;
        }
    }

    /// <summary>A share of difficulty <paramref name="shareDifficulty"/> met its job's target; true when the difficulty changed.</summary>
    public bool OnShare(double shareDifficulty, DateTimeOffset now)
    {
        _windowShares++;
        _windowDifficulty += shareDifficulty;
        return _windowShares >= RetargetShares && Retarget(now);
    }

    /// <summary>Lowers the difficulty of a device that has gone quiet; true when the difficulty changed.</summary>
    public bool OnIdle(DateTimeOffset now) =>
        (now - _windowStart).TotalSeconds >= QuietIntervals * Interval && Retarget(now);

    /// <summary>
    /// The device sent more shares than the gateway queues for it: the difficulty doubles (at most once per share
    /// interval, so one burst is one step) and the measuring window restarts from here; true when it changed.
    /// </summary>
    public bool OnOverflow(DateTimeOffset now)
    {
        if ((now - _lastOverflow).TotalSeconds < _options.ShareIntervalSeconds || Difficulty >= _options.MaxDifficulty)
        {
            return false;
        }

        _lastOverflow = now;
        Difficulty = Math.Min(Difficulty * OverflowStep, _options.MaxDifficulty);
        _windowStart = now;
        _windowShares = 0;
        _windowDifficulty = 0;
        _measured = true;
        return true;
    }

    /// <summary>
    /// The fleet's pace is <paramref name="pace"/> (<see cref="FleetPace.Current"/>): later retargets aim at one share
    /// per interval ÷ pace. When the pace was cut since the difficulty was set, the difficulty rises by the same factor
    /// at once (within the maximum) and the measuring window restarts; true when it changed. A pace that rose again is
    /// left to the retargets, which bring the difficulty down a step at a time as the shares prove it.
    /// </summary>
    public bool OnPace(double pace, DateTimeOffset now)
    {
        _fleetPace = pace;
        double raised = Math.Min(Difficulty * _pace / pace, _options.MaxDifficulty);
        if (raised < Difficulty * Hysteresis)
        {
            return false;
        }

        Difficulty = raised;
        _pace = pace;
        _windowStart = now;
        _windowShares = 0;
        _windowDifficulty = 0;
        return true;
    }

    private bool Retarget(DateTimeOffset now)
    {
        double elapsed = Math.Max((now - _windowStart).TotalSeconds, 0.001);

        // Without shares the window proves less than one share at the current difficulty: count half of one.
        double proven = _windowShares == 0 ? Difficulty / 2 : _windowDifficulty;
        double wanted = Math.Clamp(proven * Interval / elapsed, Difficulty / MaxStep, Difficulty * MaxStep);
        wanted = Math.Clamp(wanted, _options.MinDifficulty, _options.MaxDifficulty);
        _windowStart = now;
        _windowShares = 0;
        _windowDifficulty = 0;
        _measured = true;
        if (wanted < Difficulty * Hysteresis && wanted > Difficulty / Hysteresis)
        {
            return false;
        }

        Difficulty = wanted;
        _pace = _fleetPace;
        return true;
    }

    private double ForHashRate(double hashRate)
    {
        double difficulty = hashRate > 0 && double.IsFinite(hashRate)
            ? hashRate * Interval / _hashesPerDifficulty
            : _options.MinDifficulty;
        return Math.Clamp(difficulty, _options.MinDifficulty, _options.MaxDifficulty);
    }
}
