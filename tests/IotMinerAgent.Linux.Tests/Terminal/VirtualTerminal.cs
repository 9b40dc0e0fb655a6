using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace IotMinerAgent.Linux.Tests.Terminal;

/// <summary>
/// The part of an ECMA-48 terminal the screen uses, to see what a person would see: printable text at the cursor,
/// CR, LF (as a tty with ONLCR turns it into CR LF), CUU/CUD (cursor up/down), EL (erase in line), SGR (ignored: no
/// layout), and DEC private modes such as cursor hide/show (ignored). Any other control sequence fails the test, so
/// a new code the screen starts to emit gets looked at. Rows are unbounded: the screen breaks long text itself.
/// </summary>
internal sealed partial class VirtualTerminal
{
    readonly List<StringBuilder> _rows = [new()];
    int _row;
    int _col;

    /// <summary>The screen's rows, trailing spaces removed, trailing empty rows dropped.</summary>
    public IReadOnlyList<string> Rows
    {
        get
        {
            List<string> rows = [.. _rows.Select(r => r.ToString().TrimEnd())];
            while (rows.Count > 0 && rows[^1].Length == 0)
            {
                rows.RemoveAt(rows.Count - 1);
            }

            return rows;
        }
    }

    public void Feed(string output)
    {
        int i = 0;
        while (i < output.Length)
        {
            char c = output[i];
            if (c == '\u001b' && i + 1 < output.Length && output[i + 1] is '=' or '>')
            {
                // DECKPAM/DECKPNM (keypad modes; .NET's console sets them on a terminal): no effect on the screen.
                i += 2;
                continue;
            }

            if (c == '\u001b')
            {
                Match m = ControlSequence().Match(output, i);
                Assert.True(m.Success && m.Index == i, $"unexpected escape sequence at {i}: {Escape(output.Substring(i, Math.Min(12, output.Length - i)))}");
                Apply(m.Groups["private"].Value, m.Groups["params"].Value, m.Groups["final"].Value[0]);
                i += m.Length;
                continue;
            }

            switch (c)
            {
                case '\r': _col = 0; break;
                case '\n': _row++; _col = 0; EnsureRow(); break;
                default:
                    Assert.False(char.IsControl(c), $"unexpected control character U+{(int)c:X4}");
                    StringBuilder row = _rows[_row];
                    if (row.Length < _col)
                    {
                        row.Append(' ', _col - row.Length);
                    }

                    if (_col < row.Length)
                    {
                        row[_col] = c;
                    }
                    else
                    {
                        row.Append(c);
                    }

                    _col++;
                    break;
            }

            i++;
        }
    }

    void Apply(string privateMarker, string parameters, char final)
    {
        if (privateMarker == "?")
        {
            Assert.True(final is 'h' or 'l', $"unexpected private mode sequence ?{parameters}{final}");
            return;
        }

        int n = parameters.Length == 0 ? 1 : int.Parse(parameters.Split(';')[0]);
        switch (final)
        {
            case 'm': break;
            case 'A': _row = Math.Max(0, _row - n); break;
            case 'B': _row += n; EnsureRow(); break;
            case 'K':
                int mode = parameters.Length == 0 ? 0 : int.Parse(parameters);
                StringBuilder row = _rows[_row];
                if (mode == 2)
                {
                    row.Clear();
                }
                else if (mode == 0 && _col < row.Length)
                {
                    row.Length = _col;
                }
                else
                {
                    Assert.Fail($"unexpected erase-in-line mode {mode}");
                }

                break;
            default: Assert.Fail($"unexpected control sequence {parameters}{final}"); break;
        }
    }

    void EnsureRow()
    {
        while (_rows.Count <= _row)
        {
            _rows.Add(new StringBuilder());
        }
    }

    public static string Escape(string text) => text.Replace("\u001b", "\\e").Replace("\r", "\\r").Replace("\n", "\\n");

    [GeneratedRegex(@"\u001b\[(?<private>\??)(?<params>[0-9;]*)(?<final>[A-Za-z])")]
    private static partial Regex ControlSequence();
}
