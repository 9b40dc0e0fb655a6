using System;

namespace IotMinerAgent.Governor
{
    /// <summary>
    /// Splits an overall load into running workers and a per-worker duty: 30 % of four threads becomes two workers
    /// at 60 % rather than four at 30 %, so whole cores stay free for the owner's programs and each worker hashes in
    /// longer, cache-friendlier runs.
    /// </summary>
    public static class WorkerShare
    {
        /// <summary>Workers needed for <paramref name="loadPpm"/> of <paramref name="maxThreads"/> threads (at least 1 for any load above 0).</summary>
        public static int Threads(int loadPpm, int maxThreads)
        {
            if (loadPpm <= 0)
            {
                return 0;
            }

            long threadPpm = (long)loadPpm * maxThreads;
            return (int)FixedPoint.Clamp((threadPpm + FixedPoint.FullLoadPpm - 1) / FixedPoint.FullLoadPpm, 1, maxThreads);
        }

        /// <summary>Duty in percent (1..100) each of <paramref name="threads"/> workers runs to deliver <paramref name="loadPpm"/>.</summary>
        public static int DutyPercent(int loadPpm, int maxThreads, int threads)
        {
            if (threads <= 0)
            {
                return 0;
            }

            long perWorkerPpm = (long)loadPpm * maxThreads / threads;
            return (int)FixedPoint.Clamp(FixedPoint.DivideRounded(perWorkerPpm, FixedPoint.PpmPerPercent), 1, 100);
        }
    }
}
