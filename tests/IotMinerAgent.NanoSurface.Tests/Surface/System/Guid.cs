// Model of nanoFramework.CoreLibrary 1.x (mscorlib) System/Guid.cs and Random.cs.
namespace System
{
    [Serializable]
    public struct Guid
    {
#pragma warning disable CS0169 // the runtime owns the value
        private int[] _data;
#pragma warning restore CS0169

        public static readonly Guid Empty;

        public Guid(byte[] b) => throw null;

        public static Guid NewGuid() => throw null;

        public byte[] ToByteArray() => throw null;

        public int CompareTo(object value) => throw null;

        public override bool Equals(object o) => throw null;

        public override int GetHashCode() => throw null;

        public override string ToString() => throw null;

        public static bool operator ==(Guid a, Guid b) => throw null;

        public static bool operator !=(Guid a, Guid b) => throw null;
    }

    public class Random
    {
        public Random() => throw null;

        public Random(int seed) => throw null;

        public virtual int Next() => throw null;

        public virtual int Next(int maxValue) => throw null;

        public virtual double NextDouble() => throw null;

        public virtual void NextBytes(byte[] buffer) => throw null;
    }
}
