using System;
using System.Collections.Generic;
using System.Text;
using IotMinerAgent.Firmware.Text;

namespace IotMinerAgent.Firmware.Tests;

/// <summary>
/// The mscorlib-only text helpers the firmware uses instead of nanoFramework.System.Text: Utf8 reads and writes bytes
/// exactly as .NET's Encoding.UTF8 does (the reference here), TextBuffer builds what StringBuilder would.
/// </summary>
public sealed class TextTests
{
    public static TheoryData<byte[]> IllFormed => new()
    {
        new byte[] { 0x80 },                         // lone continuation byte
        new byte[] { 0xC0, 0xAF },                   // overlong '/'
        new byte[] { 0xE0, 0x80, 0xAF },             // overlong, second byte below A0
        new byte[] { 0xED, 0xA0, 0x80 },             // encoded surrogate D800
        new byte[] { 0xF4, 0x90, 0x80, 0x80 },       // past U+10FFFF
        new byte[] { 0xF0, 0x9F, 0x98 },             // truncated emoji
        new byte[] { 0xE2, 0x82, 0x41 },             // cut short by 'A'
        new byte[] { 0xF5, 0xFF, 0xFE },             // never valid
        new byte[] { 0x61, 0xF0, 0x9F, 0x98, 0x80, 0x62, 0xC3 },
    };

    [Theory]
    [MemberData(nameof(IllFormed))]
    public void Utf8_replaces_ill_formed_input_as_dotnet_does(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.GetString(bytes), Utf8.GetString(bytes, 0, bytes.Length));
    }

    [Fact]
    public void Utf8_decodes_and_encodes_random_text_and_bytes_like_dotnet()
    {
        Random random = new(20260207);
        for (int round = 0; round < 3000; round++)
        {
            byte[] bytes = new byte[random.Next(0, 24)];
            random.NextBytes(bytes);
            int offset = bytes.Length == 0 ? 0 : random.Next(0, bytes.Length);
            int count = random.Next(0, bytes.Length - offset + 1);
            Assert.Equal(Encoding.UTF8.GetString(bytes, offset, count), Utf8.GetString(bytes, offset, count));

            string text = RandomText(random);
            Assert.Equal(Encoding.UTF8.GetBytes(text), Utf8.GetBytes(text));
        }
    }

    [Fact]
    public void Utf8_round_trips_every_plane()
    {
        string text = "a\u00e9\u20ac\U0001F600\U0010FFFF";

        Assert.Equal(text, Utf8.GetString(Utf8.GetBytes(text), 0, Utf8.GetBytes(text).Length));
        Assert.Equal(1 + 2 + 3 + 4 + 4, Utf8.GetBytes(text).Length);
    }

    [Fact]
    public void Utf8_refuses_a_range_outside_the_array()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Utf8.GetString(new byte[4], 2, 3));
        Assert.Throws<ArgumentNullException>(() => Utf8.GetString(null!, 0, 0));
    }

    [Fact]
    public void TextBuffer_builds_what_StringBuilder_builds_while_growing()
    {
        Random random = new(7);
        TextBuffer buffer = new(1);
        StringBuilder reference = new();
        for (int i = 0; i < 500; i++)
        {
            if (random.Next(2) == 0)
            {
                char c = (char)random.Next(32, 0x3000);
                buffer.Append(c);
                reference.Append(c);
            }
            else
            {
                string piece = new('x', random.Next(0, 40));
                buffer.Append(piece).Append((string?)null);
                reference.Append(piece);
            }
        }

        Assert.Equal(reference.ToString(), buffer.ToString());
        Assert.Equal(reference.Length, buffer.Length);
    }

    [Fact]
    public void TextBuffer_needs_room_for_one_char()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextBuffer(0));
    }

    // Mixes ASCII, 2- and 3-byte chars, valid surrogate pairs and lone surrogates (which both encoders replace).
    private static string RandomText(Random random)
    {
        List<char> chars = [];
        int length = random.Next(0, 16);
        for (int i = 0; i < length; i++)
        {
            switch (random.Next(5))
            {
                case 0: chars.Add((char)random.Next(0, 0x80)); break;
                case 1: chars.Add((char)random.Next(0x80, 0x800)); break;
                case 2: chars.Add((char)random.Next(0x800, 0xD800)); break;
                case 3: chars.Add((char)random.Next(0xD800, 0xDC00)); chars.Add((char)random.Next(0xDC00, 0xE000)); break;
                default: chars.Add((char)random.Next(0xD800, 0xE000)); break;
            }
        }

        return new string(chars.ToArray());
    }
}
