// Model of the nanoFramework.Runtime.Native package, assembly nanoFramework.Runtime.Native
// (https://github.com/nanoframework/nanoFramework.Runtime.Native, tag v1.7.11; Baselines/nanoFramework.Runtime.Native.1.7.11.txt):
// the garbage collector call that reports the free heap, the reboot and the image's target name firmware/Nano uses.
namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static uint Run(bool compactHeap) => throw null;
    }

    public enum RebootOption
    {
        NormalReboot = 0,
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 4,
    }

    public static class Power
    {
        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot) => throw null;
    }

    public static class SystemInfo
    {
        public static string TargetName => throw null;
    }
}

// nanoFramework.Runtime.Native/System/Environment.cs: the uptime clock is here, not in mscorlib.
namespace System
{
    public static class Environment
    {
        public static long TickCount64 => throw null;
    }
}
