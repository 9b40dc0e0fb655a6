namespace IotMinerAgent.Hashing.DeviceWork
{
    /// <summary>The gateway's verdict on a device share (byte 2 of a verdict message).</summary>
    public enum DeviceVerdictCode : byte
    {
        /// <summary>The share met the job's share target and was new.</summary>
        Accepted = 0,

        /// <summary>Accepted, and its hash also met the network target: a block.</summary>
        BlockFound = 1,

        /// <summary>The gateway's hash of the rebuilt header does not meet the job's share target.</summary>
        RejectedLowDifficulty = 2,

        /// <summary>This job id and nonce were already submitted.</summary>
        RejectedDuplicate = 3,

        /// <summary>The job expired or the pool moved on to a new block.</summary>
        RejectedStale = 4,

        /// <summary>The gateway has no job with this id for this device.</summary>
        RejectedUnknownJob = 5,

        /// <summary>The share message could not be decoded (the job id and nonce are then 0).</summary>
        RejectedMalformed = 6,

        /// <summary>
        /// The device sent shares faster than its share of the gateway allows (a flood); the share was not checked.
        /// Slow down: the gateway answers every share, so a device can pace itself by its verdicts.
        /// </summary>
        RejectedRateLimited = 7,

        /// <summary>
        /// Not final: the share is valid and the gateway holds it for upstream, which is unreachable or slow (state
        /// pending_upstream in the ledger). The final verdict on the same job id and nonce follows once upstream has
        /// answered: accepted or block-found, or rejected-stale when upstream replaced the job meanwhile.
        /// </summary>
        AcceptedPending = 8,
    }
}
