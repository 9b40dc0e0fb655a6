using System;
using System.Collections.Generic;
using IotMinerAgent.Linux.Api;
using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.Linux.Tests.Api;

/// <summary>One-minute averages, bounded to 24 h.</summary>
public sealed class StatusHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_minute_is_the_average_of_its_samples_and_closes_when_the_next_begins()
    {
        var clock = new ManualClock(Start);
        var history = new StatusHistory(clock, status => status.DutyPercent == 0 ? null : 5.0);

        // Minute 10:00: hash rates 100, 200, 600 → mean 300; temperatures 40, (none), 50 → mean 45 over the two readings;
        // duties 0, 50, 100 → mean 50; power null at duty 0, 5 W otherwise → mean 5.
        history.Add(Status(100, 40, 0));
        clock.Now = Start.AddSeconds(20);
        history.Add(Status(200, null, 50));
        clock.Now = Start.AddSeconds(59);
        history.Add(Status(600, 50, 100));
        Assert.Empty(history.Samples());

        clock.Now = Start.AddSeconds(61);
        history.Add(Status(1, null, 0));
        HistorySample minute = Assert.Single(history.Samples());
        Assert.Equal(Start, minute.Time);
        Assert.Equal(300, minute.HashrateHs);
        Assert.Equal(45, minute.TemperatureC);
        Assert.Equal(50, minute.DutyPercent);
        Assert.Equal(5, minute.PowerW);
    }

    [Fact]
    public void It_keeps_the_last_24_hours_only()
    {
        var clock = new ManualClock(Start);
        var history = new StatusHistory(clock, _ => null);

        // 25 h of one sample a minute, then one more to close the last minute: 1500 minutes closed, 1440 kept.
        for (int minute = 0; minute <= 25 * 60; minute++)
        {
            clock.Now = Start.AddMinutes(minute);
            history.Add(Status(minute, null, 10));
        }

        IReadOnlyList<HistorySample> samples = history.Samples();
        Assert.Equal(StatusHistory.Capacity, samples.Count);
        Assert.Equal(1440, samples.Count);
        Assert.Equal(Start.AddMinutes(60), samples[0].Time);
        Assert.Equal(Start.AddMinutes(25 * 60 - 1), samples[^1].Time);
        Assert.Null(samples[0].TemperatureC);
        Assert.Null(samples[0].PowerW);
    }

    private static AgentStatus Status(double hashrate, double? temperature, double duty) => new()
    {
        State = AgentState.Mining,
        HashrateHs = hashrate,
        TemperatureC = temperature,
        DutyPercent = duty,
        Version = "test",
    };

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
