using System;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;

namespace IotMinerAgent.Hashing.Tests;

public class UntrustedTextTests
{
    /// <summary>What a hostile pool sends (issue 20): clear screen, OSC 52 clipboard write, 8-bit CSI, a CR overwrite, RLO.</summary>
    public static readonly string[] Attacks =
    [
        "\u001b[2J",
        "\u001b]52;c;ZWNobyBwd25lZA==\u0007",
        "\u009b2J",
        "\rAccepted share 999",
        "\u202eevil",
    ];

    // The reference, written independently of the implementation: which UTF-16 units a terminal or viewer acts on.
    private static bool Dangerous(char c) =>
        c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
        || c is '\u200E' or '\u200F' or '\u061C' or '\u2028' or '\u2029';

    private static string Expected(char c) => c < 0x100 ? $"\\x{(int)c:x2}" : $"\\u{(int)c:x4}";

    [Fact]
    public void Every_C0_control_DEL_and_C1_control_becomes_a_visible_x_escape()
    {
        for (int code = 0; code <= 0x9F; code++)
        {
            if (code is >= 0x20 and < 0x7F)
            {
                continue;
            }

            string escaped = UntrustedText.Escape("a" + (char)code + "b", 100);
            Assert.Equal("a\\x" + code.ToString("x2", CultureInfo.InvariantCulture) + "b", escaped);
        }
    }

