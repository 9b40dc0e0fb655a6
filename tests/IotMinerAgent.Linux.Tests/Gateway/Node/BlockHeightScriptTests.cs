using System;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Gateway.Node;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

public sealed class BlockHeightScriptTests
{
    /// <summary>
    /// Bitcoin Core's <c>CScript() &lt;&lt; height</c>: OP_0, OP_1..OP_16 (0x51..0x60), else a push of the little-endian
    /// script number, one byte longer when the top byte's bit 7 is set (0x80 would read as a sign).
    /// </summary>
    [Theory]
    [InlineData(0, "00")]
    [InlineData(1, "51")]
    [InlineData(16, "60")]
    [InlineData(17, "0111")]
    [InlineData(127, "017f")]
    [InlineData(128, "028000")]
    [InlineData(255, "02ff00")]
    [InlineData(256, "020001")]
    [InlineData(32767, "02ff7f")]
    [InlineData(32768, "03008000")]
    [InlineData(65535, "03ffff00")]
    [InlineData(65536, "03000001")]
    [InlineData(8388607, "03ffff7f")]
    [InlineData(8388608, "0400008000")]
    [InlineData(840000, "0340d10c")]
    public void Encodes_the_height_as_bitcoin_core_pushes_it(long height, string script)
    {
        Assert.Equal(script, Hex.Encode(BlockHeightScript.Push(height)));
    }

    [Fact]
    public void Refuses_a_negative_height()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockHeightScript.Push(-1));
    }
}
