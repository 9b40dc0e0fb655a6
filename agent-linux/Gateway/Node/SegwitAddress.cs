using System;
using System.Collections.Generic;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>
/// Decodes segwit addresses: bech32 (BIP 173) for witness version 0 and bech32m (BIP 350) for versions 1 to 16,
/// following the reference decoder of both BIPs: one case throughout, at most 90 characters, the checksum constant
/// that matches the witness version, a 2..40-byte program (20 or 32 bytes for version 0) and zero padding.
/// </summary>
internal static class SegwitAddress
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const int MaxLength = 90;
    private const int ChecksumLength = 6;
    private const uint Bech32Constant = 1;
    private const uint Bech32mConstant = 0x2bc830a3;
    private static readonly uint[] Generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

    /// <summary>
    /// Decodes <paramref name="address"/> for human-readable part <paramref name="hrp"/> into the output script:
    /// OP_0 or OP_1..OP_16 followed by a push of the witness program (BIP 141, BIP 341).
    /// </summary>
    public static bool TryDecode(string address, string hrp, out byte[] script, out string problem)
    {
        script = [];
        if (!TryDecodeBech32(address, out string foundHrp, out byte[] data, out uint checksumConstant, out problem))
        {
            return false;
        }

        if (!string.Equals(foundHrp, hrp, StringComparison.Ordinal))
        {
            problem = $"its prefix '{foundHrp}1' is not '{hrp}1'";
            return false;
        }

        if (data.Length < 1 || data[0] > 16)
        {
            problem = data.Length < 1 ? "it holds no witness version" : $"its witness version {data[0]} is above 16";
            return false;
        }

        int version = data[0];
        if ((version == 0 && checksumConstant != Bech32Constant) || (version != 0 && checksumConstant != Bech32mConstant))
        {
            problem = version == 0
                ? "a version 0 address must use the bech32 checksum (BIP 173), not bech32m"
                : $"a version {version} address must use the bech32m checksum (BIP 350), not bech32";
            return false;
        }

        if (!TryRegroup(data.AsSpan(1), out byte[] program, out problem))
        {
            return false;
        }

        if (program.Length < 2 || program.Length > 40 || (version == 0 && program.Length != 20 && program.Length != 32))
        {
            problem = version == 0
                ? $"its version 0 program is {program.Length} bytes, not 20 (P2WPKH) or 32 (P2WSH)"
                : $"its witness program is {program.Length} bytes, outside 2..40";
            return false;
        }

        script = new byte[program.Length + 2];
        script[0] = version == 0 ? (byte)0x00 : (byte)(0x50 + version);
        script[1] = (byte)program.Length;
        program.CopyTo(script, 2);
        return true;
    }

    /// <summary>True when <paramref name="address"/> is well-formed bech32 or bech32m for any prefix, which it returns.</summary>
    public static bool TryReadPrefix(string address, out string hrp) => TryDecodeBech32(address, out hrp, out _, out _, out _);

    private static bool TryDecodeBech32(string text, out string hrp, out byte[] data, out uint checksumConstant, out string problem)
    {
        hrp = string.Empty;
        data = [];
        checksumConstant = 0;
        if (text.Length > MaxLength)
        {
            problem = $"it is {text.Length} characters long, above the {MaxLength} of BIP 173";
            return false;
        }

        bool hasLower = false;
        bool hasUpper = false;
        foreach (char c in text)
        {
            if (c < 33 || c > 126)
            {
                problem = "it contains a character outside printable ASCII";
                return false;
            }

            hasLower |= char.IsAsciiLetterLower(c);
            hasUpper |= char.IsAsciiLetterUpper(c);
        }

        if (hasLower && hasUpper)
        {
            problem = "it mixes upper and lower case, which bech32 forbids";
            return false;
        }

        string lower = text.ToLowerInvariant();
        int separator = lower.LastIndexOf('1');
        if (separator < 1 || separator + 1 + ChecksumLength > lower.Length)
        {
            problem = "it has no '1' separator followed by a 6-character checksum";
            return false;
        }

        var values = new List<byte>(lower.Length - separator - 1);
        for (int i = separator + 1; i < lower.Length; i++)
        {
            int value = Charset.IndexOf(lower[i], StringComparison.Ordinal);
            if (value < 0)
            {
                problem = $"'{text[i]}' is not a bech32 character (bech32 has no 1, b, i or o after the separator)";
                return false;
            }

            values.Add((byte)value);
        }

        hrp = lower[..separator];
        checksumConstant = Polymod(hrp, values);
        if (checksumConstant != Bech32Constant && checksumConstant != Bech32mConstant)
        {
            problem = "its bech32 checksum is wrong (a typo, or a character left out)";
            return false;
        }

        data = values.GetRange(0, values.Count - ChecksumLength).ToArray();
        problem = string.Empty;
        return true;
    }

    private static uint Polymod(string hrp, List<byte> values)
    {
        uint checksum = 1;
        foreach (char c in hrp)
        {
            checksum = Step(checksum, (uint)(c >> 5));
        }

        checksum = Step(checksum, 0);
        foreach (char c in hrp)
        {
            checksum = Step(checksum, (uint)(c & 31));
        }

        foreach (byte value in values)
        {
            checksum = Step(checksum, value);
        }

        return checksum;
    }

    private static uint Step(uint checksum, uint value)
    {
        uint top = checksum >> 25;
        checksum = ((checksum & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; i++)
        {
            if (((top >> i) & 1) != 0)
            {
                checksum ^= Generator[i];
            }
        }

        return checksum;
    }

    /// <summary>5-bit groups to bytes; the leftover must be under 5 bits and zero (BIP 173 convertbits, pad = false).</summary>
    private static bool TryRegroup(ReadOnlySpan<byte> groups, out byte[] bytes, out string problem)
    {
        var result = new List<byte>(groups.Length * 5 / 8);
        int accumulator = 0;
        int bits = 0;
        foreach (byte group in groups)
        {
            accumulator = (accumulator << 5) | group;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                result.Add((byte)((accumulator >> bits) & 0xff));
            }
        }

        bytes = result.ToArray();
        if (bits >= 5 || ((accumulator << (8 - bits)) & 0xff) != 0)
        {
            problem = "its witness program has invalid padding";
            return false;
        }

        problem = string.Empty;
        return true;
    }
}
