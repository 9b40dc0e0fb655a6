using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.Governor.Tests.Throttling;

/// <summary>One process's share of all cores over a sampling window.</summary>
internal sealed record BusyProcess(int Pid, string Name, string CommandLine, double CpuPercent)
{
    // The peers and products the test suite starts (test.sh's leak check uses the same list): when one of them is busy
    // after the main test run, the suite leaked it, and that is the suite's fault, not the machine's.
    private static readonly string[] ProjectNames =
        ["iotminer", "mosquitto", "litecoind", "postgres", "stress-ng", "chromium", "chrome", "qemu-aarch64-static"];

    // The SDK's own tools (a build or test run elsewhere on the machine) name the project too but start nothing of it.
    private static readonly string[] SdkTools =
        ["dotnet build", "dotnet test", "dotnet publish", "dotnet restore", "dotnet run", "MSBuild.dll", "/Roslyn/", "VBCSCompiler"];

    /// <summary>True for a process the project starts: a known peer, or a product or test process of the project.</summary>
    public bool IsProjects =>
        ProjectNames.Any(n => Name.StartsWith(n, StringComparison.Ordinal))
        || (CommandLine.Contains("iotminer", StringComparison.OrdinalIgnoreCase)
            && !SdkTools.Any(t => CommandLine.Contains(t, StringComparison.Ordinal)));

    public override string ToString() =>
        $"pid {Pid} {Name} {CpuPercent:F0} % ({(CommandLine.Length > 160 ? CommandLine[..160] + "…" : CommandLine)})";
}

/// <summary>
/// CPU use of every process on the machine from /proc (proc(5): utime and stime of /proc/PID/stat against the
/// "cpu" line of /proc/stat), leaving out this test process and everything it started.
/// </summary>
internal static class ProcessLoad
{
    /// <summary>
    /// The other processes' CPU use over <paramref name="window"/>, busiest first: neither this process's ancestors
    /// (the test runner) nor its descendants (what the test started) count.
    /// </summary>
    public static async Task<BusyProcess[]> SampleAsync(TimeSpan window, CancellationToken cancel = default)
    {
        (long total0, Dictionary<int, ProcStat> before) = Snapshot();
        await Task.Delay(window, cancel);
        (long total1, Dictionary<int, ProcStat> after) = Snapshot();
        long total = Math.Max(1, total1 - total0);
        int self = Environment.ProcessId;
        var busy = new List<BusyProcess>();
        foreach ((int pid, ProcStat now) in after)
        {
            // A process born during the window (or a pid reused) spent all its ticks in it.
            long used = now.Ticks - (before.TryGetValue(pid, out ProcStat then) && then.StartTime == now.StartTime ? then.Ticks : 0);
            if (used > 0 && !DescendsFrom(pid, self, after) && !DescendsFrom(self, pid, after))
            {
                busy.Add(new BusyProcess(pid, now.Name, CommandLine(pid), 100.0 * used / total));
            }
        }

        return busy.OrderByDescending(p => p.CpuPercent).ToArray();
    }

    private static bool DescendsFrom(int pid, int ancestor, Dictionary<int, ProcStat> processes)
    {
        for (int hops = 0; hops < 64; hops++)
        {
            if (pid == ancestor)
            {
                return true;
            }

            if (!processes.TryGetValue(pid, out ProcStat stat) || stat.ParentPid <= 1)
            {
                return false;
            }

            pid = stat.ParentPid;
        }

        return false;
    }

    private static (long Total, Dictionary<int, ProcStat> Processes) Snapshot()
    {
        var processes = new Dictionary<int, ProcStat>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                && ProcStat.TryRead(pid, out ProcStat stat))
            {
                processes[pid] = stat;
            }
        }

        // The first line of /proc/stat: "cpu  user nice system idle iowait irq softirq steal ...", in clock ticks.
        string[] cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long total = cpu.Skip(1).Take(8).Sum(v => long.Parse(v, CultureInfo.InvariantCulture));
        return (total, processes);
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private readonly record struct ProcStat(string Name, int ParentPid, long Ticks, long StartTime)
    {
        public static bool TryRead(int pid, out ProcStat stat)
        {
            stat = default;
            string line;
            try
            {
                line = File.ReadAllText($"/proc/{pid}/stat");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false; // the process ended between listing and reading
            }

            // "pid (comm) state ppid ... utime stime ... starttime": comm may hold spaces and parentheses, so the
            // fields are counted after the last ')'. After it: [0] state, [1] ppid, [11] utime, [12] stime, [19] starttime.
            int open = line.IndexOf('('), close = line.LastIndexOf(')');
            if (open < 0 || close < open)
            {
                return false;
            }

            string[] f = line[(close + 2)..].Split(' ');
            if (f.Length < 20)
            {
                return false;
            }

            stat = new ProcStat(
                line[(open + 1)..close],
                int.Parse(f[1], CultureInfo.InvariantCulture),
                long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture),
                long.Parse(f[19], CultureInfo.InvariantCulture));
            return true;
        }
    }
}
