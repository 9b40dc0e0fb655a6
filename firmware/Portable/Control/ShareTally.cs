using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Firmware.Status;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Control
{
    /// <summary>
    /// The share counters the status reports: found and dropped (counted on the mining thread), and the verdicts
    /// (counted on the controller's). A resent share the gateway calls a duplicate is not a rejection: the first copy
    /// was judged, only its verdict was lost.
    /// </summary>
    internal sealed class ShareTally
    {
        private readonly object _gate = new object();
        private int _found;
        private int _dropped;
        private int _accepted;
        private int _rejected;
        private int _stale;
        private int _pending;
        private Difficulty _best;

        /// <summary>Counts a share found; returns the number dropped since start (including this one if not kept).</summary>
        public int CountFound(bool kept)
        {
            lock (_gate)
            {
                _found++;
                if (!kept)
                {
                    _dropped++;
                }

                return _dropped;
            }
        }

        /// <summary>Counts a share the gateway answered accepted-pending: pending until its final verdict.</summary>
        public void CountPending()
        {
            lock (_gate)
            {
                _pending++;
            }
        }

        /// <summary>Counts the (final) verdict an outbox entry received.</summary>
        public void CountVerdict(OutboxEntry entry)
        {
            lock (_gate)
            {
                if (entry.WasPending && _pending > 0)
                {
                    _pending--;
                }

                DeviceVerdictCode code = entry.Verdict;
                if (code == DeviceVerdictCode.Accepted || code == DeviceVerdictCode.BlockFound)
                {
                    _accepted++;
                    if (entry.Share.Hash.Length == 32)
                    {
                        Difficulty difficulty = Difficulty.OfHash(entry.Share.Hash);
                        if (difficulty.CompareTo(_best) > 0)
                        {
                            _best = difficulty;
                        }
                    }
                }
                else if (code == DeviceVerdictCode.RejectedStale)
                {
                    _stale++;
                }
                else if (!(entry.Resent && code == DeviceVerdictCode.RejectedDuplicate))
                {
                    _rejected++;
                }
            }
        }

        /// <summary>
        /// Counts a Duino pool's verdict on a result found and submitted straight to the pool (Duino mode has no outbox):
        /// GOOD and BLOCK accepted, BAD rejected.
        /// </summary>
        public void CountPoolVerdict(bool accepted)
        {
            lock (_gate)
            {
                _found++;
                if (accepted)
                {
                    _accepted++;
                }
                else
                {
                    _rejected++;
                }
            }
        }

        /// <summary>Writes the counters into a status snapshot.</summary>
        public void CopyTo(MinerStatus status)
        {
            lock (_gate)
            {
                status.Accepted = _accepted;
                status.Rejected = _rejected;
                status.Stale = _stale;
                status.BestDifficulty = _best;
                status.SharesFound = _found;
                status.SharesDropped = _dropped;
                status.SharesPending = _pending;
            }
        }
    }
}
