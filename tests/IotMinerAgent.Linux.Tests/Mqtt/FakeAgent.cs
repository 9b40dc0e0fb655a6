using System;
using System.Collections.Concurrent;
using IotMinerAgent.Linux.Mqtt.Commands;
using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.Linux.Tests.Mqtt;

/// <summary>An agent double: records every applied command and reflects it in its status snapshots.</summary>
public sealed class FakeAgent : IAgentStatusSource, IAgentControl
{
    readonly object _gate = new();
    AgentStatus _status = new()
    {
        State = AgentState.Mining,
        HashrateHs = 1_234_567.5,
        Algo = "sha256d",
        Engine = "avx2",
        Threads = 2,
        MaxThreads = 4,
        DutyPercent = 87.5,
        MaxDutyPercent = 100,
        TargetTemperatureC = 65,
        TemperatureC = 51.25,
        Accepted = 12,
        Rejected = 1,
        Stale = 2,
        BestDifficulty = 4096.5,
        Pool = "stratum+tcp://pool.example:3333",
        UptimeS = 3600,
        Version = "0.1.0-test",
    };

    /// <summary>Every command applied, as "name value".</summary>
    public ConcurrentQueue<string> Applied { get; } = new();

    /// <summary>When set, SetThreads throws this (an agent refusing a valid value).</summary>
    public Exception? ThreadsFailure { get; set; }

    /// <inheritdoc />
    public int MaxThreads => 4;

    /// <summary>Replaces the snapshot (tests of state changes).</summary>
    public void Update(Func<AgentStatus, AgentStatus> change)
    {
        lock (_gate)
        {
            _status = change(_status);
        }
    }

    /// <inheritdoc />
    public AgentStatus GetStatus()
    {
        lock (_gate)
        {
            return _status;
        }
    }

    /// <inheritdoc />
    public void Pause() => Apply("pause", s => s with { State = AgentState.Paused, Reason = "paused by command", MiningEnabled = false, HashrateHs = 0 });

    /// <inheritdoc />
    public void Resume() => Apply("resume", s => s with { State = AgentState.Mining, Reason = null, MiningEnabled = true });

    /// <inheritdoc />
    public void SetTargetTemperature(double celsius) => Apply($"target_temperature {celsius}", s => s with { TargetTemperatureC = celsius });

    /// <inheritdoc />
    public void SetMaxDuty(int percent) => Apply($"max_duty {percent}", s => s with { MaxDutyPercent = percent });

    /// <inheritdoc />
    public void SetThreads(int threads)
    {
        if (ThreadsFailure is not null)
        {
            throw ThreadsFailure;
        }

        Apply($"threads {threads}", s => s with { Threads = threads });
    }

    void Apply(string what, Func<AgentStatus, AgentStatus> change)
    {
        Applied.Enqueue(what);
        Update(change);
    }
}
