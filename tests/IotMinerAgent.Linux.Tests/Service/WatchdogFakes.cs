using System;
using System.Collections.Generic;
using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.Linux.Tests.Service;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>The system clock, remembering when it was read: the watchdog reads it once per check.</summary>
internal sealed class RecordingClock : TimeProvider
{
    private readonly List<DateTimeOffset> _reads = new();

    public DateTimeOffset[] Reads
    {
        get
        {
            lock (_reads)
            {
                return _reads.ToArray();
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        DateTimeOffset now = System.GetUtcNow();
        lock (_reads)
        {
            _reads.Add(now);
        }

        return now;
    }
}

/// <summary>A status source returning whatever the test set.</summary>
internal sealed class FakeStatus(string text) : IServiceStatusSource
{
    public string Text { get; set; } = text;

    public int Calls { get; private set; }

    public string Describe()
    {
        Calls++;
        return Text;
    }
}

/// <summary>A status source with changing figures, formatted like the agent's.</summary>
internal sealed class CountingStatus : IServiceStatusSource
{
    private int _accepted;

    public string Describe()
    {
        int accepted = ++_accepted;
        return ServiceStatusLine.Format(new ServiceStatusFigures(12_300_000 + accepted, 57.2, 80, accepted, 0, "stratum+tcp://pool.example.org:3333"));
    }
}
