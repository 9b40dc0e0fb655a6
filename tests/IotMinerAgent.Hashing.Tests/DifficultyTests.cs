using System;
using System.Globalization;
using System.Numerics;
using CsCheck;

namespace IotMinerAgent.Hashing.Tests;

public class DifficultyTests
{
    /// <summary>A 256-bit hash with 0..255 leading zero bits: share difficulties from about 2^-32 to 2^224.</summary>
    private static readonly Gen<BigInteger> AnyHashValue =
        Gen.Select(Gen.Byte.Array[32], Gen.Int[0, 255], (bytes, zeros) =>
            new BigInteger(bytes, isUnsigned: true) >> zeros);

    /// <summary>Doubles spread evenly in log scale over 1e-6 .. 1e12, the difficulties pools and networks use.</summary>
    private static readonly Gen<double> AnyDifficulty = Gen.Double[-6, 12].Select(exponent => Math.Pow(10, exponent));

    private static Difficulty Of(double value)
    {
        return Difficulty.Parse(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>The exact rational value m · 2^e as a numerator and a power-of-two denominator.</summary>
    private static (BigInteger Numerator, BigInteger Denominator) Exact(Difficulty d)
    {
        return d.Exponent >= 0
            ? (new BigInteger(d.Mantissa) << d.Exponent, BigInteger.One)
            : (new BigInteger(d.Mantissa), BigInteger.One << -d.Exponent);
    }

    private static byte[] HashBytes(BigInteger value)
    {
        byte[] hash = new byte[32];
        value.TryWriteBytes(hash, out _, isUnsigned: true, isBigEndian: false);
        return hash;
    }

    [Fact]
    public void OfHash_matches_diff1_over_hash_within_1e9_relative()
    {
        AnyHashValue.Where(h => !h.IsZero).Sample(value =>
        {
            Difficulty d = Difficulty.OfHash(HashBytes(value));
            Reference.AssertClose(Reference.Ratio(Reference.Diff1, value), d.ToDouble());

            // Truncation: m·2^e never exceeds the true quotient and is within one unit of the last place.
            (BigInteger n, BigInteger den) = Exact(d);
            Assert.True(n * value <= Reference.Diff1 * den);
            BigInteger unitInLastPlace = d.Exponent >= 0 ? BigInteger.One << d.Exponent : BigInteger.One;
            Assert.True((n + unitInLastPlace) * value > Reference.Diff1 * den);
            Assert.True(d.Mantissa >= 1UL << 63);
        }, iter: 1000);
    }

    [Fact]
    public void OfHash_of_a_zero_hash_is_diff1_the_defined_maximum()
    {
        Difficulty zero = Difficulty.OfHash(new byte[32]);
        byte[] one = new byte[32];
        one[0] = 1;

        Assert.Equal(0, zero.CompareTo(Difficulty.OfHash(one)));
        Reference.AssertClose((double)Reference.Diff1, zero.ToDouble());
        Assert.True(zero.IsAtLeast(Difficulty.OfHash(HashBytes(2))));
    }

    [Fact]
    public void OfHash_needs_32_bytes()
    {
        var error = Assert.Throws<ArgumentException>(() => Difficulty.OfHash(new byte[31]));
        Assert.Contains("32 bytes", error.Message);
    }

    [Fact]
    public void FromDifficulty_is_exactly_floor_of_diff1_over_the_difficulty()
    {
        AnyDifficulty.Sample(value =>
        {
            Difficulty d = Of(value);
            (BigInteger n, BigInteger den) = Exact(d);
            BigInteger expected = BigInteger.Min(Reference.Diff1 * den / n, Reference.AllOnes);

            Target target = Target.FromDifficulty(d);

            Assert.Equal(expected, Reference.FromTarget(target));
            Reference.AssertClose((double)Reference.Diff1 / value, (double)Reference.FromTarget(target));
        }, iter: 1000);
    }

    [Theory]
    [InlineData("1", "00000000ffff0000000000000000000000000000000000000000000000000000")]
    [InlineData("2", "000000007fff8000000000000000000000000000000000000000000000000000")]
    [InlineData("65536", "000000000000ffff000000000000000000000000000000000000000000000000")]
    [InlineData("0.0000152587890625", "0000ffff00000000000000000000000000000000000000000000000000000000")]
    [InlineData("1e-10", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void FromDifficulty_known_targets_and_the_clamp_for_tiny_difficulties(string difficulty, string displayHex)
    {
        Assert.Equal(displayHex, Target.FromDifficulty(Difficulty.Parse(difficulty)).ToHex());
    }

    [Fact]
    public void FromDifficulty_clamps_exactly_where_the_quotient_leaves_256_bits()
    {
        // diff1 / 2^-32 = 0xFFFF·2^240 fits; halving the difficulty again would need 257 bits.
        Difficulty fits = Difficulty.Parse("0.00000000023283064365386962890625");
        Difficulty tooSmall = Difficulty.Parse("0.000000000116415321826934814453125");

        Assert.Equal(new BigInteger(0xFFFF) << 240, Reference.FromTarget(Target.FromDifficulty(fits)));
        Assert.Equal(Target.Max, Target.FromDifficulty(tooSmall));
    }

    [Fact]
    public void Pool_difficulty_for_scrypt_uses_a_65536_times_larger_diff1()
    {
        AnyDifficulty.Sample(value =>
        {
            Difficulty d = Of(value);
            (BigInteger n, BigInteger den) = Exact(d);
            BigInteger expected = BigInteger.Min((Reference.Diff1 << 16) * den / n, Reference.AllOnes);

            Assert.Equal(expected, Reference.FromTarget(Target.FromPoolDifficulty(d, Algorithms.Scrypt)));
            Assert.Equal(Target.FromDifficulty(d), Target.FromPoolDifficulty(d, Algorithms.Sha256d));
        }, iter: 300);

        Assert.Equal("0000ffff00000000000000000000000000000000000000000000000000000000", Target.FromPoolDifficulty(Difficulty.FromInteger(1), Algorithms.Scrypt).ToHex());
    }

    [Fact]
    public void Pool_difficulty_is_refused_for_algorithms_without_targets_and_for_zero()
    {
        var error = Assert.Throws<ArgumentException>(() => Target.FromPoolDifficulty(Difficulty.FromInteger(1), Algorithms.DucoS1));
        Assert.Contains("'duco-s1'", error.Message);
        Assert.Throws<ArgumentException>(() => Target.FromDifficulty(default));
    }

    [Fact]
    public void OfTarget_and_FromDifficulty_are_near_inverses()
    {
        AnyDifficulty.Sample(value =>
        {
            Difficulty d = Of(value);
            Reference.AssertClose(d.ToDouble(), Difficulty.OfTarget(Target.FromDifficulty(d)).ToDouble());
        }, iter: 300);

        // Targets with at least 40 significant bits, so the floor costs less than 1e-9.
        TargetTests.AnyNonZeroTarget.Where(t => t.GetBitLength() >= 40).Sample(value =>
        {
            Target t = Reference.ToTarget(value);
            Target back = Target.FromDifficulty(Difficulty.OfTarget(t));
            Reference.AssertClose((double)value, (double)Reference.FromTarget(back));
        }, iter: 500);
    }

    [Fact]
    public void OfTarget_of_the_difficulty_1_target_is_1()
    {
        Difficulty one = Difficulty.OfTarget(Target.Parse("00000000ffff0000000000000000000000000000000000000000000000000000"));
        Assert.Equal(0, one.CompareTo(Difficulty.FromInteger(1)));
        Assert.Equal(1.0, one.ToDouble());
    }

    [Fact]
    public void Parse_of_random_decimals_agrees_with_double_parse()
    {
        string[] formatNames = { "R", "E3", "E16", "F0", "F4", "F9", "G6" };
        var formats = Gen.Int[0, formatNames.Length - 1].Select(i => formatNames[i]);
        Gen.Select(AnyDifficulty, formats).Sample((value, format) =>
        {
            string text = value.ToString(format, CultureInfo.InvariantCulture);
            double expected = double.Parse(text, CultureInfo.InvariantCulture);
            if (expected == 0)
            {
                Assert.Throws<FormatException>(() => Difficulty.Parse(text));
                return;
            }

            Reference.AssertClose(expected, Difficulty.Parse(text).ToDouble(), 1e-15);
        }, iter: 2000);
    }

    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("0.001", 0.001)]
    [InlineData("683.5", 683.5)]
    [InlineData("1e-3", 0.001)]
    [InlineData("16384", 16384.0)]
    [InlineData(" +2.5E+4 ", 25000.0)]
    [InlineData(".5", 0.5)]
    [InlineData("7.", 7.0)]
    [InlineData("000123.4500", 123.45)]
    public void Parse_reads_the_forms_pools_send(string text, double expected)
    {
        Assert.Equal(expected, Difficulty.Parse(text).ToDouble());
    }

    [Fact]
    public void Equal_values_parse_to_equal_difficulties_whatever_their_spelling()
    {
        Assert.Equal(Difficulty.Parse("0.001"), Difficulty.Parse("1e-3"));
        Assert.Equal(Difficulty.Parse("1000E-6"), Difficulty.Parse("0.001000"));
        Assert.Equal(Difficulty.FromInteger(16384), Difficulty.Parse("16384"));
        Assert.Equal(Difficulty.FromInteger(16384), Difficulty.Parse("1.6384e4"));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("abc", "has 'a' where a digit")]
    [InlineData("-1", "negative")]
    [InlineData("0", "zero")]
    [InlineData("0.000e5", "zero")]
    [InlineData(".", "no digits")]
    [InlineData("1e", "exponent without digits")]
    [InlineData("1e+", "exponent without digits")]
    [InlineData("1.2.3", "has '.' where a digit")]
    [InlineData("12x", "has 'x' where a digit")]
    [InlineData("1e4x", "'x' in its exponent")]
    [InlineData("1e61", "out of range")]
    [InlineData("1e-61", "out of range")]
    [InlineData("1e99999999999", "out of range")]
    [InlineData("12345678901234567890123456789012345678901", "more than 40 significant digits")]
    public void Parse_rejects_bad_text_saying_what_is_wrong(string text, string problem)
    {
        var error = Assert.Throws<FormatException>(() => Difficulty.Parse(text));
        Assert.Contains(problem, error.Message);
        Assert.False(Difficulty.TryParse(text, out Difficulty d));
        Assert.False(d.IsPositive);
    }

    [Fact]
    public void Parse_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => Difficulty.Parse(null!));
        Assert.False(Difficulty.TryParse(null!, out _));
    }

    [Fact]
    public void FromInteger_is_exact_and_refuses_zero()
    {
        Gen.ULong[1, ulong.MaxValue].Sample(value =>
        {
            Difficulty d = Difficulty.FromInteger(value);
            (BigInteger n, BigInteger den) = Exact(d);
            Assert.Equal(new BigInteger(value), n / den);
            Assert.Equal(BigInteger.Zero, n % den);
        }, iter: 500);
        Assert.Throws<ArgumentOutOfRangeException>(() => Difficulty.FromInteger(0));
    }

    [Fact]
    public void Comparisons_follow_the_values()
    {
        Gen.Select(AnyDifficulty, AnyDifficulty).Sample((a, b) =>
        {
            Difficulty da = Of(a), db = Of(b);
            Assert.Equal(a.CompareTo(b), Math.Sign(da.CompareTo(db)));
            Assert.Equal(a >= b, da.IsAtLeast(db));
            Assert.Equal(a == b, da.Equals(db));
        }, iter: 1000);

        Assert.True(Difficulty.FromInteger(1).IsAtLeast(default));
        Assert.False(default(Difficulty).IsAtLeast(Difficulty.FromInteger(1)));
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("683.5", "683.5")]
    [InlineData("0.001", "0.001")]
    [InlineData("16384", "16384")]
    [InlineData("1e12", "1000000000000")]
    [InlineData("0.00001", "0.00001")]
    [InlineData("0.000001", "1e-6")]
    [InlineData("1e15", "1e+15")]
    [InlineData("123456789012345", "123456789012000")]
    [InlineData("2.5e-7", "2.5e-7")]
    [InlineData("0.12345678901251", "0.123456789013")]
    [InlineData("0.12345678901249", "0.123456789012")]
    [InlineData("999999999999.6", "1000000000000")]
    public void ToString_prints_12_significant_digits_invariantly(string text, string expected)
    {
        Assert.Equal(expected, Difficulty.Parse(text).ToString());
    }

    [Fact]
    public void ToString_round_trips_through_double_parse_to_12_digits()
    {
        AnyHashValue.Where(h => !h.IsZero).Sample(value =>
        {
            Difficulty d = Difficulty.OfHash(HashBytes(value));
            Reference.AssertClose(d.ToDouble(), double.Parse(d.ToString(), CultureInfo.InvariantCulture), 5e-12);
        }, iter: 500);

        // diff1 = 0xFFFF·2^208 = 26959535291011309493156476344723991336010898738574164086137773096960.
        Assert.Equal("2.6959535291e+67", Difficulty.OfHash(new byte[32]).ToString());
        Assert.Equal("0", default(Difficulty).ToString());
    }
}
