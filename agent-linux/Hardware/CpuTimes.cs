using System;
using System.Globalization;

namespace IotMinerAgent.Linux.Hardware;

/// <summary>
/// CPU time counters in clock ticks (USER_HZ), parsed from procfs (proc(5)). Both files count in the same unit, so
/// the process's own time can be subtracted from the system's.
/// </summary>
internal static class CpuTimes
{
    /// <summary>
    /// From the aggregate "cpu" line of /proc/stat (all cores summed): time spent running anything, and all time.
    /// Busy = user + nice + system + irq + softirq (guest time is already inside user and nice). Idle and iowait
    /// count only as capacity; steal is time the hypervisor gave to other machines, so it is neither.
    /// </summary>
    public static bool TryParseSystem(string procStat, out long busy, out long total)
    {
        busy = 0;
        total = 0;
        int lineEnd = procStat.IndexOf('\n', StringComparison.Ordinal);
        string line = lineEnd < 0 ? procStat : procStat[..lineEnd];
        string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 8 || fields[0] != "cpu")
        {
            return false;
        }

        long[] values = new long[7];
        for (int i = 0; i < values.Length; i++)
        {
            if (!long.TryParse(fields[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                return false;
            }
        }

        // user nice system idle iowait irq softirq
        busy = values[0] + values[1] + values[2] + values[5] + values[6];
        total = busy + values[3] + values[4];
        return true;
    }

    /// <summary>
    /// utime + stime (fields 14 and 15) of /proc/[pid]/stat: every thread of the process, including exited ones.
    /// Fields are counted after the last ')' because the command name (field 2) may itself contain spaces and ')'.
    /// </summary>
    public static bool TryParseProcess(string pidStat, out long used)
    {
        used = 0;
        int nameEnd = pidStat.LastIndexOf(')');
        if (nameEnd < 0)
        {
            return false;
        }

        // After ")" comes field 3 (state); utime is field 14, i.e. the 12th value after the name.
        string[] fields = pidStat[(nameEnd + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length <= 12 ||
            !long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out long utime) ||
            !long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out long stime))
        {
            return false;
        }

        used = utime + stime;
        return true;
    }
}
