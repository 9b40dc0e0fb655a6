using System;
using System.Globalization;
using System.Threading;
using IotMinerAgent.Governor;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Mqtt.Commands;
using IotMinerAgent.Linux.Status;
using IotMinerAgent.Linux.Throttling;

namespace IotMinerAgent.Linux.Agent;

/// <summary>
/// The owner's controls over the miner (MQTT commands, Home Assistant's switch and numbers) on top of the
/// governor: pause/resume, and retuning the governor's target temperature, max duty and threads. Workers ask it
/// for their turn; status reads the combined state. Pool and payout are not reachable from here by design.
/// </summary>
public sealed class MiningControl(GovernorLoop governor, DutyCycleGate gate, int workers) : IAgentControl, IMiningThrottle, IThrottleStatus
{
    private readonly ManualResetEventSlim _resumed = new(initialState: true);

    /// <summary>
    /// How often a paused worker looks up even when nothing woke it (a safety net: resume and stop wake it at once).
    /// Tests set it to <see cref="Timeout.InfiniteTimeSpan"/> to prove the waking does not rely on it.
    /// </summary>
    internal TimeSpan PausedCheck { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <inheritdoc cref="IAgentControl.MaxThreads" />
    public int MaxThreads => workers;

    /// <inheritdoc />
    public bool MiningEnabled => _resumed.IsSet;

    /// <inheritdoc />
    public AgentState State => !MiningEnabled ? AgentState.Paused : governor.Latest?.Decision.State switch
    {
        GovernorState.Mining => AgentState.Mining,
        GovernorState.Throttled => AgentState.Throttled,
        _ => AgentState.Paused,
    };

    /// <inheritdoc />
    public string Reason => !MiningEnabled ? "paused: by the owner (resume command)" : governor.Latest?.Reason ?? "paused: starting";

    /// <inheritdoc />
    public int DutyPercent => MiningEnabled ? governor.Latest?.LoadPercent ?? 0 : 0;

    /// <inheritdoc />
    public int MaxDutyPercent => governor.Policy.MaxDutyPercent;

    /// <inheritdoc />
    public double TargetTemperatureC => governor.Policy.TargetMilliC / 1000.0;

    /// <inheritdoc />
    public int Threads => MiningEnabled ? governor.Latest?.Threads ?? 0 : 0;

    /// <inheritdoc />
    public double? TemperatureC => governor.Latest?.TemperatureC;

    /// <inheritdoc />
    public void Pause() => _resumed.Reset();

    /// <inheritdoc />
    public void Resume() => _resumed.Set();

    /// <inheritdoc />
    public void SetTargetTemperature(double celsius)
        => governor.Retune(p => p.TargetMilliC = (int)Math.Round(celsius * 1000, MidpointRounding.AwayFromZero));

    /// <inheritdoc />
    public void SetMaxDuty(int percent) => governor.Retune(p =>
    {
        p.MaxDutyPercent = percent;
        p.MinDutyPercent = Math.Min(p.MinDutyPercent, percent);
    });

    /// <inheritdoc />
    public void SetThreads(int threads)
    {
        if (threads < 1 || threads > workers)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"threads must be 1..{workers} (the agent started {workers} workers)."));
        }

        governor.Retune(p => p.Threads = threads);
    }

    /// <inheritdoc />
    public bool WaitForTurn(int workerIndex, CancellationToken cancellationToken)
    {
        if (!_resumed.IsSet)
        {
            // Wake on resume or stop, and at least every 250 ms.
            WaitHandle.WaitAny([_resumed.WaitHandle, cancellationToken.WaitHandle], PausedCheck);
            return false;
        }

        return gate.WaitForTurn(workerIndex, cancellationToken);
    }
}
