using System.Threading;

namespace IotMinerAgent.Linux.Mining;

/// <summary>Decides when a worker may hash: the governor's duty cycle, pause, and allowed thread count.</summary>
public interface IMiningThrottle
{
    /// <summary>
    /// Blocks worker <paramref name="workerIndex"/> until it may hash its next chunk (or until cancelled).
    /// Returns false when it was woken without a turn (e.g. cancelled): the caller re-checks and asks again.
    /// </summary>
    bool WaitForTurn(int workerIndex, CancellationToken cancellationToken);
}
