using System;
using System.Collections.Generic;
using System.Globalization;

namespace IotMinerAgent.Linux.Service;

/// <summary>The figures of the agent's status line.</summary>
/// <param name="HashesPerSecond">Recent hash rate of all workers.</param>
/// <param name="Celsius">CPU temperature, when a sensor is readable.</param>
/// <param name="DutyPercent">The governor's duty cycle, when it throttles.</param>
/// <param name="Accepted">Shares the pool accepted.</param>
/// <param name="Rejected">Shares the pool rejected (shown only when there are some).</param>
/// <param name="Pool">The pool URL in use, or null when mining demo work.</param>
public sealed record ServiceStatusFigures(double HashesPerSecond, double? Celsius, int? DutyPercent, long Accepted, long Rejected, string? Pool);

/// <summary>
/// Formats the agent's one-line status, e.g. <c>12.3 MH/s · 57.2 °C · duty 80 % · 120 accepted · pool host:3333</c>.
/// </summary>
public static class ServiceStatusLine
{
    private const string Separator = " · ";
    private static readonly string[] RateUnits = ["H/s", "kH/s", "MH/s", "GH/s", "TH/s"];

    /// <summary>The status line for <paramref name="figures"/>.</summary>
    public static string Format(ServiceStatusFigures figures)
    {
        var parts = new List<string> { Rate(figures.HashesPerSecond) };
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

        parts.Add(figures.Pool is null ? "demo work" : "pool " + PoolAddress(figures.Pool));
        return OneLine(string.Join(Separator, parts));
    }

    /// <summary>A hash rate with a decimal SI prefix and one decimal, e.g. <c>12.3 MH/s</c>.</summary>
    public static string Rate(double hashesPerSecond)
    {
        double value = Math.Max(0, hashesPerSecond);
        int unit = 0;
        while (value >= 1000 && unit < RateUnits.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return value.ToString("0.0", CultureInfo.InvariantCulture) + " " + RateUnits[unit];
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
