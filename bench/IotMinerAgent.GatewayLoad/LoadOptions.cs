using System;
using System.Globalization;

namespace IotMinerAgent.GatewayLoad;

/// <summary>
/// What to run: <c>gateway --port P [--workers W] [--instance I] [--postgres CONNECTION]</c> (the gateway under load,
/// alone in its process; bench/gateway-failover.sh runs two, instances 1 and 2, on one PostgreSQL ledger) or
/// <c>devices --port P [--devices N] [--rate R] [--seconds S]</c> (the simulated fleet, in a process of its own so
/// its CPU is not counted against the gateway). <c>--timings FILE</c> (either mode) writes each share's timestamps there
/// for <see cref="Breakdown"/>. With <c>--hashrate H</c> the devices mine like real ones (<see cref="IotMinerAgent.Linux.Tests.Gateway.Transport.HashRateMiner"/>):
/// H hashes/s each, at the difficulty of their jobs; the gateway then needs <c>--share-interval S</c> (its vardiff's aim,
/// the difficulty no longer pinned). <c>--overload-lag L</c> sets the gateway's <c>gateway:overloadLagSeconds</c>.
/// </summary>
internal sealed record LoadOptions(string Mode, int Port, int Devices, double Rate, int Seconds, int Workers, string? Timings)
{
    /// <summary>The gateway's <c>gateway:instance</c> (0..255).</summary>
    public int Instance { get; init; }

    /// <summary>A PostgreSQL connection string for the ledger (<c>gateway:ledger:postgres</c>); null: SQLite on disk.</summary>
    public string? Postgres { get; init; }

    /// <summary>Devices: the hash rate each mines at (H/s), obeying the job's difficulty; 0: a fixed share rate (<c>--rate</c>).</summary>
    public double HashRate { get; init; }

    /// <summary>Gateway: its <c>gateway:shareIntervalSeconds</c>, with the difficulty free (vardiff on); null: pinned at 1e-8.</summary>
    public string? ShareInterval { get; init; }

    /// <summary>Gateway: its <c>gateway:overloadLagSeconds</c> (0 turns the overload pace off); null: the default.</summary>
    public string? OverloadLag { get; init; }

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public static LoadOptions Parse(string[] args)
    {
        const string Usage = "usage: gateway --port P [--workers W] [--instance I] [--postgres CONNECTION] [--share-interval S] [--overload-lag L] [--timings FILE] | devices --port P [--devices N] [--rate shares/s per device | --hashrate H/s per device] [--seconds S] [--timings FILE] | breakdown DEVICES_FILE GATEWAY_FILE";
        if (args.Length == 0 || args[0] is not ("gateway" or "devices"))
        {
            throw new ArgumentException($"first argument must be gateway or devices; {Usage}");
        }

        int port = 0, devices = 1000, seconds = 60, workers = 4, instance = 0;
        string? postgres = null;
        double rate = 1, hashRate = 0;
        string? timings = null, shareInterval = null, overloadLag = null;
        for (int i = 1; i + 1 < args.Length; i += 2)
        {
            string value = args[i + 1];
            switch (args[i])
            {
                case "--port": port = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--devices": devices = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--rate": rate = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--workers": workers = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--instance": instance = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = value; break;
                case "--timings": timings = value; break;
                case "--hashrate": hashRate = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--share-interval": shareInterval = value; break;
                case "--overload-lag": overloadLag = value; break;
                default: throw new ArgumentException($"unknown argument {args[i]}; {Usage}");
            }
        }

        if (port is < 1 or > 65535 || devices < 1 || rate <= 0 || hashRate < 0 || seconds < 1 || workers < 1 || instance is < 0 or > 255)
        {
            throw new ArgumentException("need --port of a running broker (1..65535), --devices >= 1, --rate > 0, --hashrate >= 0, --seconds >= 1, --workers >= 1, --instance 0..255");
        }

        return new LoadOptions(args[0], port, devices, rate, seconds, workers, timings)
        {
            Instance = instance, Postgres = postgres, HashRate = hashRate, ShareInterval = shareInterval, OverloadLag = overloadLag,
        };
    }
}
