namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// What became of a share, in one vocabulary for every layer: the Stratum client, the mining loop, the MQTT share
    /// journal and the gateway's upstreams all carry this value unchanged, so a verdict is never narrowed on the way
    /// (docs/mqtt.md, share <c>result</c>, spells each one; <see cref="ShareVerdictText"/> converts).
    /// </summary>
    public enum ShareVerdict
    {
        /// <summary>The pool (or node, or demo source) accepted it.</summary>
        Accepted = 0,

        /// <summary>The node accepted it as a block (a pool's accepted share that is also a block stays <see cref="Accepted"/>).</summary>
        BlockAccepted = 1,

        /// <summary>The pool refused it for a reason other than staleness (duplicate, low difficulty, ...).</summary>
        Rejected = 2,

        /// <summary>Its job was voided (clean_jobs, new session, another pool) before the pool took it, or the pool said so.</summary>
        Stale = 3,

        /// <summary>Not submitted: its hash does not meet the pool's current share target (the difficulty rose).</summary>
        BelowTarget = 4,

        /// <summary>Not submitted: the queue for a reconnect overflowed, or the client stopped.</summary>
        Dropped = 5,

        /// <summary>Meant for upstream, but upstream could not be reached or did not answer in time; not judged.</summary>
        Unreachable = 6,
    }
}
