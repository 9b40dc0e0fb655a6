using System;
using System.Globalization;
using System.Threading;
using IotMinerAgent.Hashing;
using Microsoft.Extensions.Logging;

namespace IotMinerAgent.Linux.Mining;

/// <summary>
/// Logs accepted shares without flooding the terminal or the journal: while shares are rare (at most one in the
/// previous interval) the first accepted share of an interval gets its own line at once; the others, and all of them
/// when shares come faster, are counted into one summary at the end of the interval with the best difficulty among
/// them ("12 shares accepted in the last 10 s, best difficulty 0.16"), or the share's own line when it is the only
/// one left. Every share is in exactly one line. Only
/// accepted shares are summarised: every other verdict is logged one by one by its caller.
/// </summary>
public sealed class ShareSummary : IDisposable
{
    /// <summary>The summary interval the agent uses.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private long _count;
    private long _shown;
    private double _bestUnshown;
    private FoundShare? _lastUnshown;
    private bool _previousWasQuiet = true;
    private DateTimeOffset _windowStart;

    /// <summary>Starts the interval timer on <paramref name="clock"/>.</summary>
    public ShareSummary(ILogger logger, TimeProvider clock, TimeSpan interval)
    {
        _logger = logger;
        _clock = clock;
        _windowStart = clock.GetUtcNow();
        _timer = clock.CreateTimer(_ => Flush(), null, interval, interval);
    }

    /// <summary>Counts an accepted share; logs it alone when shares are rare.</summary>
    public void Accepted(FoundShare share)
    {
        lock (_lock)
        {
            _count++;
            if (_count > 1 || !_previousWasQuiet)
            {
                _bestUnshown = Math.Max(_bestUnshown, share.Difficulty);
                _lastUnshown = share;
                return;
            }

            _shown++;
        }

        LogAlone(share);
    }

    /// <summary>Stops the timer and logs what the current (partial) interval holds that was not shown yet.</summary>
    public void Dispose()
    {
        _timer.Dispose();
        Flush();
    }

    private void Flush()
    {
        long count;
        bool alsoShownAlone;
        double best;
        FoundShare? single;
        TimeSpan window;
        lock (_lock)
        {
            DateTimeOffset now = _clock.GetUtcNow();
            (count, alsoShownAlone, best, window, _windowStart) = (_count - _shown, _shown > 0, _bestUnshown, now - _windowStart, now);
            _previousWasQuiet = _count <= 1;
            single = _lastUnshown;
            (_count, _shown, _bestUnshown, _lastUnshown) = (0, 0, 0, null);
        }

        if (count == 0)
        {
            return;
        }

        // Each share is counted in exactly one line (alone or in a summary), so the lines add up to the total.
        if (count == 1)
        {
            LogAlone(single!);
            return;
        }

        double seconds = Math.Max(1, Math.Round(window.TotalSeconds));
        if (alsoShownAlone)
        {
            _logger.LogInformation("{Count} more shares accepted in the last {Seconds} s, best difficulty {BestDifficulty:G4}", count, seconds, best);
        }
        else
        {
            _logger.LogInformation("{Count} shares accepted in the last {Seconds} s, best difficulty {BestDifficulty:G4}", count, seconds, best);
        }
    }

    private void LogAlone(FoundShare share) =>
        _logger.LogInformation("Share {ShareId} accepted: job {JobId} nonce {Nonce} difficulty {Difficulty:G4}",
            share.Id, UntrustedText.Escape(share.Job.JobId, 200), share.Nonce.ToString("x8", CultureInfo.InvariantCulture), share.Difficulty);
}
