using IotMinerAgent.Hashing;

namespace IotMinerAgent.Linux.Gateway.Upstream;

/// <summary>
/// One piece of upstream work: a block template (node) or a pool job (Stratum), able to build a distinct 80-byte
/// header for each of its <see cref="WorkUnitCount"/> work units. A work unit stands for whatever makes headers
/// distinct upstream (extranonce2 and rolled version bits for a pool, the coinbase extranonce for a node), so the
/// gateway only hands out unit numbers and nonce ranges and never hashes the same header twice.
/// </summary>
public abstract class UpstreamTemplate
{
    /// <summary>Upstream's name for the work, for logs ("job 4f2a", "height 212 prev 0f9c…").</summary>
    public required string Id { get; init; }

    /// <summary>sha256d or scrypt.</summary>
    public required string Algorithm { get; init; }

    /// <summary>What upstream accepts: the pool's share target, or the network target for a node.</summary>
    public required Target ShareTarget { get; init; }

    /// <summary>The block's target (from nBits): a hash that meets it is a block.</summary>
    public required Target NetworkTarget { get; init; }

    /// <summary>How many distinct headers (work units) the template can build; at least 1.</summary>
    public required ulong WorkUnitCount { get; init; }

    /// <summary>True when upstream moved on (new block, clean_jobs): every earlier template is stale.</summary>
    public required bool ReplacesAll { get; init; }

    /// <summary>The 80-byte header of work unit <paramref name="workUnit"/> with nonce 0.</summary>
    public abstract byte[] BuildHeader(ulong workUnit);
}