    [Theory]
    [InlineData('\u202A')]
    [InlineData('\u202B')]
    [InlineData('\u202C')]
    [InlineData('\u202D')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2067')]
    [InlineData('\u2068')]
    [InlineData('\u2069')]
    [InlineData('\u200E')]
    [InlineData('\u200F')]
    [InlineData('\u061C')]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    public void Bidi_formatting_characters_and_line_separators_become_u_escapes(char c)
    {
        Assert.Equal("x" + Expected(c) + "y", UntrustedText.Escape("x" + c + "y", 100));
        Assert.True(UntrustedText.IsUnsafe(c));
    }

    [Fact]
    public void The_issue_attacks_come_out_escaped_and_readable()
    {
        Assert.Equal("\\x1b[2J", UntrustedText.Escape(Attacks[0], 100));
        Assert.Equal("\\x1b]52;c;ZWNobyBwd25lZA==\\x07", UntrustedText.Escape(Attacks[1], 100));
        Assert.Equal("\\x9b2J", UntrustedText.Escape(Attacks[2], 100));
        Assert.Equal("\\x0dAccepted share 999", UntrustedText.Escape(Attacks[3], 100));
        Assert.Equal("\\u202eevil", UntrustedText.Escape(Attacks[4], 100));
    }

    [Fact]
    public void Printable_text_of_any_script_is_returned_as_is_without_copying()
    {
        string text = "Welcome to the pool — 欢迎 — Добро пожаловать — مرحبا \\x1b is literal";
        Assert.Same(text, UntrustedText.Escape(text, 200));
        Assert.Equal(string.Empty, UntrustedText.Escape(null, 10));
        Assert.Equal(string.Empty, UntrustedText.Escape(string.Empty, 10));
    }

    [Fact]
    public void Surrogate_pairs_stay_intact_and_unpaired_surrogates_are_escaped()
    {
        string emoji = "ok \U0001F600 \U00010348";
        Assert.Same(emoji, UntrustedText.Escape(emoji, 100));
        Assert.Equal("a\\ud800b", UntrustedText.Escape("a\ud800b", 100));
        Assert.Equal("a\\udc00b", UntrustedText.Escape("a\udc00b", 100));
        Assert.Equal("\\udc00\\ud800", UntrustedText.Escape("\udc00\ud800", 100));
        Assert.Equal("\\ud800", UntrustedText.Escape("\ud800", 100));
    }

    [Fact]
    public void A_cut_ends_with_the_mark_within_the_bound_and_never_splits_an_escape_or_a_pair()
    {
        Assert.Equal("abcdefg...", UntrustedText.Escape("abcdefghijklmnop", 10));
        Assert.Equal("abcdefghij", UntrustedText.Escape("abcdefghij", 10));

        // "abcde" + \x1b would need 9 characters before the mark: the escape is left out whole.
        Assert.Equal("abcde...", UntrustedText.Escape("abcde\u001bfghijk", 10));

        // A pair that does not fit before the mark is dropped whole, not split.
        string cut = UntrustedText.Escape("abcdef\U0001F600ghijkl", 10);
        Assert.Equal("abcdef...", cut);

        Assert.Equal("...", UntrustedText.Escape("abcd", 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => UntrustedText.Escape("x", 2));
    }

    [Fact]
    public void A_megabyte_of_controls_is_read_only_as_far_as_the_bound()
    {
        string flood = new('\u001b', 1 << 20);
        long before = GC.GetAllocatedBytesForCurrentThread();
        string escaped = UntrustedText.Escape(flood, 200);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // 49 whole escapes of 4 characters and the mark: the 50th would not leave room for the mark.
        Assert.Equal(string.Concat(Enumerable.Repeat("\\x1b", 49)) + UntrustedText.TruncationMark, escaped);
        Assert.EndsWith(UntrustedText.TruncationMark, escaped);
        Assert.True(allocated < 4096, $"allocated {allocated} bytes for a 200-character result");
    }

    [Fact]
    public void Ascii_mode_escapes_everything_outside_printable_ascii()
    {
        Assert.Equal("caf\\xe9 \\ud83d\\ude00 \\x1b[2J", UntrustedText.EscapeToAscii("café \U0001F600 \u001b[2J", 100));
        Assert.Equal("plain", UntrustedText.EscapeToAscii("plain", 64));
    }

    [Fact]
    public void Printable_ascii_check_bounds_length_and_characters()
    {
        Assert.True(UntrustedText.IsPrintableAscii("job-1 a~", 128));
        Assert.False(UntrustedText.IsPrintableAscii(string.Empty, 128));
        Assert.False(UntrustedText.IsPrintableAscii(null, 128));
        Assert.False(UntrustedText.IsPrintableAscii(new string('a', 129), 128));
        Assert.False(UntrustedText.IsPrintableAscii("j\u001b", 128));
        Assert.False(UntrustedText.IsPrintableAscii("j\u00e9", 128));
        Assert.False(UntrustedText.IsPrintableAscii("j\u007f", 128));
    }

    private static readonly char[] Special = ['\u202e', '\u2066', '\u2069', '\ud83d', '\ude00', '\u001b', '\u009b', '\r', '\\', 'a'];

    /// <summary>Any UTF-16 text at all, biased towards the characters that matter.</summary>
    private static readonly Gen<string> AnyText =
        Gen.OneOf(
            Gen.Char,
            Gen.Char['\u0000', '\u00ff'],
            Gen.Int[0, Special.Length - 1].Select(i => Special[i]))
        .Array[0, 120].Select(chars => new string(chars));

    [Fact]
    public void For_any_text_the_result_is_bounded_safe_idempotent_and_a_faithful_prefix()
    {
        Gen.Select(AnyText, Gen.Int[3, 150]).Sample((text, bound) =>
        {
            string escaped = UntrustedText.Escape(text, bound);
            Assert.True(escaped.Length <= bound);
            AssertNoDangerousUnits(escaped);
            Assert.Equal(escaped, UntrustedText.Escape(escaped, bound));

            // Decoding the escapes gives back the input, or a prefix of it when the mark says it was cut.
            string full = Reference(text);
            bool cut = full.Length > bound;
            Assert.Equal(cut ? full[..(escaped.Length - UntrustedText.TruncationMark.Length)] : full, cut ? escaped[..^UntrustedText.TruncationMark.Length] : escaped);

            string ascii = UntrustedText.EscapeToAscii(text, bound);
            Assert.True(ascii.Length <= bound);
            Assert.All(ascii, c => Assert.InRange(c, ' ', '~'));
        }, iter: 20_000);
    }

    // The expected escaping of the whole text, char by char, with pairs kept.
    private static string Reference(string text)
    {
        var result = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(c).Append(text[++i]);
            }
            else
            {
                result.Append(Dangerous(c) || char.IsSurrogate(c) ? Expected(c) : c.ToString());
            }
        }

        return result.ToString();
    }

    /// <summary>Fails when <paramref name="text"/> holds a control, a bidi formatting character or an unpaired surrogate.</summary>
    private static void AssertNoDangerousUnits(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            Assert.False(Dangerous(c), $"raw U+{(int)c:X4} at {i} in \"{text}\"");
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else
            {
                Assert.False(char.IsSurrogate(c), $"unpaired U+{(int)c:X4} at {i}");
            }
        }

        Assert.DoesNotContain(Attacks, text.Contains);
    }
}
