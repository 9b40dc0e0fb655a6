using System;
using System.Numerics;
using CsCheck;

namespace IotMinerAgent.Hashing.Tests;

public class TargetTests
{
    /// <summary>A random target of 1..256 significant bits, so every compact size gets exercised.</summary>
    internal static readonly Gen<BigInteger> AnyNonZeroTarget =
        Gen.Select(Gen.UInt.Array[8], Gen.Int[1, 256], (words, bits) =>
            (Reference.FromWords(words) & ((BigInteger.One << bits) - 1)) | (BigInteger.One << (bits - 1)));

    // Cases from Bitcoin Core's arith_uint256 tests (SetCompact/GetCompact) and real headers' nBits.
    [Theory]
    [InlineData(0x1d00ffffu, "00000000ffff0000000000000000000000000000000000000000000000000000")]
    [InlineData(0x1705ae3au, "00000000000000000005ae3a0000000000000000000000000000000000000000")]
    [InlineData(0x207fffffu, "7fffff0000000000000000000000000000000000000000000000000000000000")]
    [InlineData(0x01123456u, "0000000000000000000000000000000000000000000000000000000000000012")]
    [InlineData(0x02123456u, "0000000000000000000000000000000000000000000000000000000000001234")]
    [InlineData(0x03123456u, "0000000000000000000000000000000000000000000000000000000000123456")]
    [InlineData(0x04123456u, "0000000000000000000000000000000000000000000000000000000012345600")]
    [InlineData(0x05009234u, "0000000000000000000000000000000000000000000000000000000092340000")]
    [InlineData(0x20123456u, "1234560000000000000000000000000000000000000000000000000000000000")]
    [InlineData(0x2100ffffu, "ffff000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(0x220000ffu, "ff00000000000000000000000000000000000000000000000000000000000000")]
    public void FromCompact_expands_like_bitcoin_core(uint nBits, string displayHex)
    {
        Target target = Target.FromCompact(nBits);

        Assert.Equal(displayHex, target.ToHex());
        Assert.Equal(Reference.Compact(nBits), Reference.FromTarget(target));
    }

    [Theory]
    [InlineData(0x01123456u, 0x01120000u)]
    [InlineData(0x02123456u, 0x02123400u)]
    [InlineData(0x1d00ffffu, 0x1d00ffffu)]
    [InlineData(0x05009234u, 0x05009234u)]
    [InlineData(0x220000ffu, 0x2100ff00u)]
    public void ToCompact_follows_bitcoin_core_getcompact(uint nBits, uint expected)
    {
        Assert.Equal(expected, Target.FromCompact(nBits).ToCompact());
    }

    [Fact]
    public void Max_compacts_with_the_sign_bit_moved_out()
    {
        Assert.Equal(Reference.AllOnes, Reference.FromTarget(Target.Max));
        Assert.Equal(0x2100ffffu, Target.Max.ToCompact());
    }

    [Theory]
    [InlineData(0x04923456u, "sign bit")]
    [InlineData(0x01fedcbau, "sign bit")]
    [InlineData(0xff123456u, "overflows 256 bits")]
    [InlineData(0x23000001u, "overflows 256 bits")]
    [InlineData(0x22000100u, "overflows 256 bits")]
    [InlineData(0x21010000u, "overflows 256 bits")]
    [InlineData(0x00000000u, "is zero")]
    [InlineData(0x01003456u, "is zero")]
    [InlineData(0x03000000u, "is zero")]
    [InlineData(0x01803456u, "is zero")]
    public void FromCompact_rejects_negative_overflowing_and_zero_targets_saying_which(uint nBits, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => Target.FromCompact(nBits));
        Assert.Contains(problem, error.Message);
        Assert.Contains("0x" + nBits.ToString("X8"), error.Message);
    }

    [Fact]
    public void Compact_round_trips_normalize_random_targets()
    {
        AnyNonZeroTarget.Sample(value =>
        {
            uint compact = Reference.ToTarget(value).ToCompact();
            BigInteger normalized = Reference.FromTarget(Target.FromCompact(compact));

            // Normalizing keeps the top 24 bits of the 3 most significant bytes: never larger, never by a full unit there.
            int size = (int)(compact >> 24);
            BigInteger unit = size > 3 ? BigInteger.One << (8 * (size - 3)) : BigInteger.One;
            Assert.True(normalized <= value && value - normalized < unit);
            Assert.Equal(compact, Target.FromCompact(compact).ToCompact());
        }, iter: 1000);
    }

    [Fact]
    public void ToCompact_of_FromCompact_is_the_identity_on_normalized_nbits()
    {
        // Normalized = what GetCompact writes: a nonzero leading mantissa byte with the sign bit clear, or, when the
        // value's top byte has bit 7 set, that byte moved down (mantissa 0x008000..0x00ffff, size one larger).
        var leadingByteSet = Gen.Select(Gen.UInt[4, 32], Gen.UInt[0x010000, 0x7FFFFF], (size, m) => (size << 24) | m);
        var signByteMovedDown = Gen.Select(Gen.UInt[4, 33], Gen.UInt[0x008000, 0x00FFFF], (size, m) => (size << 24) | m);
        Gen.OneOf(leadingByteSet, signByteMovedDown).Sample(nBits =>
            Assert.Equal(nBits, Target.FromCompact(nBits).ToCompact()), iter: 1000);
    }

    [Fact]
    public void FromCompact_accepts_exactly_the_positive_in_range_nbits_and_normalizes_them()
    {
        Gen.Select(Gen.UInt[0, 40], Gen.UInt[0, 0xFFFFFF], (size, rest) => (size << 24) | rest).Sample(nBits =>
        {
            BigInteger value = Reference.Compact(nBits);
            bool negative = value != 0 && (nBits & 0x00800000) != 0;
            bool valid = value != 0 && !negative && value <= Reference.AllOnes;
            if (!valid)
            {
                Assert.Throws<ArgumentException>(() => Target.FromCompact(nBits));
                return;
            }

            Target target = Target.FromCompact(nBits);
            Assert.Equal(value, Reference.FromTarget(target));
            uint normalized = target.ToCompact();
            Assert.Equal(target, Target.FromCompact(normalized));
            Assert.Equal(normalized, Target.FromCompact(normalized).ToCompact());
        }, iter: 3000);
    }

    [Fact]
    public void Parse_and_ToHex_are_display_order_and_inverse()
    {
        AnyNonZeroTarget.Sample(value =>
        {
            string hex = value.ToString("x64")[^64..];
            Target target = Target.Parse(hex.ToUpperInvariant());
            Assert.Equal(value, Reference.FromTarget(target));
            Assert.Equal(hex, target.ToHex());
        }, iter: 300);
    }

    [Theory]
    [InlineData("00", "64 hex digits")]
    [InlineData("00000000ffff000000000000000000000000000000000000000000000000000", "not 63")]
    [InlineData("00000000ffff0000000000000000000000000000000000000000000000000q00", "'q' at position 61")]
    public void Parse_rejects_bad_text_clearly(string text, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => Target.Parse(text));
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void CompareTo_and_Equals_follow_the_integer_values()
    {
        Gen.Select(AnyNonZeroTarget, AnyNonZeroTarget).Sample((a, b) =>
        {
            Target ta = Reference.ToTarget(a), tb = Reference.ToTarget(b);
            Assert.Equal(a.CompareTo(b), Math.Sign(ta.CompareTo(tb)));
            Assert.Equal(a == b, ta.Equals(tb));
            Assert.True(ta.Equals(Reference.ToTarget(a)));
            Assert.Equal(ta.GetHashCode(), Reference.ToTarget(a).GetHashCode());
        }, iter: 500);
    }
}
