using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// The portable DUCO-S1 scanner, one nonce at a time: the reference every DUCO-S1 engine must equal, and the
    /// scanner the ESP32 firmware runs. A hit is a nonce n with sha1(ascii(lastHash) + ascii(decimal n)) == expected.
    /// Per nonce it only increments the decimal digits in place and runs the rounds the digits reach.
    /// </summary>
    public sealed class DucoS1ScalarScanner : INonceScanner
    {
        /// <inheritdoc />
        public string Name
        {
            get { return "scalar"; }
        }

        /// <inheritdoc />
        public string Algorithm
        {
            get { return Algorithms.DucoS1; }
        }

        /// <inheritdoc />
        public int Lanes
        {
            get { return 1; }
        }

        /// <inheritdoc />
        public void Scan(MiningWork work, uint firstNonce, ulong count, NonceHits hits)
        {
            DucoWork duco = DucoS1.RequireWork(work);
            NonceRange.Check(firstNonce, count);
            if (hits == null)
            {
                throw new ArgumentNullException(nameof(hits));
            }

            if (count == 0)
            {
                return;
            }

            uint[] expected = DucoS1.ExpectedState(duco);
            DucoS1Message message = new DucoS1Message(duco.LastHash);
            message.Seek(firstNonce);
            uint nonce = firstNonce;
            for (ulong done = 1; ; done++)
            {
                if (message.DigestEquals(expected))
                {
                    hits.Add(nonce);
                }

                if (done == count)
                {
                    return;
                }

                message.Increment();
                nonce++;
            }
        }
    }
}
