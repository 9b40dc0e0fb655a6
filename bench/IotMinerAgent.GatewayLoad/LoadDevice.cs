using System;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Tests.Gateway.Transport;

namespace IotMinerAgent.GatewayLoad;

/// <summary>
/// Drives one simulated device at a fixed share rate, whatever the difficulty: asks for work, then sends one share every
/// 1/rate seconds, found by hashing, asking for new work as the firmware does (<see cref="JobCursor"/>). The
/// <c>--hashrate</c> mode uses <see cref="HashRateMiner"/> instead.
/// </summary>
internal sealed class LoadDevice(SimulatedDevice device, double rate)
{
    /// <summary>The hash rate the fixed-rate devices report (H/s); with the difficulty pinned it changes nothing.</summary>
    public const double ReportedHashRate = 1000;

    readonly JobCursor _cursor = new(device, ReportedHashRate);

    public SimulatedDevice Device => device;

    /// <summary>Sends shares until <paramref name="cancellationToken"/> fires; the first after a random phase so devices do not beat in step.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromSeconds(1 / rate);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(Random.Shared.NextDouble() / rate), cancellationToken);
            using var timer = new PeriodicTimer(period);
            do
            {
                if (await _cursor.NextShareAsync() is { } share)
                {
                    await device.SendShareAsync(share);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
