using System.Text;
using System.Text.Json;
using CsCheck;

namespace IotMinerAgent.Linux.Tests;

/// <summary>CsCheck generators of text from outside: any UTF-16, biased towards controls, bidi and surrogates.</summary>
public static class OutsideTextGen
{
    /// <summary>One character: anything, Latin-1 (C0 and C1 included), or one of the characters that matter most.</summary>
    public static readonly Gen<char> Char = Gen.OneOf(
        Gen.Char,
        Gen.Char['\u0000', '\u00ff'],
        Element('\u001b', '\u009b', '\u0007', '\r', '\n', '\u202e', '\u2066', '\u2069', '\ud800', '\udc00', '"', '\\', '{', '[', ',', ':'));

    /// <summary>One of <paramref name="items"/>, uniformly.</summary>
    public static Gen<T> Element<T>(params T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    /// <summary>A string of up to <paramref name="max"/> such characters.</summary>
    public static Gen<string> Text(int max) => Char.Array[0, max].Select(chars => new string(chars));

    /// <summary>A JSON string literal (quoted, escaped as a pool's JSON writer would) of outside text, or one with a raw or broken escape.</summary>
    public static Gen<string> JsonLiteral(int max) => Gen.Select(Text(max), Gen.Int[0, 9], (text, how) => how switch
    {
        0 => "\"" + text + "\"",
        1 => "\"\\ud800" + text + "\"",
        2 => "\"" + text.Replace("\"", string.Empty, System.StringComparison.Ordinal) + "\\\"",
        _ => JsonSerializer.Serialize(text),
    });

    /// <summary>Replaces the <paramref name="n"/>-th JSON string literal (counting from 0, wrapping) of <paramref name="line"/>.</summary>
    public static string ReplaceString(string line, int n, string literal)
    {
        var quotes = new System.Collections.Generic.List<int>();
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '"' && (i == 0 || line[i - 1] != '\\'))
            {
                quotes.Add(i);
            }
        }

        if (quotes.Count < 2)
        {
            return line + literal;
        }

        int pair = (int)((uint)n % (uint)(quotes.Count / 2)) * 2;
        return new StringBuilder(line).Remove(quotes[pair], quotes[pair + 1] - quotes[pair] + 1).Insert(quotes[pair], literal).ToString();
    }

    /// <summary>True when <paramref name="text"/> holds no control, DEL, C1, bidi formatting character or unpaired surrogate.</summary>
    public static bool IsSafe(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (c < 0x20 || c is >= '\u007f' and <= '\u009f' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069' || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
