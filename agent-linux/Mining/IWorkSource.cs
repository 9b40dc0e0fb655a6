using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Mining;

/// <summary>Where jobs come from (a Stratum pool, the owner's node, the gateway, or the local demo); shares go back through their job.</summary>
public interface IWorkSource
{
    /// <summary>What to show as "pool" in status (a URL, or "demo — not earning").</summary>
    string DisplayName { get; }

    /// <summary>The pool's difficulty tier for status (Duino-Coin), or null for a source without tiers.</summary>
    string? Tier => null;

    /// <summary>Why the source stopped for good (a pool ban), or null while it works or retries.</summary>
    string? StopReason => null;

    /// <summary>Connects and keeps delivering jobs to <paramref name="board"/> until cancelled.</summary>
    Task RunAsync(JobBoard board, CancellationToken cancellationToken);
}
