using System;
using System.Collections.Generic;
using System.Globalization;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Status;

namespace IotMinerAgent.Linux.Status;

/// <summary>The figures of the agent's status line.</summary>
/// <param name="HashesPerSecond">Recent hash rate of all workers.</param>
/// <param name="Celsius">CPU temperature, when a sensor is readable.</param>
/// <param name="DutyPercent">The governor's duty cycle, when it throttles.</param>
/// <param name="Accepted">Shares the pool accepted.</param>
/// <param name="Rejected">Shares the pool rejected (shown only when there are some).</param>
/// <param name="Pool">The pool URL in use, or null when mining demo work (shown as "demo — not earning").</param>
/// <param name="Algorithm">The algorithm, shown with <paramref name="Tier"/> only (the pool's URL names the rest).</param>
/// <param name="Tier">The pool's difficulty tier (Duino-Coin), or null for a pool without tiers.</param>
public sealed record ServiceStatusFigures(double HashesPerSecond, double? Celsius, int? DutyPercent, long Accepted, long Rejected, string? Pool,
    string? Algorithm = null, string? Tier = null);

/// <summary>
/// Formats the agent's one-line status, e.g. <c>12.3 MH/s · 57.2 °C · duty 80 % · 120 accepted · pool host:3333</c>.
/// </summary>
public static class ServiceStatusLine
{
    private const string Separator = " · ";

    /// <summary>The status line for <paramref name="figures"/>.</summary>
    public static string Format(ServiceStatusFigures figures)
    {
        var parts = new List<string> { HashRate.Format(figures.HashesPerSecond) };
        if (figures.Celsius is double celsius)
        {
            parts.Add(celsius.ToString("0.0", CultureInfo.InvariantCulture) + " °C");
        }

        if (figures.DutyPercent is int duty)
        {
            parts.Add($"duty {duty.ToString(CultureInfo.InvariantCulture)} %");
        }

        parts.Add($"{figures.Accepted.ToString(CultureInfo.InvariantCulture)} accepted");
        if (figures.Rejected > 0)
        {
            parts.Add($"{figures.Rejected.ToString(CultureInfo.InvariantCulture)} rejected");
        }

        parts.Add(figures.Pool is null ? "pool " + DemoWorkSource.Label : "pool " + PoolAddress(figures.Pool));
        if (figures.Tier is not null)
        {
            parts.Add($"{figures.Algorithm} tier {figures.Tier}");
        }

        return OneLine(string.Join(Separator, parts));
    }

    /// <summary>
    /// The pool's host and port only: a URL may carry <c>user:password@</c>, and the status line is readable by
    /// every user of the machine (systemctl status), so credentials never reach it.
    /// </summary>
    public static string PoolAddress(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && uri.Host.Length > 0)
        {
            return uri.IsDefaultPort || uri.Port < 0 ? uri.Host : $"{uri.Host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
        }

        int at = url.LastIndexOf('@');
        return at >= 0 ? url[(at + 1)..] : url;
    }

    /// <summary>Replaces line breaks: sd_notify(3) separates assignments by newline, so STATUS= must be one line.</summary>
    public static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
