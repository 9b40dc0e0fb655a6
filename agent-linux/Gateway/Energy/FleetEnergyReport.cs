using System.Collections.Generic;
using IotMinerAgent.Linux.Energy;

namespace IotMinerAgent.Linux.Gateway.Energy;

/// <summary>The fleet's energy ledger as the API and the metrics read it.</summary>
/// <param name="Currency">The ISO 4217 code of costs and earnings (<c>energy:currency</c>); null while not set.</param>
/// <param name="Coin">What the coins are: the upstream's algorithm (the gateway cannot tell which coin a pool pays).</param>
/// <param name="Devices">One row per device and local day, newest day first.</param>
/// <param name="Total">The fleet's total per day (device ""), newest first.</param>
public sealed record FleetEnergyReport(string? Currency, string Coin, IReadOnlyList<EnergyDay> Devices, IReadOnlyList<EnergyDay> Total);
