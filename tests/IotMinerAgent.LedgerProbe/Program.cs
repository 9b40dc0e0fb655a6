using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Ledger;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotMinerAgent.LedgerProbe;

/// <summary>
/// Usage: <c>IotMinerAgent.LedgerProbe &lt;database&gt; &lt;device&gt; &lt;concurrency&gt;</c>. Records shares 0, 1, 2, … of
/// <c>device</c> (job id = n, nonce = n · 7), <c>concurrency</c> at a time, and prints <c>committed &lt;n&gt;</c> as
/// each RecordAsync returns, forever (until killed).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: IotMinerAgent.LedgerProbe <database> <device> <concurrency>");
            return 2;
        }

        string device = args[1];
        int concurrency = int.Parse(args[2], CultureInfo.InvariantCulture);
        await using SqliteDeviceLedger ledger = SqliteDeviceLedger.Open(args[0], NullLogger.Instance);
        Console.Out.Flush();
        int next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (true)
            {
                uint n = (uint)Interlocked.Increment(ref next);
                await ledger.RecordAsync(new LedgerShare(device, n, n * 7, DeviceVerdictCode.Accepted, 0.5, DateTimeOffset.UtcNow), CancellationToken.None);
                lock (Console.Out)
                {
                    Console.Out.WriteLine($"committed {n}");
                    Console.Out.Flush();
                }
            }
        }));
        return 0;
    }
}
