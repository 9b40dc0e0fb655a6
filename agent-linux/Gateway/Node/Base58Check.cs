using System;
using System.Numerics;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>
/// Base58check, the encoding of legacy (P2PKH, P2SH) addresses (Bitcoin Core src/base58.cpp): base 58 over the alphabet
/// without 0, O, I and l, one leading '1' per leading zero byte, and a 4-byte checksum, the first bytes of SHA-256d of
/// the payload.
/// </summary>
internal static class Base58Check
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private const int ChecksumLength = 4;

    /// <summary>Decodes <paramref name="text"/> into its payload (version byte and data) and checks the checksum.</summary>
    public static bool TryDecode(string text, out byte[] payload, out string problem)
    {
        payload = [];
        BigInteger value = BigInteger.Zero;
        int leadingZeros = 0;
        bool inLeadingOnes = true;
        foreach (char c in text)
        {
            int digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                problem = $"'{c}' is not a base58 character (base58 has no 0, O, I or l)";
                return false;
            }

            if (inLeadingOnes && digit == 0)
            {
                leadingZeros++;
            }
            else
            {
                inLeadingOnes = false;
            }

            value = (value * 58) + digit;
        }

        byte[] significant = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] decoded = new byte[leadingZeros + significant.Length];
        significant.CopyTo(decoded, leadingZeros);
        if (decoded.Length <= ChecksumLength)
        {
            problem = "it is too short to hold a base58check checksum";
            return false;
        }

        byte[] body = decoded[..^ChecksumLength];
        byte[] expected = DoubleSha256.Hash(body);
        if (!decoded.AsSpan(body.Length).SequenceEqual(expected.AsSpan(0, ChecksumLength)))
        {
            problem = "its base58check checksum is wrong (a typo, or a character left out)";
            return false;
        }

        payload = body;
        problem = string.Empty;
        return true;
    }
}
