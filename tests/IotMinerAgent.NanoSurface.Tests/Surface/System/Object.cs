// Model of nanoFramework.CoreLibrary 1.x (mscorlib): the root types the C# compiler needs. Bodies are placeholders;
// only the shape matters (see ../README.md).
namespace System
{
    public class Object
    {
        public Object() { }

        ~Object() { }

        public virtual bool Equals(object obj) => throw null;

        public static bool Equals(object objA, object objB) => throw null;

        public static bool ReferenceEquals(object objA, object objB) => throw null;

        public virtual int GetHashCode() => throw null;

        public Type GetType() => throw null;

        public virtual string ToString() => throw null;

        protected object MemberwiseClone() => throw null;
    }

    public abstract class ValueType
    {
        public override bool Equals(object obj) => throw null;

        public override int GetHashCode() => throw null;

        public override string ToString() => throw null;
    }

    // On nanoFramework an enum's ToString() gives its number (shared/REFERENCE.md); see rule NANO021.
    public abstract class Enum : ValueType
    {
    }

    public struct Void
    {
    }

    public abstract class Type
    {
        public abstract string FullName { get; }

        public abstract string Name { get; }

        public abstract Type BaseType { get; }

        public bool IsArray => throw null;

        public bool IsValueType => throw null;

        public abstract Type GetElementType();

        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) => throw null;
    }

    public struct RuntimeTypeHandle
    {
    }

    public struct RuntimeFieldHandle
    {
    }

    public struct RuntimeMethodHandle
    {
    }

    public struct IntPtr
    {
#pragma warning disable CS0169 // the runtime owns the value
        private int _value;
#pragma warning restore CS0169

        public static readonly IntPtr Zero;

        public IntPtr(int value) => throw null;

        public int ToInt32() => throw null;
    }

    public struct UIntPtr
    {
#pragma warning disable CS0169 // the runtime owns the value
        private uint _value;
#pragma warning restore CS0169
    }

    public class MarshalByRefObject
    {
    }

    [Flags]
    public enum Base64FormattingOptions
    {
        None = 0,
        InsertLineBreaks = 1,
    }
}
