// Model of nanoFramework.CoreLibrary 1.x (mscorlib) System/SpanByte.cs: nanoFramework's only span, a non-generic
// ref struct over byte[]. Span<T>/ReadOnlySpan<T>/Memory<T> do not exist.
namespace System
{
    [Serializable]
    public readonly ref struct SpanByte
    {
#pragma warning disable CS0169 // the fields give the struct its real size and shape
        private readonly byte[] _array;
        private readonly int _start;
        private readonly int _length;
#pragma warning restore CS0169

        public SpanByte(byte[] array) => throw null;

        public SpanByte(byte[] array, int start, int length) => throw null;

        public byte this[int index]
        {
            get => throw null;
            set => throw null;
        }

        public static SpanByte Empty => throw null;

        public int Length => throw null;

        public bool IsEmpty => throw null;

        public void CopyTo(SpanByte destination) => throw null;

        public SpanByte Slice(int start) => throw null;

        public SpanByte Slice(int start, int length) => throw null;

        public byte[] ToArray() => throw null;

        public static implicit operator SpanByte(byte[] array) => throw null;
    }
}
