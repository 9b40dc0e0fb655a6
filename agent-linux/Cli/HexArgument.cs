using System;

namespace IotMinerAgent.Linux.Cli;

/// <summary>Reads hexadecimal command-line values, with errors that name the option and what it expects.</summary>
internal static class HexArgument
{
    /// <summary>Decodes <paramref name="value"/>; when <paramref name="expectedBytes"/> is set, the value must have exactly that many bytes.</summary>
    public static byte[] Decode(string value, string option, int? expectedBytes = null, string? what = null)
    {
        string expected = expectedBytes is int n ? $"{n * 2} hex characters ({what ?? $"{n} bytes"})" : "hex characters (0-9, a-f), two per byte";
        if (expectedBytes is int bytes && value.Length != bytes * 2)
        {
            throw new UsageException($"{option}: expected {expected}, got {value.Length} characters.");
        }

        if (value.Length % 2 != 0)
        {
            throw new UsageException($"{option}: expected {expected}, got an odd number of characters ({value.Length}).");
        }

        try
        {
            return Convert.FromHexString(value);
        }
        catch (FormatException)
        {
            throw new UsageException($"{option}: expected {expected}, got a character that is not hexadecimal.");
        }
    }

    /// <summary>Lowercase hex of <paramref name="bytes"/> in reverse order: how block explorers print hashes.</summary>
    public static string DisplayOrder(byte[] bytes)
    {
        byte[] reversed = (byte[])bytes.Clone();
        Array.Reverse(reversed);
        return Convert.ToHexStringLower(reversed);
    }
}
