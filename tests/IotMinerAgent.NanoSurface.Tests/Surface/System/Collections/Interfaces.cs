// Model of nanoFramework.CoreLibrary 1.x (mscorlib) System/Collections/IEnumerable.cs, IEnumerator.cs, ICollection.cs,
// IList.cs, IComparer.cs and IEqualityComparer.cs, plus IDictionary from nanoFramework.System.Collections. No generic
// collection interfaces exist.
namespace System.Collections
{
    public interface IEnumerable
    {
        IEnumerator GetEnumerator();
    }

    public interface IEnumerator
    {
        object Current { get; }

        bool MoveNext();

        void Reset();
    }

    public interface ICollection : IEnumerable
    {
        int Count { get; }

        object SyncRoot { get; }

        bool IsSynchronized { get; }

        void CopyTo(Array array, int index);
    }

    public interface IList : ICollection
    {
        object this[int index] { get; set; }

        bool IsReadOnly { get; }

        bool IsFixedSize { get; }

        int Add(object value);

        bool Contains(object value);

        void Clear();

        int IndexOf(object value);

        void Insert(int index, object value);

        void Remove(object value);

        void RemoveAt(int index);
    }

    public interface IComparer
    {
        int Compare(object x, object y);
    }

    public interface IEqualityComparer
    {
        bool Equals(object x, object y);

        int GetHashCode(object obj);
    }

    public interface IDictionary : ICollection
    {
        object this[object key] { get; set; }

        ICollection Keys { get; }

        ICollection Values { get; }

        bool IsReadOnly { get; }

        bool IsFixedSize { get; }

        bool Contains(object key);

        void Add(object key, object value);

        void Clear();

        void Remove(object key);
    }
}
