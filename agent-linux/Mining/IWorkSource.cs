using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Mining;

/// <summary>Where jobs come from (a Stratum pool, the owner's node, the gateway, or the local demo); shares go back through their job.</summary>
public interface IWorkSource
{
    /// <summary>What to show as "pool" in status (a URL, or "demo — not earning").</summary>
    string DisplayName { get; }

    /// <summary>Connects and keeps delivering jobs to <paramref name="board"/> until cancelled.</summary>
    Task RunAsync(JobBoard board, CancellationToken cancellationToken);
}
