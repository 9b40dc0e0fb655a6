using System;

namespace IotMinerAgent.EngineProbe;

/// <summary>
/// Counts the probe's checks and prints one line per check, ending in "ok" or "WRONG". The closing line,
/// "probe: N checks exact, N wrong", is what tests/scripts/arm64-qemu.sh counts (deliberately not the
/// "name: N passed, N failed" form test.sh sums, so the script's own total is the only one counted).
/// </summary>
internal sealed class ProbeChecks
{
    public int Exact { get; private set; }

    public int Wrong { get; private set; }

    public bool AllExact => Wrong == 0 && Exact > 0;

    public bool Record(bool ok, string description)
    {
        if (ok)
        {
            Exact++;
        }
        else
        {
            Wrong++;
        }

        Console.WriteLine($"{description} {(ok ? "ok" : "WRONG")}");
        return ok;
    }

    public void PrintSummary() => Console.WriteLine($"probe: {Exact} checks exact, {Wrong} wrong");
}
