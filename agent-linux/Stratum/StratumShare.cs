using IotMinerAgent.Linux.Stratum.Session;

namespace IotMinerAgent.Linux.Stratum;

/// <summary>A nonce found on a job, with everything needed to rebuild its header and submit it.</summary>
/// <param name="Job">The job it was found on; a share whose job the pool has voided is stale.</param>
/// <param name="Extranonce2">Exactly <see cref="StratumJob.Extranonce2Size"/> bytes.</param>
/// <param name="NTime">Block time used.</param>
/// <param name="Nonce">The nonce.</param>
/// <param name="VersionBits">Rolled version bits, already masked (0 without version rolling).</param>
/// <param name="VersionMask">The BIP 310 mask it was found under; 0 without version rolling (then no version bits are submitted).</param>
public sealed record StratumShare(StratumJob Job, byte[] Extranonce2, uint NTime, uint Nonce, uint VersionBits, uint VersionMask)
{
    /// <summary>The 80-byte header this share claims, rebuilt from the job.</summary>
    public byte[] BuildHeader() => Job.BuildHeader(Extranonce2, NTime, Job.RollVersion(VersionBits, VersionMask), Nonce);
}
