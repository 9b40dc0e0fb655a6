using System;

namespace IotMinerAgent.Governor.Tests.Fakes;

/// <summary>A clock that moves only when told; local time is UTC so the time of day is predictable.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _ticks;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long GetTimestamp() => _ticks;

    public override DateTimeOffset GetUtcNow() => start + TimeSpan.FromTicks(_ticks);

    public void Advance(TimeSpan by) => _ticks += by.Ticks;

    public void AdvanceMilliseconds(long ms) => Advance(TimeSpan.FromMilliseconds(ms));
}
