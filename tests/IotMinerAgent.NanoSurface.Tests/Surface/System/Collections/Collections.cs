// ArrayList models nanoFramework.CoreLibrary 1.x (mscorlib) System/Collections/ArrayList.cs; Hashtable,
// DictionaryEntry, Queue and Stack model the nanoFramework.System.Collections package. All hold object: use them
// where .NET code would use List<T>, Dictionary<TKey, TValue>, Queue<T> or Stack<T>.
namespace System.Collections
{
    public class ArrayList : IList, ICloneable
    {
        public ArrayList() => throw null;

        public virtual int Capacity
        {
            get => throw null;
            set => throw null;
        }

        public virtual int Count => throw null;

        public virtual bool IsFixedSize => throw null;

        public virtual bool IsReadOnly => throw null;

        public virtual bool IsSynchronized => throw null;

        public virtual object SyncRoot => throw null;

        public virtual object this[int index]
        {
            get => throw null;
            set => throw null;
        }

        public virtual int Add(object value) => throw null;

        public virtual int BinarySearch(object value, IComparer comparer) => throw null;

        public virtual void Clear() => throw null;

        public virtual object Clone() => throw null;

        public virtual bool Contains(object item) => throw null;

        public virtual void CopyTo(Array array) => throw null;

        public virtual void CopyTo(Array array, int arrayIndex) => throw null;

        public virtual IEnumerator GetEnumerator() => throw null;

        public virtual int IndexOf(object value) => throw null;

        public virtual int IndexOf(object value, int startIndex) => throw null;

        public virtual int IndexOf(object value, int startIndex, int count) => throw null;

        public virtual void Insert(int index, object value) => throw null;

        public virtual void Remove(object obj) => throw null;

        public virtual void RemoveAt(int index) => throw null;

        public virtual object[] ToArray() => throw null;

        public virtual Array ToArray(Type type) => throw null;
    }

    public class DictionaryEntry
    {
        public object Key;

        public object Value;

        public DictionaryEntry(object key, object value) => throw null;
    }

    public class Hashtable : IDictionary, ICloneable
    {
        public Hashtable() => throw null;

        public Hashtable(int capacity) => throw null;

        public Hashtable(int capacity, float maxLoadFactor) => throw null;

        public object this[object key]
        {
            get => throw null;
            set => throw null;
        }

        public int Count => throw null;

        public ICollection Keys => throw null;

        public ICollection Values => throw null;

        public bool IsReadOnly => throw null;

        public bool IsFixedSize => throw null;

        public bool IsSynchronized => throw null;

        public object SyncRoot => throw null;

        public void Add(object key, object value) => throw null;

        public void Clear() => throw null;

        public object Clone() => throw null;

        public bool Contains(object key) => throw null;

        public bool ContainsKey(object key) => throw null;

        public void CopyTo(Array array, int index) => throw null;

        public IEnumerator GetEnumerator() => throw null;

        public void Remove(object key) => throw null;
    }

    public class Queue : ICollection, ICloneable
    {
        public Queue() => throw null;

        public virtual int Count => throw null;

        public bool IsSynchronized => throw null;

        public object SyncRoot => throw null;

        public virtual void Clear() => throw null;

        public virtual object Clone() => throw null;

        public virtual bool Contains(object obj) => throw null;

        public virtual void CopyTo(Array array, int index) => throw null;

        public virtual object Dequeue() => throw null;

        public virtual void Enqueue(object obj) => throw null;

        public virtual IEnumerator GetEnumerator() => throw null;

        public virtual object Peek() => throw null;

        public virtual object[] ToArray() => throw null;
    }

    public class Stack : ICollection, ICloneable
    {
        public Stack() => throw null;

        public virtual int Count => throw null;

        public bool IsSynchronized => throw null;

        public object SyncRoot => throw null;

        public virtual void Clear() => throw null;

        public virtual object Clone() => throw null;

        public virtual bool Contains(object obj) => throw null;

        public virtual void CopyTo(Array array, int index) => throw null;

        public virtual IEnumerator GetEnumerator() => throw null;

        public virtual object Peek() => throw null;

        public virtual object Pop() => throw null;

        public virtual void Push(object obj) => throw null;

        public virtual object[] ToArray() => throw null;
    }
}
