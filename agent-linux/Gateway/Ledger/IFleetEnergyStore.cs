using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Gateway.Ledger;

/// <summary>
/// The fleet's energy ledger inside the gateway ledger (table <c>ledger_energy</c>): one row per device, local day
/// and gateway instance, replaced in place (the caller writes each at most once a clock hour, for SD-card wear).
/// </summary>
public interface IFleetEnergyStore
{
    /// <summary>Inserts or replaces <paramref name="rows"/> (key: device, day, instance) in one transaction.</summary>
    Task WriteEnergyAsync(IReadOnlyList<FleetEnergyRow> rows, CancellationToken cancellationToken);

    /// <summary>Every instance's rows from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    Task<IReadOnlyList<FleetEnergyRow>> ReadEnergyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>Deletes the rows of days before <paramref name="oldestKept"/>; returns how many went.</summary>
    Task<int> PruneEnergyAsync(DateOnly oldestKept, CancellationToken cancellationToken);
}
