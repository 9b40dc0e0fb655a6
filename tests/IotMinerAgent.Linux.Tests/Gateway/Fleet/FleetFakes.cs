using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Gateway.Ledger;
using IotMinerAgent.Linux.Gateway.Upstream;

namespace IotMinerAgent.Linux.Tests.Gateway.Fleet;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public void Advance(TimeSpan by) => _now += by;

    public override DateTimeOffset GetUtcNow() => _now;
}

/// <summary>
/// A template over a fixed random header: work unit u is written into bytes 36..43 (the merkle root's first bytes),
/// so every unit has a distinct header, as a real upstream's extranonce does.
/// </summary>
internal sealed class TestTemplate : UpstreamTemplate
{
    private readonly byte[] _header;

    public TestTemplate(int seed)
    {
        _header = new byte[80];
        new Random(seed).NextBytes(_header);
        Array.Clear(_header, 76, 4);
    }

    public static TestTemplate Create(int seed, double shareDifficulty, bool replacesAll, double? networkDifficulty = null, ulong units = 1000, string algorithm = Algorithms.Sha256d) =>
        new(seed)
        {
            Id = $"test {seed}",
            Algorithm = algorithm,
            ShareTarget = Linux.Gateway.Fleet.DifficultyScale.ToTarget(shareDifficulty, algorithm),
            NetworkTarget = Linux.Gateway.Fleet.DifficultyScale.ToTarget(networkDifficulty ?? 1e12, algorithm),
            WorkUnitCount = units,
            ReplacesAll = replacesAll,
        };

    public override byte[] BuildHeader(ulong workUnit)
    {
        byte[] header = (byte[])_header.Clone();
        BitConverter.TryWriteBytes(header.AsSpan(36, 8), workUnit);
        return header;
    }
}

/// <summary>An upstream the test drives: it sends templates when told and answers submissions as configured.</summary>
internal sealed class FakeUpstream : IGatewayUpstream
{
    private readonly ConcurrentQueue<UpstreamSubmission> _submissions = new();
    private Func<UpstreamTemplate, CancellationToken, ValueTask>? _onTemplate;

    public string DisplayName => "fake";

    public string Algorithm { get; init; } = Algorithms.Sha256d;

    private TaskCompletionSource<UpstreamResult> _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The answer to every submission; null holds each one until <see cref="Release"/> (or cancellation).</summary>
    public UpstreamResult? Answer { get; set; } = new(ShareVerdict.Accepted, string.Empty);

    /// <summary>Answers every submission held so far with <paramref name="result"/>; later ones are held again.</summary>
    public void Release(UpstreamResult result) => Interlocked.Exchange(ref _release, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(result);

    public IReadOnlyList<UpstreamSubmission> Submissions => _submissions.ToList();

    public Task RunAsync(Func<UpstreamTemplate, CancellationToken, ValueTask> onTemplate, CancellationToken cancellationToken)
    {
        _onTemplate = onTemplate;
        return Task.Delay(Timeout.Infinite, cancellationToken);
    }

    /// <summary>Hands a template to the dispatcher (after <see cref="RunAsync"/> started).</summary>
    public ValueTask SendAsync(UpstreamTemplate template) => _onTemplate!(template, CancellationToken.None);

    public async Task<UpstreamResult> SubmitAsync(UpstreamSubmission submission, CancellationToken cancellationToken)
    {
        _submissions.Enqueue(submission);
        return Answer ?? await Volatile.Read(ref _release).Task.WaitAsync(cancellationToken);
    }
}

/// <summary>A ledger in memory that keeps every record in order.</summary>
internal sealed class RecordingLedger : IDeviceLedger
{
    private readonly ConcurrentQueue<LedgerShare> _records = new();

    public IReadOnlyList<LedgerShare> Records => _records.ToList();

    public Task RecordAsync(LedgerShare share, CancellationToken cancellationToken)
    {
        _records.Enqueue(share);
        return Task.CompletedTask;
    }

    public Task<DeviceTotals?> GetTotalsAsync(string deviceId, CancellationToken cancellationToken) =>
        Task.FromResult(LedgerBatch.Increments(Records.Where(r => r.DeviceId == deviceId).ToList()).FirstOrDefault());

    public Task<IReadOnlyList<DeviceTotals>> ListDevicesAsync(CancellationToken cancellationToken) =>
        Task.FromResult(LedgerBatch.Increments(Records));

    public Task<int> AbandonPendingAsync(byte instance, CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<int> PruneAsync(DateTimeOffset judgedBefore, int maxRows, CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<LedgerShare?> FindShareAsync(string deviceId, uint jobId, uint nonce, CancellationToken cancellationToken) =>
        Task.FromResult<LedgerShare?>(Records.FirstOrDefault(r => r.DeviceId == deviceId && r.JobId == jobId && r.Nonce == nonce));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
