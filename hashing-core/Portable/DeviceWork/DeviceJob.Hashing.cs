using System;

namespace IotMinerAgent.Hashing.DeviceWork
{
    /// <summary>What a device does with a job: hash a nonce and compare it with the share target.</summary>
    public sealed partial class DeviceJob
    {
        /// <summary>
        /// sha256d of the job's header with <paramref name="nonce"/>, as 32 raw digest bytes (not display order), from
        /// the midstate alone (<see cref="Sha256d.HashFromMidstate"/>). Allocates its buffers on every call; a device
        /// hashing nonce after nonce uses a <see cref="DeviceJobHasher"/> instead.
        /// </summary>
        /// <exception cref="InvalidOperationException">For a scrypt job.</exception>
        public byte[] HashSha256d(uint nonce)
        {
            byte[] digest = new byte[Sha256.DigestSize];
            Sha256d.HashFromMidstate(RequireSha256d("midstate"), TailWord(0), TailWord(1), TailWord(2), nonce, new uint[8], new uint[64], digest);
            return digest;
        }

        /// <summary>Header bytes 64..75 of a sha256d job as three big-endian words (<see cref="HeaderWork.TailWord"/>).</summary>
        /// <exception cref="InvalidOperationException">For a scrypt job.</exception>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="index"/> is not 0, 1 or 2.</exception>
        public uint TailWord(int index)
        {
            RequireSha256d("tail");
            if (index < 0 || index > 2)
            {
                throw new ArgumentOutOfRangeException("index", "The tail has three words, 0 to 2.");
            }

            return Sha256.ReadBigEndian(_tail!, index * 4);
        }

        /// <summary>True when the job's header with <paramref name="nonce"/> hashes at or below the share target.</summary>
        public bool Meets(uint nonce)
        {
            if (_midstate != null)
            {
                return _target.IsMetBy(HashSha256d(nonce));
            }

            NonceHits hits = new NonceHits();
            new ScryptScalarScanner().Scan(CreateScryptWork(), nonce, 1, hits);
            return hits.Count == 1;
        }

        /// <summary>Scanner work for a scrypt job: the 76-byte prefix plus a zero nonce, and the share target.</summary>
        /// <exception cref="InvalidOperationException">For a sha256d job, whose header a device cannot rebuild from the midstate.</exception>
        public HeaderWork CreateScryptWork()
        {
            byte[] header = new byte[HeaderWork.HeaderLength];
            Array.Copy(RequireScrypt("header prefix"), header, PrefixLength);
            return new HeaderWork(Algorithms.Scrypt, header, _target);
        }
    }
}
