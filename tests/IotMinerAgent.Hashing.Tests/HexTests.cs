using System;
using CsCheck;

namespace IotMinerAgent.Hashing.Tests;

public class HexTests
{
    [Fact]
    public void Decode_reads_both_cases_in_written_order()
    {
        Assert.Equal(new byte[] { 0x00, 0x1f, 0xAB, 0xcd, 0xff }, Hex.Decode("001fABcdFF"));
        Assert.Empty(Hex.Decode(string.Empty));
    }

    [Fact]
    public void Reversed_forms_are_display_order()
    {
        Assert.Equal("0302a1", Hex.EncodeReversed(new byte[] { 0xa1, 0x02, 0x03 }));
        Assert.Equal(new byte[] { 0xa1, 0x02, 0x03 }, Hex.DecodeReversed("0302A1"));
    }

    [Fact]
    public void Encode_and_decode_agree_with_the_platform_for_random_bytes()
    {
        Gen.Byte.Array[0, 100].Sample(bytes =>
        {
            Assert.Equal(Convert.ToHexStringLower(bytes), Hex.Encode(bytes));
            Assert.Equal(bytes, Hex.Decode(Convert.ToHexString(bytes)));
            Assert.Equal(bytes, Hex.DecodeReversed(Hex.EncodeReversed(bytes)));
        }, iter: 500);
    }

    [Fact]
    public void Odd_length_is_rejected_with_the_length()
    {
        var error = Assert.Throws<ArgumentException>(() => Hex.Decode("abc"));
        Assert.Contains("odd number of characters (3)", error.Message);
    }

    [Theory]
    [InlineData("0g", 1, 'g')]
    [InlineData("00 1", 2, ' ')]
    [InlineData("zz", 0, 'z')]
    [InlineData("0011x2", 4, 'x')]
    public void Bad_character_is_rejected_naming_it_and_its_position(string text, int position, char bad)
    {
        var error = Assert.Throws<ArgumentException>(() => Hex.Decode(text));
        Assert.Contains("'" + bad + "' at position " + position, error.Message);
    }

    [Fact]
    public void Null_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Hex.Decode(null!));
        Assert.Throws<ArgumentNullException>(() => Hex.Encode(null!));
    }
}
