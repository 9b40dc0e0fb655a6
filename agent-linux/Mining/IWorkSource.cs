using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Mining;

/// <summary>Where jobs come from and shares go: a Stratum pool, the owner's node, the gateway, or the local demo.</summary>
public interface IWorkSource
{
    /// <summary>What to show as "pool" in status (a URL, or "demo — not earning").</summary>
    string DisplayName { get; }

    /// <summary>Connects and keeps delivering jobs to <paramref name="board"/> until cancelled.</summary>
    Task RunAsync(JobBoard board, CancellationToken cancellationToken);

    /// <summary>Submits a share and returns the source's verdict.</summary>
    Task<ShareOutcome> SubmitAsync(FoundShare share, CancellationToken cancellationToken);
}
