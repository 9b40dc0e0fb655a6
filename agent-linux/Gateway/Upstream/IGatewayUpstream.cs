using System;
using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Gateway.Upstream;

/// <summary>
/// The gateway's one connection upstream: a Stratum V1 pool, or the owner's own node through getblocktemplate and
/// submitblock (solo mining). It turns upstream work into <see cref="UpstreamTemplate"/>s whose headers the gateway
/// hands out to devices, and submits the shares the gateway has already verified.
/// </summary>
public interface IGatewayUpstream
{
    /// <summary>What to show as the upstream in status and logs (pool URL, or "node http://127.0.0.1:19443").</summary>
    string DisplayName { get; }

    /// <summary>sha256d (Bitcoin) or scrypt (Litecoin): every template of this upstream has this algorithm.</summary>
    string Algorithm { get; }

    /// <summary>
    /// Connects and keeps delivering templates to <paramref name="onTemplate"/> (one call at a time, in order) until
    /// cancelled; reconnects on its own. A template with <see cref="UpstreamTemplate.ReplacesAll"/> makes every earlier
    /// template stale.
    /// </summary>
    Task RunAsync(Func<UpstreamTemplate, CancellationToken, ValueTask> onTemplate, CancellationToken cancellationToken);

    /// <summary>
    /// Submits a share that meets <see cref="UpstreamTemplate.ShareTarget"/> and returns upstream's answer. Never drops
    /// a share silently: when upstream cannot be reached before cancellation the result says so.
    /// </summary>
    Task<UpstreamResult> SubmitAsync(UpstreamSubmission submission, CancellationToken cancellationToken);
}
