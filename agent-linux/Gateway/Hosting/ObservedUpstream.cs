using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Gateway.Upstream;

namespace IotMinerAgent.Linux.Gateway.Hosting;

/// <summary>How the gateway's upstream is doing, as status shows it.</summary>
public enum UpstreamState
{
    /// <summary>Started, no work yet.</summary>
    Connecting,

    /// <summary>Work arrived and the last submission (if any) was answered.</summary>
    Working,

    /// <summary>The last submission could not reach upstream.</summary>
    Unreachable,

    /// <summary>The upstream loop ended (stopped or failed).</summary>
    Stopped,
}

/// <summary>
/// Wraps the upstream to watch it without changing it: templates seen, answers given, and from them a state for the
/// gateway's status (the upstream contract has no state of its own to ask).
/// </summary>
public sealed class ObservedUpstream(IGatewayUpstream inner) : IGatewayUpstream
{
    long _templates;
    long _accepted;
    long _blocks;
    long _rejected;
    long _networkDifficultyBits;
    int _state = (int)UpstreamState.Connecting;

    /// <inheritdoc />
    public string DisplayName => inner.DisplayName;

    /// <inheritdoc />
    public string Algorithm => inner.Algorithm;

    /// <summary>The state now.</summary>
    public UpstreamState State => (UpstreamState)Volatile.Read(ref _state);

    /// <summary>Templates received.</summary>
    public long Templates => Interlocked.Read(ref _templates);

    /// <summary>Submissions upstream accepted (blocks included).</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Blocks upstream accepted.</summary>
    public long Blocks => Interlocked.Read(ref _blocks);

    /// <summary>Submissions upstream refused or called stale.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>The network difficulty of the newest template; null before the first.</summary>
    public double? NetworkDifficulty => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _networkDifficultyBits)) is var difficulty && difficulty > 0 ? difficulty : null;

    /// <inheritdoc />
    public async Task RunAsync(Func<UpstreamTemplate, CancellationToken, ValueTask> onTemplate, CancellationToken cancellationToken)
    {
        try
        {
            await inner.RunAsync((template, ct) =>
            {
                Interlocked.Increment(ref _templates);
                Interlocked.Exchange(ref _networkDifficultyBits, BitConverter.DoubleToInt64Bits(Linux.Energy.Earnings.NetworkDifficulty(template.NetworkTarget)));
                Volatile.Write(ref _state, (int)UpstreamState.Working);
                return onTemplate(template, ct);
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _state, (int)UpstreamState.Stopped);
        }
    }

    /// <inheritdoc />
    public async Task<UpstreamResult> SubmitAsync(UpstreamSubmission submission, CancellationToken cancellationToken)
    {
        UpstreamResult result = await inner.SubmitAsync(submission, cancellationToken).ConfigureAwait(false);
        switch (result.Verdict)
        {
            case ShareVerdict.BlockAccepted:
                Interlocked.Increment(ref _blocks);
                Interlocked.Increment(ref _accepted);
                break;
            case ShareVerdict.Accepted:
                Interlocked.Increment(ref _accepted);
                break;
            case ShareVerdict.Unreachable or ShareVerdict.Dropped:
                Interlocked.CompareExchange(ref _state, (int)UpstreamState.Unreachable, (int)UpstreamState.Working);
                return result;
            default:
                Interlocked.Increment(ref _rejected);
                break;
        }

        Interlocked.CompareExchange(ref _state, (int)UpstreamState.Working, (int)UpstreamState.Unreachable);
        return result;
    }
}
