namespace IotMinerAgent.Hashing
{
    /// <summary>A piece of work a scanner hashes; see <see cref="HeaderWork"/> and <see cref="DucoWork"/>.</summary>
    public abstract class MiningWork
    {
        /// <summary>The algorithm the work is for: one of the <see cref="Algorithms"/> names.</summary>
        public abstract string Algorithm { get; }
    }
}
