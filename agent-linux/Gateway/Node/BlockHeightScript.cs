using System;
using System.Collections.Generic;

namespace IotMinerAgent.Linux.Gateway.Node;

/// <summary>
/// The block height as BIP 34 requires it at the start of the coinbase scriptSig: exactly what Bitcoin Core's
/// <c>CScript() &lt;&lt; nHeight</c> writes, which ContextualCheckBlock compares byte for byte. That is OP_0 for 0,
/// OP_1..OP_16 for 1..16, else a push of the minimal little-endian script number (CScriptNum), with a 0x00 byte added
/// when the top bit of the last byte is set so the number stays positive.
/// </summary>
public static class BlockHeightScript
{
    private const byte Op0 = 0x00;
    private const byte Op1 = 0x51;

    /// <summary>The script bytes that push <paramref name="height"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the height is negative.</exception>
    public static byte[] Push(long height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        if (height == 0)
        {
            return [Op0];
        }

        if (height <= 16)
        {
            return [(byte)(Op1 + height - 1)];
        }

        var number = new List<byte>(9);
        for (long rest = height; rest > 0; rest >>= 8)
        {
            number.Add((byte)rest);
        }

        if ((number[^1] & 0x80) != 0)
        {
            number.Add(0x00);
        }

        // Fewer than 0x4c bytes: the length itself is the push opcode.
        return [(byte)number.Count, .. number];
    }
}
