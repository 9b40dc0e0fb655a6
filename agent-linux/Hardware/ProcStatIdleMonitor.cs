using System;
using System.Globalization;
using System.Collections.Generic;
using System.IO;

namespace IotMinerAgent.Linux.Hardware;

/// <summary>
/// Idle detection from CPU time: the share of all cores used by processes other than this one over a sliding
/// window — /proc/stat's busy time minus this process's utime+stime from /proc/self/stat. The miner's own hashing
/// therefore never makes the device look busy. Busy starts above <see cref="ProcStatIdleSettings.BusyCpuPercent"/>
/// and ends below <see cref="ProcStatIdleSettings.IdleCpuPercent"/>; the gap stops flapping.
/// </summary>
public sealed class ProcStatIdleMonitor : IIdleSource
{
    private readonly ProcStatIdleSettings _settings;
    private readonly TimeProvider _time;
    private readonly List<Sample> _samples = [];
    private bool _known;
    private bool _busy;
    private long _idleSince;

    /// <summary>Creates a monitor.</summary>
    public ProcStatIdleMonitor(ProcStatIdleSettings settings, TimeProvider? time = null)
    {
        _settings = settings;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public string Description => $"CPU use of other processes ({Path.Combine(_settings.ProcRoot, "stat")})";

    /// <summary>Share of all cores other processes used over the last window, in percent (NaN before two samples).</summary>
    public double OthersCpuPercent { get; private set; } = double.NaN;

    /// <summary>Share of all cores this process used over the last window, in percent (NaN before two samples).</summary>
    public double OwnCpuPercent { get; private set; } = double.NaN;

    /// <inheritdoc/>
    public bool TryRead(out IdleReading reading)
    {
        reading = IdleReading.Busy;
        if (!TrySample(out Sample now))
        {
            return false;
        }

        Sample start = SlideWindow(now);
        long total = now.Total - start.Total;
        if (total <= 0)
        {
            // No tick elapsed since the window's start: keep the last answer, if any.
            return _known && Answer(now, out reading);
        }

        long own = now.Own - start.Own;
        long others = Math.Clamp(now.Busy - start.Busy - own, 0, total);
        OthersCpuPercent = 100.0 * others / total;
        OwnCpuPercent = Math.Min(100.0, 100.0 * own / total);
        UpdateState(now.Timestamp);
        return Answer(now, out reading);
    }

    private void UpdateState(long timestamp)
    {
        bool wasBusy = _busy;
        if (!_known)
        {
            // At start only a clearly quiet device counts as idle; in between the thresholds counts as busy.
            _busy = OthersCpuPercent >= _settings.IdleCpuPercent;
        }
        else if (_busy)
        {
            _busy = OthersCpuPercent >= _settings.IdleCpuPercent;
        }
        else
        {
            _busy = OthersCpuPercent > _settings.BusyCpuPercent;
        }

        if (!_busy && (wasBusy || !_known))
        {
            _idleSince = timestamp;
        }

        _known = true;
    }

    private bool Answer(Sample now, out IdleReading reading)
    {
        reading = _busy
            ? IdleReading.Busy with { Detail = string.Create(CultureInfo.InvariantCulture, $"other processes {OthersCpuPercent:F0} % CPU") }
            : new IdleReading(true, _time.GetElapsedTime(_idleSince, now.Timestamp));
        return true;
    }

    // The window starts at the newest sample at least one window old (or the oldest there is, while starting).
    private Sample SlideWindow(Sample now)
    {
        _samples.Add(now);
        while (_samples.Count > 1 && IsAtLeastWindowOld(_samples[1], now))
        {
            _samples.RemoveAt(0);
        }

        return _samples[0];
    }

    private bool IsAtLeastWindowOld(Sample sample, Sample now) => _time.GetElapsedTime(sample.Timestamp, now.Timestamp) >= _settings.Window;

    private bool TrySample(out Sample sample)
    {
        sample = default;
        try
        {
            long timestamp = _time.GetTimestamp();
            string system = File.ReadAllText(Path.Combine(_settings.ProcRoot, "stat"));
            string self = File.ReadAllText(Path.Combine(_settings.ProcRoot, "self", "stat"));
            if (!CpuTimes.TryParseSystem(system, out long busy, out long total) || !CpuTimes.TryParseProcess(self, out long own))
            {
                return false;
            }

            sample = new Sample(timestamp, busy, total, own);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private readonly record struct Sample(long Timestamp, long Busy, long Total, long Own);
}

/// <summary>Settings of <see cref="ProcStatIdleMonitor"/>.</summary>
public sealed record ProcStatIdleSettings
{
    /// <summary>Other processes above this share of all cores make the device busy (policy <c>busyCpuPercent</c>).</summary>
    public int BusyCpuPercent { get; init; } = 20;

    /// <summary>Other processes below this share of all cores make it idle again (policy <c>idleCpuPercent</c>).</summary>
    public int IdleCpuPercent { get; init; } = 10;

    /// <summary>The sliding window over which the share is measured.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Root of procfs (<c>/proc</c>; a temporary tree in tests).</summary>
    public string ProcRoot { get; init; } = "/proc";
}
