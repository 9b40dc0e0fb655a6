using System;
using IotMinerAgent.Hashing.DeviceWork;

namespace IotMinerAgent.Firmware.Mining
{
    /// <summary>A nonce whose hash met the job's share target, with the hash (raw digest order) for the share report.</summary>
    public sealed class FoundShare
    {
        /// <summary>Creates a found share.</summary>
        public FoundShare(DeviceJob job, uint nonce, byte[] hash)
        {
            Job = job;
            Nonce = nonce;
            Hash = hash;
        }

        /// <summary>The job it was found in.</summary>
        public DeviceJob Job { get; private set; }

        /// <summary>The nonce.</summary>
        public uint Nonce { get; private set; }

        /// <summary>The 32-byte hash, raw digest order (not display order).</summary>
        public byte[] Hash { get; private set; }
    }
}
