using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Terminal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;

namespace IotMinerAgent.Linux.Tests.Terminal;

/// <summary>
/// The screen of <c>iotminer run</c> written into memory and replayed on a <see cref="VirtualTerminal"/>: log lines
/// from several threads interleaved with status updates leave whole log lines above one whole status line; NO_COLOR
/// leaves no colour codes; output that is not a terminal gets no control codes at all.
/// </summary>
public sealed partial class TerminalScreenTests
{
    // 14:03:07 local time on the fake clock, whatever the machine's zone: only the message part is compared.
    readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-07T03:00:00Z"));

    [Fact]
    public async Task Log_lines_from_many_threads_between_status_updates_never_break_the_status_line()
    {
        var output = new StringWriter();
        TerminalScreen screen = TerminalScreen.Create(output, isTerminal: true, AnsiSupport.Yes, noColor: false);
        Assert.True(screen.IsInteractive);
        ILogger logger = new TerminalLoggerProvider(screen, _clock).CreateLogger("test");
        string last = string.Empty;
        string snapshot = string.Empty;

        await screen.ShowWhileAsync(async () =>
        {
            // Status lines of different lengths, so a shorter log line over a longer status line would leave its tail.
            Task status = Task.Run(() =>
            {
                for (int i = 0; i < 200; i++)
                {
                    last = $"mining · {i}.5 MH/s · duty {i % 100} % · {i * 7} accepted" + (i % 2 == 0 ? " · pool pool.example.org:3333" : "");
                    screen.ShowStatus(last);
                }
            });
            Task[] loggers = [.. Enumerable.Range(0, 3).Select(t => Task.Run(() =>
            {
                for (int i = 0; i < 100; i++)
                {
                    logger.LogInformation("t{Thread} line {Index}", t, i);
                }
            }))];
            await Task.WhenAll([status, .. loggers]);
            screen.ShowStatus(last);
            snapshot = output.ToString();
        });

        var terminal = new VirtualTerminal();
        terminal.Feed(snapshot);
        IReadOnlyList<string> rows = terminal.Rows;

        // 300 log rows in the order each thread wrote them, then the last status, and nothing else.
        Assert.Equal(301, rows.Count);
        Assert.Equal(last, rows[^1]);
        List<Match> logRows = [.. rows.SkipLast(1).Select(r => LogRow().Match(r))];
        Assert.All(logRows.Zip(rows), p => Assert.True(p.First.Success, $"a broken log row: '{p.Second}'"));
        for (int t = 0; t < 3; t++)
        {
            Assert.Equal(Enumerable.Range(0, 100), logRows.Where(m => m.Groups["thread"].Value == $"{t}").Select(m => int.Parse(m.Groups["index"].Value)));
        }

        // When the display ends the status line is removed, so the stop summary starts on a clean line.
        terminal.Feed(output.ToString()[snapshot.Length..]);
        Assert.Equal(300, terminal.Rows.Count);
        Assert.False(screen.IsLive);
    }

    [Fact]
    public async Task A_status_line_wider_than_the_terminal_is_cut_to_one_row_and_a_wrapped_log_line_stays_whole_above_it()
    {
        var output = new StringWriter();
        TerminalScreen screen = TerminalScreen.Create(output, isTerminal: true, AnsiSupport.Yes, noColor: false);
        ILogger logger = new TerminalLoggerProvider(screen, _clock).CreateLogger("test");
        string longStatus = "throttled: no temperature reading, fixed duty 25 % · " + string.Join(" · ", Enumerable.Repeat("12.3 MH/s", 20));
        string longLog = string.Join(" ", Enumerable.Range(0, 40).Select(i => $"word{i}"));
        string snapshot = string.Empty;

        await screen.ShowWhileAsync(() =>
        {
            screen.ShowStatus(longStatus);
            logger.LogWarning("{Text}", longLog);
            screen.ShowStatus(longStatus);
            snapshot = output.ToString();
            return Task.CompletedTask;
        });

        var terminal = new VirtualTerminal();
        terminal.Feed(snapshot);
        string status = terminal.Rows[^1];
        Assert.True(status.Length < screen.Width, $"the status row is {status.Length} wide on a {screen.Width}-column terminal");
        Assert.EndsWith("…", status);
        Assert.StartsWith("throttled: no temperature reading", status);
        string logText = string.Join(" ", terminal.Rows.SkipLast(1));
        Assert.Matches(@"^\d\d:\d\d:\d\d warn " + longLog + "$", logText);
    }

    [Fact]
    public async Task With_NO_COLOR_the_screen_has_cursor_codes_but_no_colour_codes()
    {
        var output = new StringWriter();
        TerminalScreen screen = TerminalScreen.Create(output, isTerminal: true, AnsiSupport.Yes, noColor: true);
        await DrawAsync(screen);

        string text = output.ToString();
        Assert.Contains("\u001b[2K", text);
        Assert.Empty(ColourCodes(text));

        // The same screen with colour on does colour the level, so the check above can see colour.
        var coloured = new StringWriter();
        await DrawAsync(TerminalScreen.Create(coloured, isTerminal: true, AnsiSupport.Yes, noColor: false));
        Assert.NotEmpty(ColourCodes(coloured.ToString()));
    }

    [Fact]
    public async Task When_output_is_not_a_terminal_nothing_is_drawn_and_no_control_code_is_written()
    {
        var output = new StringWriter();
        TerminalScreen screen = TerminalScreen.Create(output, isTerminal: false, AnsiSupport.Detect, noColor: false);
        Assert.False(screen.IsInteractive);
        await DrawAsync(screen);
        Assert.DoesNotContain('\u001b', output.ToString());
    }

    async Task DrawAsync(TerminalScreen screen)
    {
        ILogger logger = new TerminalLoggerProvider(screen, _clock).CreateLogger("test");
        await screen.ShowWhileAsync(() =>
        {
            screen.ShowStatus("mining · 1.0 MH/s · 1 thread · 3 accepted · pool demo — not earning");
            if (screen.IsInteractive)
            {
                logger.LogInformation("12 shares accepted in the last 10 s, best difficulty 0.16");
                logger.LogWarning("Share x rejected: low difficulty share");
                logger.LogError("the pool went away");
            }

            return Task.CompletedTask;
        });
    }

    // SGR sequences whose parameters set a colour: 30–39 and 40–49 (foreground, background, incl. 38/48 extended),
    // 90–97 and 100–107 (bright) — ECMA-48 8.3.117 and the aixterm extension. Bold, dim and reset are not colour.
    static List<string> ColourCodes(string text) =>
        [.. Sgr().Matches(text).Select(m => m.Groups[1].Value)
            .Where(p => p.Split(';').Any(x => int.TryParse(x, out int n) && n is (>= 30 and <= 49) or (>= 90 and <= 107)))];

    [GeneratedRegex(@"\u001b\[([0-9;]*)m")]
    private static partial Regex Sgr();

    [GeneratedRegex(@"^\d\d:\d\d:\d\d info t(?<thread>\d) line (?<index>\d+)$")]
    private static partial Regex LogRow();
}
