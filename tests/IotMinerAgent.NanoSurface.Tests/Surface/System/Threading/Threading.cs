// Model of nanoFramework.CoreLibrary 1.x (mscorlib) System/Threading/*.cs: threads, timers, Monitor (Enter/Exit only,
// which is what `lock` compiles to), wait handles, and Interlocked on int only (no long, no generic
// CompareExchange<T>). There is no Task, ThreadPool, SemaphoreSlim, Volatile or CancellationTokenSource here.
namespace System.Threading
{
    public delegate void ThreadStart();

    public delegate void TimerCallback(object state);

    public enum ThreadPriority
    {
        Lowest = 0,
        BelowNormal = 1,
        Normal = 2,
        AboveNormal = 3,
        Highest = 4,
    }

    [Flags]
    public enum ThreadState
    {
        Running = 0,
        StopRequested = 1,
        SuspendRequested = 2,
        Background = 4,
        Unstarted = 8,
        Stopped = 16,
        WaitSleepJoin = 32,
        Suspended = 64,
        AbortRequested = 128,
        Aborted = 256,
    }

    public sealed class Thread
    {
        public Thread(ThreadStart start) => throw null;

        public static Thread CurrentThread => throw null;

        public ThreadPriority Priority
        {
            get => throw null;
            set => throw null;
        }

        public int ManagedThreadId => throw null;

        public bool IsAlive => throw null;

        public ThreadState ThreadState => throw null;

        public void Start() => throw null;

        public void Abort() => throw null;

        public void Suspend() => throw null;

        public void Resume() => throw null;

        public void Join() => throw null;

        public bool Join(int millisecondsTimeout) => throw null;

        public bool Join(TimeSpan timeout) => throw null;

        public static void Sleep(int millisecondsTimeout) => throw null;

        public static void Sleep(TimeSpan timeout) => throw null;

        public static void SpinWait(int iterations) => throw null;
    }

    public static class Timeout
    {
        public const int Infinite = -1;
    }

    public sealed class Timer : MarshalByRefObject, IDisposable
    {
        public Timer(TimerCallback callback, object state, int dueTime, int period) => throw null;

        public Timer(TimerCallback callback, object state, TimeSpan dueTime, TimeSpan period) => throw null;

        public bool Change(int dueTime, int period) => throw null;

        public bool Change(TimeSpan dueTime, TimeSpan period) => throw null;

        public void Dispose() => throw null;
    }

    public static class Monitor
    {
        public static void Enter(object obj) => throw null;

        public static void Exit(object obj) => throw null;
    }

    public static class Interlocked
    {
        public static int Increment(ref int location) => throw null;

        public static int Decrement(ref int location) => throw null;

        public static int Exchange(ref int location1, int value) => throw null;

        public static int CompareExchange(ref int location1, int value, int comparand) => throw null;
    }

    public abstract class WaitHandle : MarshalByRefObject
    {
        public const int WaitTimeout = 258;

        public virtual bool WaitOne() => throw null;

        public virtual bool WaitOne(int millisecondsTimeout, bool exitContext) => throw null;

        public virtual bool WaitOne(TimeSpan timeout, bool exitContext) => throw null;

        public static bool WaitAll(WaitHandle[] waitHandles) => throw null;

        public static bool WaitAll(WaitHandle[] waitHandles, int millisecondsTimeout, bool exitContext) => throw null;

        public static int WaitAny(WaitHandle[] waitHandles) => throw null;

        public static int WaitAny(WaitHandle[] waitHandles, int millisecondsTimeout, bool exitContext) => throw null;
    }

    public sealed class AutoResetEvent : WaitHandle
    {
        public AutoResetEvent(bool initialState) => throw null;

        public bool Reset() => throw null;

        public bool Set() => throw null;
    }

    public sealed class ManualResetEvent : WaitHandle
    {
        public ManualResetEvent(bool initialState) => throw null;

        public bool Reset() => throw null;

        public bool Set() => throw null;
    }
}
