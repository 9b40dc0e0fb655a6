using System;
using System.Collections;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Mining
{
    /// <summary>
    /// Shares in RAM until the gateway has judged them and the report is out: shares found while Wi-Fi or the broker
    /// is down wait here and go out, oldest first, after the reconnect. Bounded (an ESP32 has ~100 KB of heap): when
    /// full, <see cref="TryAdd"/> refuses and the caller says so in an event and in the status, never silently.
    /// A share sent before a disconnect is sent again after it (the verdict may have been lost); the gateway answers a
    /// repeat with rejected-duplicate, which for a resent share is not held against it.
    /// </summary>
    public sealed class ShareOutbox
    {
        private readonly object _gate = new object();
        private readonly ArrayList _entries = new ArrayList();
        private readonly int _capacity;

        /// <summary>Creates an outbox for at most <paramref name="capacity"/> shares.</summary>
        public ShareOutbox(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity", "The outbox holds at least one share.");
            }

            _capacity = capacity;
        }

        /// <summary>Most shares held.</summary>
        public int Capacity
        {
            get { return _capacity; }
        }

        /// <summary>Shares held now.</summary>
        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _entries.Count;
                }
            }
        }

        /// <summary>Adds a share; false when the outbox is full.</summary>
        public bool TryAdd(OutboxEntry entry)
        {
            lock (_gate)
            {
                if (_entries.Count >= _capacity)
                {
                    return false;
                }

                _entries.Add(entry);
                return true;
            }
        }

        /// <summary>The oldest share due to be published on <c>device_share</c> at <paramref name="nowMs"/>, or null.</summary>
        public OutboxEntry? NextToSend(long nowMs)
        {
            lock (_gate)
            {
                for (int i = 0; i < _entries.Count; i++)
                {
                    OutboxEntry entry = (OutboxEntry)_entries[i]!;
                    if (entry.Stage == OutboxEntry.StageToSend && entry.NotBeforeMs <= nowMs)
                    {
                        return entry;
                    }
                }

                return null;
            }
        }

        /// <summary>Shares published and still waiting for their verdict.</summary>
        public int AwaitingVerdict
        {
            get
            {
                lock (_gate)
                {
                    int count = 0;
                    for (int i = 0; i < _entries.Count; i++)
                    {
                        if (((OutboxEntry)_entries[i]!).Stage == OutboxEntry.StageAwaitingVerdict)
                        {
                            count++;
                        }
                    }

                    return count;
                }
            }
        }

        /// <summary>
        /// Puts the share a rate-limited verdict names back in line, not before <paramref name="notBeforeMs"/>: the
        /// gateway did not check it (docs/mqtt.md, code 7), so it is still owed a verdict. False when no share matches.
        /// </summary>
        public bool Defer(DeviceVerdict verdict, long notBeforeMs)
        {
            lock (_gate)
            {
                for (int i = 0; i < _entries.Count; i++)
                {
                    OutboxEntry entry = (OutboxEntry)_entries[i]!;
                    if (entry.Stage == OutboxEntry.StageAwaitingVerdict && entry.Share.Job.JobId == verdict.JobId && entry.Share.Nonce == verdict.Nonce)
                    {
                        entry.Stage = OutboxEntry.StageToSend;
                        entry.NotBeforeMs = notBeforeMs;
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// Holds the share an accepted-pending verdict names until its final verdict (docs/mqtt.md, code 8): it leaves
        /// the in-flight window and is not resent on the short verdict timer. Returns the entry when it just became
        /// pending, null when it already was or no share matches.
        /// </summary>
        public OutboxEntry? MarkPending(DeviceVerdict verdict, long nowMs)
        {
            lock (_gate)
            {
                for (int i = 0; i < _entries.Count; i++)
                {
                    OutboxEntry entry = (OutboxEntry)_entries[i]!;
                    if ((entry.Stage == OutboxEntry.StageAwaitingVerdict || entry.Stage == OutboxEntry.StagePending) && entry.Share.Job.JobId == verdict.JobId && entry.Share.Nonce == verdict.Nonce)
                    {
                        bool first = !entry.WasPending;
                        entry.Stage = OutboxEntry.StagePending;
                        entry.SentAtMs = nowMs;
                        entry.WasPending = true;
                        return first ? entry : null;
                    }
                }

                return null;
            }
        }

        /// <summary>The oldest judged share waiting for its report, or null.</summary>
        public OutboxEntry? NextToReport()
        {
            return FirstInStage(OutboxEntry.StageToReport);
        }

        /// <summary>Marks a share as published.</summary>
        public void MarkSent(OutboxEntry entry, long nowMs)
        {
            lock (_gate)
            {
                entry.Stage = OutboxEntry.StageAwaitingVerdict;
                entry.SentAtMs = nowMs;
            }
        }

        /// <summary>
        /// Marks a share whose publish failed as possibly delivered: the gateway may answer its next copy with
        /// rejected-duplicate, which is then not held against the device.
        /// </summary>
        public void MarkResent(OutboxEntry entry)
        {
            lock (_gate)
            {
                entry.Resent = true;
            }
        }

        /// <summary>
        /// Sends again every share still waiting for a verdict: after a reconnect, or when a verdict is older than
        /// <paramref name="verdictWaitMs"/> (a lost verdict must not pin a share in RAM forever); a share the gateway
        /// holds for upstream goes again only after <paramref name="pendingWaitMs"/> (its final verdict may have been lost).
        /// </summary>
        public void Resend(long nowMs, long verdictWaitMs, long pendingWaitMs)
        {
            lock (_gate)
            {
                for (int i = 0; i < _entries.Count; i++)
                {
                    OutboxEntry entry = (OutboxEntry)_entries[i]!;
                    long wait = entry.Stage == OutboxEntry.StagePending ? pendingWaitMs : verdictWaitMs;
                    if ((entry.Stage == OutboxEntry.StageAwaitingVerdict || entry.Stage == OutboxEntry.StagePending) && nowMs - entry.SentAtMs >= wait)
                    {
                        entry.Stage = OutboxEntry.StageToSend;
                        entry.Resent = true;
                    }
                }
            }
        }

        /// <summary>Records the gateway's verdict on the share it names; null when no share here matches (a repeat).</summary>
        public OutboxEntry? ApplyVerdict(DeviceVerdict verdict)
        {
            lock (_gate)
            {
                for (int i = 0; i < _entries.Count; i++)
                {
                    OutboxEntry entry = (OutboxEntry)_entries[i]!;
                    if (entry.Stage != OutboxEntry.StageToReport && entry.Share.Job.JobId == verdict.JobId && entry.Share.Nonce == verdict.Nonce)
                    {
                        entry.Stage = OutboxEntry.StageToReport;
                        entry.Verdict = verdict.Code;
                        entry.Reason = verdict.Reason;
                        return entry;
                    }
                }

                return null;
            }
        }

        /// <summary>Forgets a reported share.</summary>
        public void Remove(OutboxEntry entry)
        {
            lock (_gate)
            {
                _entries.Remove(entry);
            }
        }

        private OutboxEntry? FirstInStage(int stage)
        {
            lock (_gate)
            {
                for (int i = 0; i < _entries.Count; i++)
                {
                    OutboxEntry entry = (OutboxEntry)_entries[i]!;
                    if (entry.Stage == stage)
                    {
                        return entry;
                    }
                }

                return null;
            }
        }
    }
}
