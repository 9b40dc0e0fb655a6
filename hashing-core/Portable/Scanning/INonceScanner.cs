namespace IotMinerAgent.Hashing
{
    /// <summary>
    /// The one entry point every hashing engine implements and every product calls: scan a nonce range of a piece
    /// of work and report every nonce whose hash meets the work's target.
    /// </summary>
    public interface INonceScanner
    {
        /// <summary>The engine's name, e.g. <c>scalar</c>, <c>avx512</c>, <c>arm-sha2</c>.</summary>
        string Name { get; }

        /// <summary>The algorithm it hashes: one of the <see cref="Algorithms"/> names.</summary>
        string Algorithm { get; }

        /// <summary>How many nonces it hashes side by side (1 for scalar code).</summary>
        int Lanes { get; }

        /// <summary>
        /// Hashes nonces <paramref name="firstNonce"/> .. <paramref name="firstNonce"/> + <paramref name="count"/> - 1
        /// of <paramref name="work"/> and appends to <paramref name="hits"/>, in ascending order, every nonce that meets the target.
        /// The range never passes 2^32 (see <see cref="NonceRange.Check"/>).
        /// </summary>
        void Scan(MiningWork work, uint firstNonce, ulong count, NonceHits hits);
    }
}
