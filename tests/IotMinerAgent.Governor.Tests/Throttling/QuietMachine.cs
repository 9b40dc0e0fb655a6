using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Sdk;

namespace IotMinerAgent.Governor.Tests.Throttling;

/// <summary>
/// Decides whether this machine is quiet enough for a real-load test: the CPU use of every process but this test
/// (and what it started) stays under the idle threshold the governor itself uses.
/// </summary>
internal static class QuietMachine
{
    /// <summary>The governor's default idle threshold (ProcStatIdleSettings.IdleCpuPercent): below it the device is idle.</summary>
    public const double QuietPercent = 10;

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Waits, at most <paramref name="timeout"/>, for two quiet windows in a row. Returns null once quiet, else the
    /// busiest processes of the last window; fails at once when one of them is the project's own (a leaked peer).
    /// </summary>
    public static async Task<BusyProcess[]?> WaitAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        int quietWindows = 0;
        BusyProcess[] last = [];
        while (clock.Elapsed < timeout)
        {
            last = await ProcessLoad.SampleAsync(Window);
            quietWindows = Total(last) < QuietPercent ? quietWindows + 1 : 0;
            if (quietWindows == 2)
            {
                return null;
            }
        }

        FailIfProjects(last);
        return last;
    }

    /// <summary>Sum of the processes' CPU use, in percent of all cores.</summary>
    public static double Total(IEnumerable<BusyProcess> processes) => processes.Sum(p => p.CpuPercent);

    /// <summary>A busy process of the project's own is the suite's fault: fail naming it.</summary>
    public static void FailIfProjects(IEnumerable<BusyProcess> busy)
    {
        BusyProcess[] own = busy.Where(p => p.IsProjects && p.CpuPercent >= 1).ToArray();
        if (own.Length > 0)
        {
            throw new XunitException(
                $"a process the tests started is still busy: {string.Join("; ", own.Select(p => p.ToString()))}. " +
                "A test leaked it: find the test that starts it and make it stop the process.");
        }
    }

    /// <summary>The three busiest, for a message.</summary>
    public static string Describe(IEnumerable<BusyProcess> busy) =>
        $"{Total(busy):F0} % in all; busiest: {string.Join("; ", busy.Take(3).Select(p => p.ToString()))}";
}

/// <summary>Samples the other processes' load in the background for as long as an attempt runs.</summary>
internal sealed class LoadWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public LoadWatch() => _sampling = Task.Run(SampleAsync);

    /// <summary>The busiest window seen so far (empty when none was busy).</summary>
    public BusyProcess[] Busiest { get; private set; } = [];

    /// <summary>True when some window had other processes above the quiet threshold.</summary>
    public bool WasDisturbed => QuietMachine.Total(Busiest) >= QuietMachine.QuietPercent;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        try
        {
            while (true)
            {
                BusyProcess[] window = await ProcessLoad.SampleAsync(TimeSpan.FromMilliseconds(500), _stop.Token);
                if (QuietMachine.Total(window) > QuietMachine.Total(Busiest))
                {
                    Busiest = window;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the attempt ended
        }
    }
}
