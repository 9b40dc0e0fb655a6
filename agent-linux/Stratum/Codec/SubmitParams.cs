using System;

namespace IotMinerAgent.Linux.Stratum.Codec;

/// <summary>
/// The params of <c>mining.submit</c>: <c>[user, job_id, extranonce2, ntime, nonce]</c> plus, when BIP 310 version
/// rolling was negotiated, <c>version_bits</c>.
/// </summary>
/// <param name="User">The authorized worker name.</param>
/// <param name="JobId">The job the share was found on.</param>
/// <param name="Extranonce2">Exactly extranonce2_size bytes, sent as that many hex byte pairs.</param>
/// <param name="NTime">Block time used, sent as 8 hex digits.</param>
/// <param name="Nonce">Nonce found, sent as 8 hex digits (the header stores it little-endian).</param>
/// <param name="VersionBits">Rolled version bits (already masked), or null without version rolling.</param>
public sealed record SubmitParams(string User, string JobId, byte[] Extranonce2, uint NTime, uint Nonce, uint? VersionBits)
{
    /// <summary>The params as the strings that go on the wire, in order.</summary>
    public string[] ToWire()
    {
        string extranonce2 = Convert.ToHexStringLower(Extranonce2);
        string ntime = HexField.Word(NTime);
        string nonce = HexField.Word(Nonce);
        return VersionBits is { } bits
            ? new[] { User, JobId, extranonce2, ntime, nonce, HexField.Word(bits) }
            : new[] { User, JobId, extranonce2, ntime, nonce };
    }
}
