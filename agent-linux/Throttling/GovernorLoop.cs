using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Governor;
using IotMinerAgent.Linux.Hardware;

namespace IotMinerAgent.Linux.Throttling;

/// <summary>
/// Every interval: reads the temperature and the idle sources, asks the <see cref="ThermalGovernor"/>, applies the
/// decision to the <see cref="DutyCycleGate"/> and publishes it as <see cref="Latest"/>. When the loop ends (stopped
/// or failed), the gate is closed: without a governor nothing mines.
/// </summary>
public sealed class GovernorLoop
{
    private readonly Lock _retuneLock = new();
    private ThermalGovernor _governor;
    private readonly DutyCycleGate _gate;
    private readonly ITemperatureSensor? _sensor;
    private readonly IReadOnlyList<IIdleSource> _idleSources;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly IEnergyInputs? _energy;
    private readonly long _origin;
    private GovernorStatus? _latest;

    /// <summary>Creates a loop.</summary>
    /// <param name="governor">Decides.</param>
    /// <param name="gate">Receives every decision.</param>
    /// <param name="sensor">The CPU temperature, or null when the board has none.</param>
    /// <param name="idleSources">Idle detection; the device is idle when every readable source says so.</param>
    /// <param name="interval">Time between decisions (a pause takes effect within one interval plus the idle window).</param>
    /// <param name="time">The clock; the local time of day drives the schedule, the local date the energy budget.</param>
    /// <param name="energy">The energy readings (price, earnings, surplus), or null when energy never limits.</param>
    public GovernorLoop(ThermalGovernor governor, DutyCycleGate gate, ITemperatureSensor? sensor, IReadOnlyList<IIdleSource> idleSources,
        TimeSpan interval, TimeProvider? time = null, IEnergyInputs? energy = null)
    {
        _energy = energy;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _governor = governor;
        _gate = gate;
        _sensor = sensor;
        _idleSources = idleSources;
        _interval = interval;
        _time = time ?? TimeProvider.System;
        _origin = _time.GetTimestamp();
    }

    /// <summary>Raised after every decision, on the loop's thread.</summary>
    public event EventHandler<GovernorStatus>? Decided;

    /// <summary>The latest decision, or null before the first.</summary>
    public GovernorStatus? Latest => Volatile.Read(ref _latest);

    /// <summary>The policy in force (a copy: change it through <see cref="Retune"/>).</summary>
    public GovernorPolicy Policy
    {
        get
        {
            lock (_retuneLock)
            {
                return _governor.Policy.Copy();
            }
        }
    }

    /// <summary>
    /// Changes the policy at run time (the owner's commands: target temperature, max duty, threads). The new policy
    /// is validated first and takes effect at the next decision (within one interval).
    /// </summary>
    /// <exception cref="ArgumentException">The change makes the policy invalid; the message names the key.</exception>
    public void Retune(Action<GovernorPolicy> change)
    {
        lock (_retuneLock)
        {
            GovernorPolicy policy = _governor.Policy.Copy();
            change(policy);
            string[] errors = policy.Validate("governor:");
            if (errors.Length > 0)
            {
                throw new ArgumentException(string.Join(" ", errors));
            }

            // The energy rule carries over: its count of today's energy and its switch times must not restart.
            _governor = new ThermalGovernor(policy, _governor.Energy);
        }
    }

    /// <summary>How many mining workers to start (indexes 0..MaxThreads−1); the gate tells each when to run.</summary>
    public int MaxThreads => _governor.Policy.Threads;

    /// <summary>The idle sources consulted.</summary>
    public IReadOnlyList<IIdleSource> IdleSources => _idleSources;

    /// <summary>The energy rule in force (its mode, and the energy mining used today).</summary>
    public EnergyGovernor Energy => _governor.Energy;

    /// <summary>The sensor in use, or null.</summary>
    public ITemperatureSensor? Sensor => _sensor;

