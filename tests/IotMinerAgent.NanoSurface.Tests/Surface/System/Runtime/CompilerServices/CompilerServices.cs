// Model of nanoFramework.CoreLibrary 1.x (mscorlib) System/Runtime/CompilerServices/*.cs. RuntimeHelpers.InitializeArray
// is what `static readonly uint[] K = { ... }` compiles to. Absent, as from nanoFramework.CoreLibrary's sources:
// IsVolatile (a `volatile` field cannot be emitted), IsExternalInit (init accessors; only recent CoreLibrary builds add
// it) and every generic helper (Unsafe, the Span machinery). The nullable, readonly and ref-struct marker attributes
// need not be here: the compiler synthesizes them into the assembly that uses them.
namespace System.Runtime.CompilerServices
{
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
    public sealed class ExtensionAttribute : Attribute
    {
    }

    [Flags]
    public enum MethodImplOptions
    {
        Unmanaged = 4,
        NoInlining = 8,
        ForwardRef = 16,
        Synchronized = 32,
        NoOptimization = 64,
        PreserveSig = 128,
        AggressiveInlining = 256,
        AggressiveOptimization = 512,
        InternalCall = 4096,
    }

    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor, Inherited = false)]
    public sealed class MethodImplAttribute : Attribute
    {
        public MethodImplAttribute() => throw null;

        public MethodImplAttribute(MethodImplOptions methodImplOptions) => throw null;

        public MethodImplAttribute(short value) => throw null;

        public MethodImplOptions Value => throw null;
    }

    public static class RuntimeHelpers
    {
        public static void InitializeArray(Array array, RuntimeFieldHandle fldHandle) => throw null;

        public static object GetObjectValue(object obj) => throw null;

        public static void RunClassConstructor(RuntimeTypeHandle type) => throw null;

        public static int OffsetToStringData => throw null;
    }

    [AttributeUsage(AttributeTargets.Property, Inherited = true)]
    public sealed class IndexerNameAttribute : Attribute
    {
        public IndexerNameAttribute(string indexerName) => throw null;
    }

    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
    public sealed class InternalsVisibleToAttribute : Attribute
    {
        public InternalsVisibleToAttribute(string assemblyName) => throw null;

        public string AssemblyName => throw null;
    }

    [AttributeUsage(AttributeTargets.All, Inherited = true)]
    public sealed class CompilerGeneratedAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    public sealed class CallerMemberNameAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    public sealed class CallerArgumentExpressionAttribute : Attribute
    {
        public CallerArgumentExpressionAttribute(string parameterName) => throw null;

        public string ParameterName => throw null;
    }
}
