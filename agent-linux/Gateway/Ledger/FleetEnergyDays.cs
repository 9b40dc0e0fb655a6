using System;
using System.Globalization;

namespace IotMinerAgent.Linux.Gateway.Ledger;

/// <summary>How the energy rows store a local day: <c>yyyy-MM-dd</c> text, which sorts as the dates do (as the agent's ledger).</summary>
internal static class FleetEnergyDays
{
    private const string Format = "yyyy-MM-dd";

    /// <summary>The day as stored.</summary>
    public static string Text(DateOnly day) => day.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>A stored day.</summary>
    public static DateOnly Parse(string text) => DateOnly.ParseExact(text, Format, CultureInfo.InvariantCulture);
}
