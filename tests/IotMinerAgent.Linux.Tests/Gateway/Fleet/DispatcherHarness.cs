using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Fleet;
using IotMinerAgent.Linux.Tests.Stratum;

namespace IotMinerAgent.Linux.Tests.Gateway.Fleet;

/// <summary>A <see cref="FleetDispatcher"/> over a fake upstream, a recording ledger and a manual clock.</summary>
internal sealed class DispatcherHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    public DispatcherHarness(FleetOptions? options = null, string algorithm = Algorithms.Sha256d)
    {
        Options = options ?? new FleetOptions
        {
            Instance = 7,
            MinDifficulty = 1e-8,
            MinNonceCount = 1 << 16,
            JobLifetimeSeconds = 120,
            JobGraceSeconds = 10,
        };
        Upstream = new FakeUpstream { Algorithm = algorithm };
        Dispatcher = new FleetDispatcher(Upstream, Ledger, Options, Clock, Logger);
        _run = Dispatcher.RunAsync(_stop.Token);
    }

    public FleetOptions Options { get; }

    public FakeUpstream Upstream { get; }

    public RecordingLedger Ledger { get; } = new();

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    public CapturingLogger Logger { get; } = new();

    public FleetDispatcher Dispatcher { get; }

    /// <summary>Sends a template with pool difficulty <paramref name="shareDifficulty"/>.</summary>
    public async Task<TestTemplate> TemplateAsync(int seed, double shareDifficulty = 1e-6, bool replacesAll = true, double? networkDifficulty = null)
    {
        TestTemplate template = TestTemplate.Create(seed, shareDifficulty, replacesAll, networkDifficulty);
        await Upstream.SendAsync(template);
        return template;
    }

    /// <summary>The device asks for work and gets a job (which must be the only new assignment).</summary>
    public DeviceJob Request(string deviceId, double hashRate = 0, params string[] algorithms)
    {
        Dispatcher.RequestWork(deviceId, new WorkRequest(algorithms.Length == 0 ? [Algorithms.Sha256d] : algorithms, hashRate));
        return TakeJob(deviceId);
    }

    /// <summary>The next assignment, which must be for <paramref name="deviceId"/>.</summary>
    public DeviceJob TakeJob(string deviceId)
    {
        Assert.True(Dispatcher.Assignments.TryRead(out DeviceAssignment? assignment), $"no job for {deviceId}");
        Assert.Equal(deviceId, assignment!.DeviceId);
        return assignment.Job;
    }

    /// <summary>Every assignment waiting.</summary>
    public List<DeviceAssignment> DrainAssignments()
    {
        var all = new List<DeviceAssignment>();
        while (Dispatcher.Assignments.TryRead(out DeviceAssignment? assignment))
        {
            all.Add(assignment);
        }

        return all;
    }

    public Task<DeviceVerdict> JudgeAsync(string deviceId, uint jobId, uint nonce) =>
        Dispatcher.JudgeAsync(deviceId, new DeviceShare(jobId, nonce), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _run);
        _stop.Dispose();
    }
}
