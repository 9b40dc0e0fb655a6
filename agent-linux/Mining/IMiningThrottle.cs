using System.Threading;

namespace IotMinerAgent.Linux.Mining;

/// <summary>Decides when a worker may hash: the governor's duty cycle, pause, and allowed thread count.</summary>
public interface IMiningThrottle
{
    /// <summary>
    /// Blocks worker <paramref name="workerIndex"/> until it may hash its next chunk, for at most about 250 ms.
    /// Returns false when it has no turn yet (paused, outside its duty slice, cancelled): the caller beats its
    /// heartbeat, re-checks and asks again, so a paused worker still counts as alive.
    /// </summary>
    bool WaitForTurn(int workerIndex, CancellationToken cancellationToken);
}
