using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Stratum;
using IotMinerAgent.Linux.Stratum.Session;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Gateway.Upstream;

/// <summary>
/// A Stratum V1 pool as the gateway's upstream, over the agent's own <see cref="StratumClient"/> (failover, reconnects,
/// BIP 310 version rolling): every <see cref="StratumWork"/> becomes a <see cref="StratumTemplate"/>, and a verified
/// device share goes out as <c>mining.submit</c> with the extranonce2 and version bits of its work unit.
/// </summary>
public sealed class StratumUpstream : IGatewayUpstream, IAsyncDisposable
{
    private readonly StratumClient _client;
    private readonly StratumClientOptions _options;
    private readonly ILogger _logger;
    private StratumTemplate? _latest;

    /// <summary>Creates the upstream; nothing connects until <see cref="RunAsync"/>.</summary>
    /// <exception cref="ArgumentException">When the options are invalid; the message lists every problem.</exception>
    public StratumUpstream(StratumClientOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _logger = logger;
        _client = new StratumClient(options, logger);
    }

    /// <inheritdoc />
    public string DisplayName => (_client.CurrentPool ?? (_options.Pools.Count > 0 ? _options.Pools[0] : null))?.Url ?? "stratum (no pool)";

    /// <inheritdoc />
    public string Algorithm => _options.Algorithm;

    /// <summary>The client, for status (state, counters, difficulty).</summary>
    public StratumClient Client => _client;

    /// <inheritdoc />
    public async Task RunAsync(Func<UpstreamTemplate, CancellationToken, ValueTask> onTemplate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onTemplate);
        Task client = _client.RunAsync(cancellationToken);
        try
        {
            await foreach (StratumWork work in _client.Work.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await onTemplate(NextTemplate(work), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal way out.
        }

        await client.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<UpstreamResult> SubmitAsync(UpstreamSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (submission.Template is not StratumTemplate template)
        {
            throw new ArgumentException($"Template {submission.Template.Id} did not come from this Stratum upstream.", nameof(submission));
        }

        ShareResult result;
        try
        {
            result = await _client.SubmitAsync(template.CreateShare(submission.WorkUnit, submission.Nonce), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new UpstreamResult(ShareVerdict.Unreachable, "no answer from the pool before the wait ended");
        }

        return ResultOf(result);
    }

    /// <summary>
    /// The client's result as upstream's answer: one vocabulary, so the verdict goes on unchanged (the fleet's
    /// <c>Verdicts</c> maps it to the device's code); a missing reason is the verdict's own text.
    /// </summary>
    internal static UpstreamResult ResultOf(ShareResult result) =>
        new(result.Outcome, result.Reason ?? (result.Outcome == ShareVerdict.Accepted ? string.Empty : ShareVerdictText.Of(result.Outcome)));

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _client.DisposeAsync();

    // A new pool job starts at extranonce2 0; the same job again (new difficulty or mask, or re-sent to a resumed
    // session with the same extranonce1) continues past the extranonce2s its previous template handed out, so no
    // header is handed out twice.
    private StratumTemplate NextTemplate(StratumWork work)
    {
        ulong first = _latest is { } previous && IsSameJob(previous.Work.Job, work.Job) ? previous.NextFreeExtranonce2 : 0;
        _latest = StratumTemplate.Create(work, first);
        _logger.LogDebug("Pool work {Template}: extranonce2 from {First}, version mask {Mask:x8}", _latest.Id, first, work.VersionMask);
        return _latest;
    }

    private static bool IsSameJob(StratumJob a, StratumJob b) =>
        a.JobId == b.JobId && a.Extranonce1Hex == b.Extranonce1Hex && a.Extranonce2Size == b.Extranonce2Size;
}
