// Model of the nanoFramework.System.Collections package (https://github.com/nanoframework/System.Collections):
// Hashtable, DictionaryEntry, Queue, Stack and IDictionary. All hold object: use them where .NET code would use
// Dictionary<TKey, TValue>, Queue<T> or Stack<T>. ArrayList and the other collection interfaces are in mscorlib.
namespace System.Collections
{
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
