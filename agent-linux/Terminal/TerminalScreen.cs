using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting.Systemd;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IotMinerAgent.Linux.Terminal;

/// <summary>
/// The screen of <c>iotminer run</c> on a terminal: one live status line at the bottom (a Spectre.Console live
/// display) and log lines scrolling above it. Every write goes through one gate, so a log line and a status update
/// never interleave: Spectre's live display moves the cursor back to the start of the status line, the log line
/// replaces it, and the status line is drawn again below. Not interactive (output redirected, a systemd service, a
/// terminal without ANSI support), nothing is drawn here: the logs are the plain structured lines.
/// </summary>
public sealed class TerminalScreen
{
    private readonly IAnsiConsole _console;
    // One writer at a time (a semaphore, not a lock: the end of the live display releases it on another thread).
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LiveDisplayContext? _live;

    /// <summary>A screen on <paramref name="console"/>; the live line is drawn only when <paramref name="isInteractive"/>.</summary>
    public TerminalScreen(IAnsiConsole console, bool isInteractive)
    {
        _console = console;
        IsInteractive = isInteractive;
    }

    /// <summary>True when a live status line is drawn (and log lines go through <see cref="WriteLine"/>).</summary>
    public bool IsInteractive { get; }

    /// <summary>Columns of the terminal: the live line is cut to fit in one row.</summary>
    public int Width => _console.Profile.Width;

    /// <summary>True while the live status line is on screen.</summary>
    public bool IsLive => Volatile.Read(ref _live) is not null;

    /// <summary>
    /// The real terminal: standard output, interactive when it is a terminal that understands ANSI control codes and
    /// the agent is not a systemd service. Colour follows <c>NO_COLOR</c> (https://no-color.org: set and not empty).
    /// </summary>
    public static TerminalScreen FromConsole()
        => Create(Console.Out, !Console.IsOutputRedirected && !SystemdHelpers.IsSystemdService(), AnsiSupport.Detect, NoColorRequested());

    /// <summary>
    /// A screen on <paramref name="output"/>: interactive when <paramref name="isTerminal"/> and the console has ANSI
    /// support (<paramref name="ansi"/>: detect it from <c>TERM</c>, or say), without colour when <paramref name="noColor"/>.
    /// </summary>
    public static TerminalScreen Create(TextWriter output, bool isTerminal, AnsiSupport ansi, bool noColor)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? ansi : AnsiSupport.No,
            ColorSystem = noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(output),
        });
        return new TerminalScreen(console, isTerminal && console.Profile.Capabilities.Ansi);
    }

    /// <summary>True when the <c>NO_COLOR</c> environment variable is set to a non-empty value.</summary>
    public static bool NoColorRequested() => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>
    /// Shows the live line while <paramref name="work"/> runs (it calls <see cref="ShowStatus"/>), then removes it, so
    /// whatever is printed after the agent stops starts on a clean line.
    /// </summary>
    public Task ShowWhileAsync(Func<Task> work)
    {
        if (!IsInteractive)
        {
            return work();
        }

        return ShowLiveWhileAsync(work);
    }

    private async Task ShowLiveWhileAsync(Func<Task> work)
    {
        bool heldForFinish = false;
        try
        {
            await _console.Live(new Spectre.Console.Text(string.Empty))
                .AutoClear(true)
                .Overflow(VerticalOverflow.Crop)
                .StartAsync(async context =>
                {
                    Exclusive(() => _live = context);
                    try
                    {
                        await work().ConfigureAwait(false);
                    }
                    finally
                    {
                        // Held until the display has removed the line: Spectre takes its display lock, then the console's,
                        // to finish; a log line takes them the other way round, so none may be written meanwhile.
                        _gate.Wait();
                        heldForFinish = true;
                        _live = null;
                    }
                }).ConfigureAwait(false);
        }
        finally
        {
            if (heldForFinish)
            {
                _gate.Release();
            }
        }
    }

    /// <summary>Replaces the live status line (no-op when it is not shown).</summary>
    public void ShowStatus(string line) => Exclusive(() => _live?.UpdateTarget(new Spectre.Console.Text(Fit(line))));

    /// <summary>Writes one log entry above the live line (or as a plain line when there is none).</summary>
    public void WriteLine(IRenderable entry)
        => Exclusive(() => _console.Write(new ErasedLine(ControlCode.Create(_console.Profile.Capabilities, w => w.EraseInLine(2)), entry)));

    private void Exclusive(Action action)
    {
        _gate.Wait();
        try
        {
            action();
        }
        finally
        {
            _gate.Release();
        }
    }

    // One screen row: a status line wider than the terminal would wrap and push the screen up on every redraw.
    private string Fit(string line)
    {
        int width = Math.Max(10, Width - 1);
        return line.Length <= width ? line : string.Concat(line.AsSpan(0, width - 1), "…");
    }

    /// <summary>
    /// A log entry on a line of its own. The live display puts the cursor at the start of the status line: the line
    /// is erased first (ECMA-48 EL, erase entire line), or the tail of a longer status line would stay after a
    /// shorter log line.
    /// </summary>
    private sealed class ErasedLine(IRenderable erase, IRenderable entry) : Renderable
    {
        protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
        {
            foreach (Segment segment in erase.Render(options, maxWidth))
            {
                yield return segment;
            }

            foreach (Segment segment in entry.Render(options, maxWidth))
            {
                yield return segment;
            }

            yield return Segment.LineBreak;
        }
    }
}
