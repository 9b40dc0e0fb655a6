using System.Threading;

namespace IotMinerAgent.Linux.Mining;

/// <summary>Decides when a worker may hash: the governor's duty cycle, pause, and allowed thread count.</summary>
public interface IMiningThrottle
{
    /// <summary>
    /// Blocks worker <paramref name="workerIndex"/> until it may hash its next chunk (the worker counts as parked,
    /// not hung, meanwhile). Returns false when woken without a turn (cancelled): the caller re-checks and asks again.
    /// </summary>
    bool WaitForTurn(int workerIndex, CancellationToken cancellationToken);
}
