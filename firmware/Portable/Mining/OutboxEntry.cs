using System;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Mining
{
    /// <summary>One share in the outbox and how far it got: sent to the gateway, judged, reported.</summary>
    public sealed class OutboxEntry
    {
        /// <summary>Waiting to be published on <c>device_share</c>.</summary>
        public const int StageToSend = 0;

        /// <summary>Published; waiting for the gateway's verdict.</summary>
        public const int StageAwaitingVerdict = 1;

        /// <summary>Judged; waiting to be published on <c>share</c> (the report), then removed.</summary>
        public const int StageToReport = 2;

        /// <summary>
        /// The gateway answered accepted-pending (upstream unreachable or slow): the share is valid and held there; the
        /// final verdict follows, so it is neither resent soon nor counted in flight.
        /// </summary>
        public const int StagePending = 3;

        /// <summary>Creates an entry waiting to be sent.</summary>
        public OutboxEntry(FoundShare share, string id, string? foundAt)
        {
            Share = share;
            Id = id;
            FoundAt = foundAt;
            Stage = StageToSend;
            Reason = string.Empty;
        }

        /// <summary>The share.</summary>
        public FoundShare Share { get; private set; }

        /// <summary>The share report's UUIDv7, fixed when found so every resend carries the same id.</summary>
        public string Id { get; private set; }

        /// <summary>ISO 8601 UTC time it was found, or null before the clock was set.</summary>
        public string? FoundAt { get; private set; }

        /// <summary>One of the Stage constants.</summary>
        public int Stage { get; set; }

        /// <summary>When it was last published on <c>device_share</c> (uptime ms).</summary>
        public long SentAtMs { get; set; }

        /// <summary>True once it was published more than once (a duplicate verdict then says nothing about the share).</summary>
        public bool Resent { get; set; }

        /// <summary>Earliest time (ms) to publish it again, after the gateway answered rejected-rate-limited.</summary>
        public long NotBeforeMs { get; set; }

        /// <summary>True once the gateway answered accepted-pending for it (counted as pending until the final verdict).</summary>
        public bool WasPending { get; set; }

        /// <summary>The gateway's verdict, once judged.</summary>
        public DeviceVerdictCode Verdict { get; set; }

        /// <summary>The verdict's reason text.</summary>
        public string Reason { get; set; }
    }
}
