using System;
using System.Globalization;
using System.Linq;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Engines;

namespace IotMinerAgent.EngineProbe;

/// <summary>
/// Usage: <c>IotMinerAgent.EngineProbe</c> checks every supported engine of every algorithm (sha256d, scrypt,
/// DUCO-S1) and exits 0 when every result is exact, 1 otherwise; <c>IotMinerAgent.EngineProbe speed [seconds]</c>
/// also measures every supported sha256d engine. Prints "engines ALGORITHM: name, name, ..." per algorithm (the
/// qemu script checks which engines ran) and "engine: NAME" for the sha256d engine the catalog picks.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 2 || (args.Length > 0 && args[0] != "speed"))
        {
            Console.Error.WriteLine("usage: IotMinerAgent.EngineProbe [speed [seconds per engine, default 3]]");
            return 2;
        }

        INonceScanner fastest = EngineCatalog.Fastest(Algorithms.Sha256d);
        Console.WriteLine($"engine: {fastest.Name} (lanes {fastest.Lanes})");
        var checks = new ProbeChecks();
        foreach (string algorithm in new[] { Algorithms.Sha256d, Algorithms.Scrypt, Algorithms.DucoS1 })
        {
            var supported = EngineCatalog.Supported(algorithm);
            Console.WriteLine($"engines {algorithm}: {string.Join(", ", supported.Select(engine => engine.Name))}");

            // The scalar reference always runs; without it the comparisons below would compare nothing.
            checks.Record(supported.Count > 0 && supported[^1].Name == "scalar", $"{algorithm}: the scalar engine is supported and last:");
        }

        Sha256dCheck.Run(checks);
        ScryptCheck.Run(checks);
        DucoS1Check.Run(checks);
        if (args.Length > 0)
        {
            double seconds = args.Length == 2 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
            SpeedCheck.Run(TimeSpan.FromSeconds(seconds));
        }

        checks.PrintSummary();
        Console.WriteLine(checks.AllExact ? "probe: every result exact" : "probe: WRONG RESULTS");
        return checks.AllExact ? 0 : 1;
    }
}
