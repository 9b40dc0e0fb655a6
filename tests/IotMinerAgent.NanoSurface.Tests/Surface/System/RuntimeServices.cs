// Model of nanoFramework.CoreLibrary 1.x (mscorlib) System/GC.cs, Console.cs and Diagnostics/Debug.cs.
namespace System
{
    public static class GC
    {
        public static uint Run(bool compactHeap) => throw null;

        public static void SuppressFinalize(object obj) => throw null;

        public static void ReRegisterForFinalize(object obj) => throw null;

        public static void WaitForPendingFinalizers() => throw null;
    }

    public static class Console
    {
        public static void Write(string value) => throw null;

        public static void WriteLine() => throw null;

        public static void WriteLine(string value) => throw null;
    }
}

namespace System.Diagnostics
{
    public static class Debug
    {
        [Conditional("DEBUG")]
        public static void Assert(bool condition) => throw null;

        [Conditional("DEBUG")]
        public static void Assert(bool condition, string message) => throw null;

        [Conditional("DEBUG")]
        public static void Assert(bool condition, string message, string detailedMessage) => throw null;

        [Conditional("DEBUG")]
        public static void Write(string message) => throw null;

        [Conditional("DEBUG")]
        public static void WriteLine(string message) => throw null;
    }
}
