using System;

namespace IotMinerAgent.Hashing.DeviceWork
{
    /// <summary>The job's binary form, byte by byte as in docs/mqtt.md ("Device work (binary)", job).</summary>
    public sealed partial class DeviceJob
    {
        /// <summary>Length of an encoded sha256d job.</summary>
        public const int Sha256dLength = PayloadOffset + 32 + TailLength;

        /// <summary>Length of an encoded scrypt job.</summary>
        public const int ScryptLength = PayloadOffset + PrefixLength;

        /// <summary>Byte 2 for sha256d.</summary>
        public const byte AlgorithmSha256d = 1;

        /// <summary>Byte 2 for scrypt.</summary>
        public const byte AlgorithmScrypt = 2;

        private const string Name = "job";
        private const int JobIdOffset = 4;
        private const int FirstNonceOffset = 8;
        private const int NonceCountOffset = 12;
        private const int IssuedAtOffset = 20;
        private const int LifetimeOffset = 24;
        private const int TargetOffset = 28;
        private const int PayloadOffset = 60;

        /// <summary>The job as bytes: 104 for sha256d, 136 for scrypt.</summary>
        public byte[] Encode()
        {
            bool sha256d = _midstate != null;
            byte[] message = new byte[sha256d ? Sha256dLength : ScryptLength];
            message[0] = DeviceWireFormat.Version;
            message[1] = DeviceWireFormat.KindJob;
            message[2] = sha256d ? AlgorithmSha256d : AlgorithmScrypt;
            DeviceWireFormat.WriteUInt32(message, JobIdOffset, _jobId);
            DeviceWireFormat.WriteUInt32(message, FirstNonceOffset, _firstNonce);
            DeviceWireFormat.WriteUInt64(message, NonceCountOffset, _nonceCount);
            DeviceWireFormat.WriteUInt32(message, IssuedAtOffset, _issuedAt);
            DeviceWireFormat.WriteUInt32(message, LifetimeOffset, _lifetimeSeconds);
            for (int i = 0; i < 8; i++)
            {
                DeviceWireFormat.WriteUInt32(message, TargetOffset + (i * 4), _target.GetWord(i));
            }

            if (sha256d)
            {
                // The midstate as SHA-256 writes its state (FIPS 180-4 §6.2.2 step 4): big-endian words.
                for (int i = 0; i < 8; i++)
                {
                    Sha256.WriteBigEndian(message, PayloadOffset + (i * 4), _midstate![i]);
                }

                Array.Copy(_tail!, 0, message, PayloadOffset + 32, TailLength);
            }
            else
            {
                Array.Copy(_prefix!, 0, message, PayloadOffset, PrefixLength);
            }

            return message;
        }

        /// <summary>Decodes a job message.</summary>
        /// <exception cref="ArgumentNullException">When <paramref name="message"/> is null.</exception>
        /// <exception cref="DeviceMessageException">When any field is wrong; the message names it.</exception>
        public static DeviceJob Decode(byte[] message)
        {
            DeviceWireFormat.CheckPreamble(message, DeviceWireFormat.KindJob, Name);
            byte algorithm = message[2];
            if (algorithm != AlgorithmSha256d && algorithm != AlgorithmScrypt)
            {
                throw new DeviceMessageException(
                    "Device job message: algorithm (byte 2) is " + algorithm + ", expected 1 (sha256d) or 2 (scrypt).");
            }

            if (message[3] != 0)
            {
                throw new DeviceMessageException("Device job message: reserved byte 3 is " + message[3] + ", must be 0 in version 1.");
            }

            DeviceWireFormat.CheckLength(message, algorithm == AlgorithmSha256d ? Sha256dLength : ScryptLength, Name);
            uint jobId = DeviceWireFormat.ReadUInt32(message, JobIdOffset);
            uint firstNonce = DeviceWireFormat.ReadUInt32(message, FirstNonceOffset);
            ulong nonceCount = ReadNonceCount(message, firstNonce);
            uint issuedAt = DeviceWireFormat.ReadUInt32(message, IssuedAtOffset);
            uint lifetime = DeviceWireFormat.ReadUInt32(message, LifetimeOffset);
            Target target = ReadTarget(message);
            if (algorithm == AlgorithmScrypt)
            {
                byte[] prefix = new byte[PrefixLength];
                Array.Copy(message, PayloadOffset, prefix, 0, PrefixLength);
                return new DeviceJob(jobId, Algorithms.Scrypt, target, firstNonce, nonceCount, issuedAt, lifetime, null, null, prefix);
            }

            uint[] midstate = new uint[8];
            for (int i = 0; i < 8; i++)
            {
                midstate[i] = Sha256.ReadBigEndian(message, PayloadOffset + (i * 4));
            }

            byte[] tail = new byte[TailLength];
            Array.Copy(message, PayloadOffset + 32, tail, 0, TailLength);
            return new DeviceJob(jobId, Algorithms.Sha256d, target, firstNonce, nonceCount, issuedAt, lifetime, midstate, tail, null);
        }

        private static ulong ReadNonceCount(byte[] message, uint firstNonce)
        {
            ulong count = DeviceWireFormat.ReadUInt64(message, NonceCountOffset);
            if (count == 0)
            {
                throw new DeviceMessageException("Device job message: nonce count (bytes 12..19) is 0; a job scans at least one nonce.");
            }

            if (count > NonceRange.Limit - firstNonce)
            {
                throw new DeviceMessageException(
                    "Device job message: nonce range passes 2^32: first nonce " + firstNonce + " + count " + count + " must be at most 4294967296.");
            }

            return count;
        }

        private static Target ReadTarget(byte[] message)
        {
            uint[] words = new uint[8];
            for (int i = 0; i < 8; i++)
            {
                words[i] = DeviceWireFormat.ReadUInt32(message, TargetOffset + (i * 4));
            }

            return new Target(words);
        }
    }
}
