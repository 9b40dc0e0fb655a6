using System.Reflection;
using System.Threading;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Hosting;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.Linux.Agent;

/// <summary>Builds <see cref="AgentStatus"/> snapshots from the miner's counters, the governor, the owner's controls and the work source.</summary>
public sealed class AgentStatusProvider(MiningRuntime runtime, IWorkSource source, JobBoard board, MinerStats stats, IThrottleStatus throttle,
    System.TimeProvider time, EnergyMeter energy, IEnergyLedgerSource ledger) : IAgentStatusSource, IServiceStatusSource
{
    private readonly long _started = time.GetTimestamp();
    private long _lastSample = time.GetTimestamp();
    private double _hashrate;

    /// <summary>
    /// Takes a hash-rate sample and adds the energy of the interval since the last one at the load now in force
    /// (the overall duty while mining or throttled, none while paused or waiting for work); call about once a second.
    /// </summary>
    public void Sample()
    {
        Volatile.Write(ref _hashrate, stats.SampleHashrate());
        long now = time.GetTimestamp();
        AgentStatus status = GetStatus();
        energy.Add(time.GetElapsedTime(_lastSample, now), status.MiningLoadPpm);
        _lastSample = now;
    }

    /// <summary>The latest one-minute average hash rate, H/s.</summary>
    public double HashrateHs => Volatile.Read(ref _hashrate);

    /// <inheritdoc />
    public string Describe() => StatusText.OneLine(GetStatus());

    /// <inheritdoc />
    public AgentStatus GetStatus()
    {
        bool hasWork = board.HasWork;
        return new AgentStatus
        {
            State = hasWork ? throttle.State : AgentState.NoWork,
            Reason = hasWork ? throttle.Reason : source.StopReason ?? "waiting for work from " + source.DisplayName,
            MiningEnabled = throttle.MiningEnabled,
            HashrateHs = Volatile.Read(ref _hashrate),
            Algo = runtime.Algorithm,
            Engine = runtime.Engine.Name,
            Threads = throttle.Threads,
            MaxThreads = runtime.Threads,
            DutyPercent = throttle.DutyPercent,
            MaxDutyPercent = throttle.MaxDutyPercent,
            TargetTemperatureC = throttle.TargetTemperatureC,
            TemperatureC = throttle.TemperatureC,
            Accepted = stats.Accepted,
            Rejected = stats.Rejected,
            Stale = stats.Stale,
            BestDifficulty = stats.BestDifficulty,
            Pool = source.DisplayName,
            Tier = source.Tier,
            UptimeS = (long)time.GetElapsedTime(_started).TotalSeconds,
            EnergyKwh = energy.KilowattHours,
            EnergyCost = ledger.Total().EnergyCost,
            Version = AgentVersion.Current,
        };
    }
}
