using System.Runtime.InteropServices;

namespace IotMinerAgent.Linux.Platform;

/// <summary>
/// Puts the calling thread at the lowest CPU priority Linux offers, so the device's own work always comes first:
/// nice 19 (setpriority(2) on the thread id) and the SCHED_IDLE policy (sched(7): runs only when nothing else wants
/// the CPU). Both are allowed for unprivileged threads lowering their own priority.
/// </summary>
public static partial class LowPriority
{
    private const int PrioProcess = 0;
    private const int SchedIdle = 5;
    private const int LowestNice = 19;

    /// <summary>Applies nice 19 and SCHED_IDLE to the current thread; returns what could not be applied, or null.</summary>
    public static string? ApplyToCurrentThread()
    {
        int tid = GetTid();
        string? problem = null;
        if (SetPriority(PrioProcess, tid, LowestNice) != 0)
        {
            problem = $"nice {LowestNice} (errno {Marshal.GetLastPInvokeError()})";
        }

        var param = new SchedParam { Priority = 0 };
        if (SchedSetScheduler(tid, SchedIdle, ref param) != 0)
        {
            problem = (problem is null ? string.Empty : problem + ", ") + $"SCHED_IDLE (errno {Marshal.GetLastPInvokeError()})";
        }

        return problem;
    }

    /// <summary>The current thread's nice value, as the kernel reports it.</summary>
    public static int CurrentThreadNice() => GetPriority(PrioProcess, GetTid());

    /// <summary>The current thread's scheduling policy (5 = SCHED_IDLE).</summary>
    public static int CurrentThreadPolicy() => SchedGetScheduler(GetTid());

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetTid();

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static partial int GetPriority(int which, int who);

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SchedSetScheduler(int pid, int policy, ref SchedParam param);

    [LibraryImport("libc", EntryPoint = "sched_getscheduler", SetLastError = true)]
    private static partial int SchedGetScheduler(int pid);

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }
}
