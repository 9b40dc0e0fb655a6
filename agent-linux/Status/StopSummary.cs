using System;
using System.Globalization;

namespace IotMinerAgent.Linux.Status;

/// <summary>
/// The one line <c>iotminer run</c> prints when Ctrl-C or SIGTERM stops it: how long it ran, what it hashed, what
/// became of its shares and what is still waiting in the MQTT outbox (sent at the next start).
/// </summary>
public static class StopSummary
{
    /// <summary>e.g. "iotminer: stopped after 0:12:34 · 1,234,567 hashes · shares 12 accepted, 1 rejected, 0 stale, 2 pending · outbox: 3 shares to send".</summary>
    /// <param name="uptime">How long the agent ran.</param>
    /// <param name="hashes">Hashes done.</param>
    /// <param name="accepted">Shares the pool accepted.</param>
    /// <param name="rejected">Shares the pool rejected.</param>
    /// <param name="stale">Shares the pool refused as stale.</param>
    /// <param name="pending">Shares found but not answered.</param>
    /// <param name="outbox">Shares in the MQTT outbox, or null when MQTT is off.</param>
    public static string Line(TimeSpan uptime, long hashes, long accepted, long rejected, long stale, long pending, int? outbox)
    {
        string ran = string.Create(CultureInfo.InvariantCulture, $"{(long)uptime.TotalHours}:{uptime.Minutes:00}:{uptime.Seconds:00}");
        string waiting = outbox switch
        {
            null => "outbox: none (mqtt off)",
            0 => "outbox: empty",
            1 => "outbox: 1 share to send at the next start",
            int n => string.Create(CultureInfo.InvariantCulture, $"outbox: {n} shares to send at the next start"),
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"iotminer: stopped after {ran} · {hashes:N0} hashes · shares {accepted} accepted, {rejected} rejected, {stale} stale, {pending} pending · {waiting}");
    }
}
