using System;
using System.Collections.Generic;

namespace IotMinerAgent.Linux.Energy;

/// <summary>The energy ledger as readers (status, API) see it.</summary>
public interface IEnergyLedgerSource
{
    /// <summary>The last <paramref name="days"/> local days with a row, newest first; today's row includes what is not written yet.</summary>
    IReadOnlyList<EnergyDay> RecentDays(int days);

    /// <summary>The local date the ledger counts today's row in.</summary>
    DateOnly Today();

    /// <summary>Every kept day summed, from memory (never the disk): what <c>/metrics</c> shows at each scrape.</summary>
    EnergyTotal Total();
}
