using System;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace IotMinerAgent.Linux.Terminal;

/// <summary>
/// Log lines for a person at a terminal, written above the live status line: time, level, message (and the
/// exception below it), e.g. <c>14:03:07 warn  Share 0193… rejected: low difficulty share (job 1f nonce 0083dce3)</c>.
/// The logger category is left out on screen; under systemd or with output redirected the console logger keeps it.
/// </summary>
public sealed class TerminalLoggerProvider(TerminalScreen screen, TimeProvider clock) : ILoggerProvider
{
    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new TerminalLogger(screen, clock);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class TerminalLogger(TerminalScreen screen, TimeProvider clock) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = new Paragraph();
            line.Append(clock.GetLocalNow().ToString("HH:mm:ss ", CultureInfo.InvariantCulture), new Style(decoration: Decoration.Dim));
            line.Append(Label(logLevel), LevelStyle(logLevel));
            line.Append(" " + formatter(state, exception));
            if (exception is not null)
            {
                line.Append(Environment.NewLine + exception);
            }

            screen.WriteLine(line);
        }

        // The console logger's four-letter labels, padded to one width so messages line up.
        private static string Label(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };

        private static Style LevelStyle(LogLevel level) => level switch
        {
            LogLevel.Information => new Style(Color.Green),
            LogLevel.Warning => new Style(Color.Yellow),
            LogLevel.Error or LogLevel.Critical => new Style(Color.Red, decoration: Decoration.Bold),
            _ => new Style(decoration: Decoration.Dim),
        };
    }
}
