using System;
using System.Collections.Generic;
using IotMinerAgent.Governor;

namespace IotMinerAgent.Linux.Throttling;

/// <summary>
/// The <c>governor</c> configuration section as the owner writes it (°C with decimals, seconds, words), turned into
/// the portable fixed-point <see cref="GovernorPolicy"/> by <see cref="TryCreatePolicy"/>. Every error names its
/// key (<c>governor:…</c>), the value and what is allowed.
/// </summary>
public sealed class GovernorOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "governor";

    /// <summary><see cref="UserActivity"/> value that ignores user sessions.</summary>
    public const string UserActivityNone = "none";

    /// <summary><see cref="UserActivity"/> value that also waits for logind sessions to be idle.</summary>
    public const string UserActivityLogind = "logind";

    private const string Prefix = Section + ":";

    /// <summary>Temperature to hold, °C (30..95).</summary>
    public double TargetTemperatureC { get; set; } = 70;

    /// <summary>Pause at once at or above this, °C (40..110, at least 1 above the target).</summary>
    public double HardLimitC { get; set; } = 80;

    /// <summary>After a hard-limit pause, resume below hard limit minus this, °C (0.5..30).</summary>
    public double ResumeHysteresisC { get; set; } = 5;

    /// <summary>Lowest overall duty while mining, % (1..100).</summary>
    public int MinDutyPercent { get; set; } = 10;

    /// <summary>Highest overall duty, % (1..100, ≥ min).</summary>
    public int MaxDutyPercent { get; set; } = 100;

    /// <summary>Fastest duty change, % per second (1..100).</summary>
    public int DutySlewPercentPerSecond { get; set; } = 5;

    /// <summary>Worker threads at full duty; 0 means one per core (0..1024).</summary>
    public int Threads { get; set; }

    /// <summary>Mine only while nothing else uses the device.</summary>
    public bool IdleOnly { get; set; } = true;

    /// <summary>Idle time before mining starts in idle-only mode, s (0..86400).</summary>
    public int IdleDelaySeconds { get; set; } = 30;

    /// <summary>Window over which other processes' CPU use is measured, s (1..60).</summary>
    public int IdleWindowSeconds { get; set; } = 1;

    /// <summary>Other processes above this share of all cores make the device busy, % (1..100).</summary>
    public int BusyCpuPercent { get; set; } = 20;

    /// <summary>Other processes below this share of all cores make it idle again, % (0..99, below busy).</summary>
    public int IdleCpuPercent { get; set; } = 10;

    /// <summary>"none", or "logind" to also require every user session to be idle.</summary>
    public string UserActivity { get; set; } = UserActivityNone;

    /// <summary>Without a temperature reading: "pause", or "fixed" to mine at <see cref="NoSensorDutyPercent"/>.</summary>
    public string NoSensor { get; set; } = "fixed";

    /// <summary>Overall duty without a temperature reading, % (1..100).</summary>
    public int NoSensorDutyPercent { get; set; } = 25;

    /// <summary>Comma-separated daily windows in which mining is allowed, e.g. "22:00-07:00"; empty means always.</summary>
    public string Schedule { get; set; } = string.Empty;

    /// <summary>Pinned sensor: a file holding milli-°C, a thermal zone directory, or "vcgencmd"; empty discovers it.</summary>
    public string TemperatureSensor { get; set; } = string.Empty;

    /// <summary>Time between decisions, ms (100..5000).</summary>
    public int IntervalMilliseconds { get; set; } = 500;

    /// <summary>Proportional gain, ‰ duty per °C (0..1000).</summary>
    public int ProportionalGain { get; set; } = 40;

    /// <summary>Integral gain, ‰ duty per °C per minute (0..10000).</summary>
    public int IntegralGain { get; set; } = 30;

    /// <summary>Converts and validates the options.</summary>
    /// <param name="processorCount">Cores, used when <see cref="Threads"/> is 0.</param>
    /// <param name="policy">The policy, when valid.</param>
    /// <param name="errors">Every problem found, empty when valid.</param>
    public bool TryCreatePolicy(int processorCount, out GovernorPolicy policy, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        policy = new GovernorPolicy
        {
            TargetMilliC = ToMilliC(problems, "targetTemperatureC", TargetTemperatureC),
            HardLimitMilliC = ToMilliC(problems, "hardLimitC", HardLimitC),
            ResumeHysteresisMilliC = ToMilliC(problems, "resumeHysteresisC", ResumeHysteresisC),
            MinDutyPercent = MinDutyPercent,
            MaxDutyPercent = MaxDutyPercent,
            DutySlewPercentPerSecond = DutySlewPercentPerSecond,
            Threads = Threads <= 0 ? processorCount : Threads,
            IdleOnly = IdleOnly,
            IdleDelaySeconds = IdleDelaySeconds,
            BusyCpuPercent = BusyCpuPercent,
            IdleCpuPercent = IdleCpuPercent,
            NoSensor = ParseNoSensor(problems),
            NoSensorDutyPercent = NoSensorDutyPercent,
            Schedule = ParseSchedule(problems),
            ProportionalGain = ProportionalGain,
            IntegralGain = IntegralGain,
        };

        problems.AddRange(policy.Validate(Prefix));
        CheckLinuxOnly(problems);
        errors = problems;
        return problems.Count == 0;
    }

    private void CheckLinuxOnly(List<string> problems)
    {
        if (Threads < 0)
        {
            problems.Add($"{Prefix}threads = {Threads} is out of range: allowed 0 (one per core) to 1024.");
        }

        if (IdleWindowSeconds is < 1 or > 60)
        {
            problems.Add($"{Prefix}idleWindowSeconds = {IdleWindowSeconds} s is out of range: allowed 1 to 60 s.");
        }

        if (IntervalMilliseconds is < 100 or > 5000)
        {
            problems.Add($"{Prefix}intervalMilliseconds = {IntervalMilliseconds} is out of range: allowed 100 to 5000.");
        }

        if (UserActivity is not (UserActivityNone or UserActivityLogind))
        {
            problems.Add($"{Prefix}userActivity = '{UserActivity}' is not known: use '{UserActivityNone}' or '{UserActivityLogind}'.");
        }
    }

    private static int ToMilliC(List<string> problems, string key, double celsius)
    {
        // The range check itself is the policy's; this only refuses what cannot become milli-°C at all.
        if (!double.IsFinite(celsius) || Math.Abs(celsius) > 1_000_000)
        {
            problems.Add($"{Prefix}{key} = {celsius} is not a temperature: give degrees Celsius, e.g. 70 or 70.5.");
            return 0;
        }

        return (int)Math.Round(celsius * 1000, MidpointRounding.AwayFromZero);
    }

    private NoSensorAction ParseNoSensor(List<string> problems)
    {
        switch (NoSensor.Trim().ToLowerInvariant())
        {
            case "pause":
                return NoSensorAction.Pause;
            case "fixed":
                return NoSensorAction.FixedDuty;
            default:
                problems.Add($"{Prefix}noSensor = '{NoSensor}' is not known: use 'pause' or 'fixed' (mine at noSensorDutyPercent).");
                return NoSensorAction.Pause;
        }
    }

    private ScheduleWindow[] ParseSchedule(List<string> problems)
    {
        var windows = new List<ScheduleWindow>();
        foreach (string text in Schedule.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ScheduleWindow.TryParse(text, out ScheduleWindow window))
            {
                windows.Add(window);
            }
            else
            {
                problems.Add($"{Prefix}schedule entry '{text}' is not a window: write HH:MM-HH:MM on a 24-hour clock, e.g. 22:00-07:00, and separate windows with commas.");
            }
        }

        return [.. windows];
    }
}
