using System;
using System.Security.Cryptography;
using System.Text;

namespace IotMinerAgent.DuinoTestPool;

/// <summary>
/// A job the pool handed out: a random last hash and a secret random nonce in 0..100·difficulty, whose
/// sha1(ascii(last_hash) + ascii(decimal nonce)) is the expected hash, as the Duino-Coin pools build DUCO-S1 jobs.
/// </summary>
internal sealed class DuinoPoolJob
{
    private DuinoPoolJob(string user, string tier, string lastHash, byte[] expected, uint difficulty, uint secretNonce)
    {
        User = user;
        Tier = tier;
        LastHash = lastHash;
        Expected = expected;
        Difficulty = difficulty;
        SecretNonce = secretNonce;
        Issued = DateTime.UtcNow;
    }

    public string User { get; }

    public string Tier { get; }

    public string LastHash { get; }

    public byte[] Expected { get; }

    public uint Difficulty { get; }

    public uint SecretNonce { get; }

    public DateTime Issued { get; }

    public string Line => LastHash + "," + Convert.ToHexStringLower(Expected) + "," + Difficulty;

    public static DuinoPoolJob Create(string user, string tier, uint difficulty)
    {
        string lastHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        uint nonce = (uint)RandomNumberGenerator.GetInt32(0, checked((int)(100 * difficulty)) + 1);
        return new DuinoPoolJob(user, tier, lastHash, Digest(lastHash, nonce.ToString(System.Globalization.CultureInfo.InvariantCulture)), difficulty, nonce);
    }

    /// <summary>Whether the nonce text is a decimal in range whose digest is the expected one, byte for byte.</summary>
    public bool Solves(string nonceText)
    {
        if (!uint.TryParse(nonceText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out uint nonce)
            || nonce > 100UL * Difficulty)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Digest(LastHash, nonceText), Expected);
    }

    private static byte[] Digest(string lastHash, string nonceText) => SHA1.HashData(Encoding.ASCII.GetBytes(lastHash + nonceText));
}
