using System;

namespace IotMinerAgent.Hashing.DeviceWork
{
    /// <summary>
    /// A share a device found (docs/mqtt.md, "Device work (binary)", share): 12 bytes. The job id and nonce are
    /// enough, because the gateway rebuilds the header from its own job table and hashes it again; the device id is
    /// the MQTT topic's, which the broker's ACL ties to the device's credentials, so a copy in the payload would only
    /// be a second, forgeable claim. The optional hint is the device's count of leading zero bits of the hash: never
    /// trusted, it lets the gateway spot a device whose hashing disagrees with its own.
    /// </summary>
    public sealed class DeviceShare
    {
        /// <summary>Length of an encoded share.</summary>
        public const int Length = 12;

        /// <summary>Byte 2 flag: byte 3 holds the hint.</summary>
        public const byte FlagHint = 1;

        private const string Name = "share";

        private readonly uint _jobId;
        private readonly uint _nonce;
        private readonly bool _hasHint;
        private readonly byte _leadingZeroBits;

        /// <summary>A share without a hint.</summary>
        public DeviceShare(uint jobId, uint nonce)
        {
            _jobId = jobId;
            _nonce = nonce;
        }

        /// <summary>A share with the device's leading-zero-bit count of its hash (see <see cref="LeadingZeroBitsOf"/>).</summary>
        public DeviceShare(uint jobId, uint nonce, byte leadingZeroBits)
        {
            _jobId = jobId;
            _nonce = nonce;
            _hasHint = true;
            _leadingZeroBits = leadingZeroBits;
        }

        /// <summary>The job the nonce belongs to (<see cref="DeviceJob.JobId"/>).</summary>
        public uint JobId
        {
            get { return _jobId; }
        }

        /// <summary>The nonce whose hash met the job's share target.</summary>
        public uint Nonce
        {
            get { return _nonce; }
        }

        /// <summary>True when the share carries the device's hint.</summary>
        public bool HasHint
        {
            get { return _hasHint; }
        }

        /// <summary>The device's count of leading zero bits of the hash (0 without a hint).</summary>
        public byte LeadingZeroBits
        {
            get { return _leadingZeroBits; }
        }

        /// <summary>
        /// Leading zero bits of a raw 32-byte hash read as a little-endian 256-bit integer (so counted from byte 31's top
        /// bit, the first digits of the display order); 255 for the all-zero hash, so it fits the byte.
        /// </summary>
        public static byte LeadingZeroBitsOf(byte[] hash32)
        {
            if (hash32 == null || hash32.Length != Sha256.DigestSize)
            {
                throw new ArgumentException("A hash is exactly 32 bytes.", "hash32");
            }

            int bits = 0;
            for (int i = 31; i >= 0; i--)
            {
                byte b = hash32[i];
                if (b != 0)
                {
                    for (int mask = 0x80; (b & mask) == 0; mask >>= 1)
                    {
                        bits++;
                    }

                    return (byte)bits;
                }

                bits += 8;
            }

            return 255;
        }

        /// <summary>The share as 12 bytes.</summary>
        public byte[] Encode()
        {
            byte[] message = new byte[Length];
            message[0] = DeviceWireFormat.Version;
            message[1] = DeviceWireFormat.KindShare;
            message[2] = _hasHint ? FlagHint : (byte)0;
            message[3] = _leadingZeroBits;
            DeviceWireFormat.WriteUInt32(message, 4, _jobId);
            DeviceWireFormat.WriteUInt32(message, 8, _nonce);
            return message;
        }

        /// <summary>Decodes a share message.</summary>
        /// <exception cref="ArgumentNullException">When <paramref name="message"/> is null.</exception>
        /// <exception cref="DeviceMessageException">When any field is wrong; the message names it.</exception>
        public static DeviceShare Decode(byte[] message)
        {
            DeviceWireFormat.CheckPreamble(message, DeviceWireFormat.KindShare, Name);
            DeviceWireFormat.CheckLength(message, Length, Name);
            byte flags = message[2];
            if ((flags & ~FlagHint) != 0)
            {
                throw new DeviceMessageException(
                    "Device share message: flags (byte 2) are " + flags + ", but version 1 defines only bit 0 (hint present).");
            }

            uint jobId = DeviceWireFormat.ReadUInt32(message, 4);
            uint nonce = DeviceWireFormat.ReadUInt32(message, 8);
            if (flags == FlagHint)
            {
                return new DeviceShare(jobId, nonce, message[3]);
            }

            if (message[3] != 0)
            {
                throw new DeviceMessageException(
                    "Device share message: hint (byte 3) is " + message[3] + " but the hint flag (byte 2, bit 0) is clear; it must be 0.");
            }

            return new DeviceShare(jobId, nonce);
        }
    }
}