    /// <summary>
    /// Builds the loop from configuration: validates the options, discovers the sensor, sets up the idle sources.
    /// </summary>
    /// <param name="options">The governor section.</param>
    /// <param name="gate">Receives every decision.</param>
    /// <param name="environment">Where the machine is (tests: temporary trees).</param>
    /// <param name="energyPolicy">The energy rule, or null for mode always.</param>
    /// <param name="energy">Its readings; needed unless the mode is always.</param>
    /// <exception cref="ArgumentException">The options are invalid or a pinned sensor is unreadable; the message names each key.</exception>
    public static GovernorLoop Create(GovernorOptions options, DutyCycleGate gate, GovernorEnvironment? environment = null,
        EnergyPolicy? energyPolicy = null, IEnergyInputs? energy = null)
    {
        GovernorEnvironment env = environment ?? new GovernorEnvironment();
        if (!options.TryCreatePolicy(Environment.ProcessorCount, out GovernorPolicy policy, out IReadOnlyList<string> errors))
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors));
        }

        ITemperatureSensor? sensor = new TemperatureSensorFactory(env.SysRoot, env.CommandRunner).Create(options.TemperatureSensor);
        var idleSources = new List<IIdleSource>
        {
            new ProcStatIdleMonitor(
                new ProcStatIdleSettings
                {
                    BusyCpuPercent = policy.BusyCpuPercent,
                    IdleCpuPercent = policy.IdleCpuPercent,
                    Window = TimeSpan.FromSeconds(options.IdleWindowSeconds),
                    ProcRoot = env.ProcRoot,
                },
                env.Time),
        };
        if (options.UserActivity == GovernorOptions.UserActivityLogind)
        {
            idleSources.Add(new LogindIdleSource(env.CommandRunner, env.Time));
        }

        var governor = new ThermalGovernor(policy, new EnergyGovernor(energyPolicy ?? new EnergyPolicy()));
        return new GovernorLoop(governor, gate, sensor, idleSources, TimeSpan.FromMilliseconds(options.IntervalMilliseconds), env.Time, energy);
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, then closes the gate.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(_interval, _time);
            do
            {
                Step();
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal way out.
        }
        finally
        {
            _gate.Pause();
        }
    }

    /// <summary>Takes one decision now and applies it.</summary>
    public GovernorStatus Step()
    {
        var inputs = new GovernorInputs();
        if (_sensor is not null && _sensor.TryReadMilliCelsius(out int milliC))
        {
            inputs.WithTemperature(milliC);
        }

        ReadIdle(inputs);
        DateTimeOffset local = _time.GetLocalNow();
        inputs.WithLocalTime(local.Year, local.Month, local.Day, (int)local.TimeOfDay.TotalSeconds);
        _energy?.Fill(inputs);

        GovernorDecision decision;
        lock (_retuneLock)
        {
            decision = _governor.Decide(inputs, (long)_time.GetElapsedTime(_origin).TotalMilliseconds);
        }

        _gate.Apply(decision.Threads, decision.DutyPercent);
        var status = new GovernorStatus(_time.GetUtcNow(), decision, _sensor?.Description);
        Volatile.Write(ref _latest, status);
        Decided?.Invoke(this, status);
        return status;
    }

    private void ReadIdle(GovernorInputs inputs)
    {
        bool known = false;
        bool idle = true;
        TimeSpan idleFor = TimeSpan.MaxValue;
        var busyBecause = new List<string>();
        foreach (IIdleSource source in _idleSources)
        {
            if (!source.TryRead(out IdleReading reading))
            {
                continue;
            }

            known = true;
            idle &= reading.IsIdle;
            idleFor = reading.IdleFor < idleFor ? reading.IdleFor : idleFor;
            if (!reading.IsIdle && !string.IsNullOrEmpty(reading.Detail))
            {
                busyBecause.Add(reading.Detail);
            }
        }

        if (known)
        {
            inputs.WithIdle(idle, idle ? (long)Math.Min(idleFor.TotalMilliseconds, long.MaxValue / 2) : 0);
            inputs.BusyDetail = string.Join(", ", busyBecause);
        }
    }
}
