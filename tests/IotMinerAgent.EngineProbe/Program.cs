using System;
using System.Globalization;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.Engines;

namespace IotMinerAgent.EngineProbe;

/// <summary>
/// Usage: <c>IotMinerAgent.EngineProbe</c> checks the engines and exits 0 when every result is exact, 1 otherwise;
/// <c>IotMinerAgent.EngineProbe speed [seconds]</c> also measures every supported sha256d engine.
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
        Console.WriteLine($"engine: {fastest.Name} (lanes {fastest.Lanes}; supported: {string.Join(", ", Names())})");
        bool exact = RealHeaderCheck.Run(fastest, HeaderVector.Load()) & ReferenceCheck.Run();
        if (args.Length > 0)
        {
            double seconds = args.Length == 2 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
            SpeedCheck.Run(TimeSpan.FromSeconds(seconds));
        }

        Console.WriteLine(exact ? "probe: every result exact" : "probe: WRONG RESULTS");
        return exact ? 0 : 1;
    }

    private static string[] Names()
    {
        var supported = EngineCatalog.Supported(Algorithms.Sha256d);
        string[] names = new string[supported.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = supported[i].Name;
        }

        return names;
    }
}
