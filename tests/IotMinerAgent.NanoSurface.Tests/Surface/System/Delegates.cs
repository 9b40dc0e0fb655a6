// Model of nanoFramework.CoreLibrary 1.x (mscorlib) System/Delegate.cs, MulticastDelegate.cs, AsyncCallback.cs,
// IAsyncResult.cs, EventHandler.cs and EventArgs.cs. There is no Func<>/Action<>/Predicate<>: they are generic.
namespace System
{
    public abstract class Delegate
    {
        public object Target => throw null;

        public static Delegate Combine(Delegate a, Delegate b) => throw null;

        public static Delegate Remove(Delegate source, Delegate value) => throw null;

        public override bool Equals(object obj) => throw null;

        public override int GetHashCode() => throw null;

        public static bool operator ==(Delegate d1, Delegate d2) => throw null;

        public static bool operator !=(Delegate d1, Delegate d2) => throw null;
    }

    public abstract class MulticastDelegate : Delegate
    {
        public static bool operator ==(MulticastDelegate d1, MulticastDelegate d2) => throw null;

        public static bool operator !=(MulticastDelegate d1, MulticastDelegate d2) => throw null;

        public override bool Equals(object obj) => throw null;

        public override int GetHashCode() => throw null;
    }

    public delegate void AsyncCallback(IAsyncResult ar);

    public interface IAsyncResult
    {
        object AsyncState { get; }

        System.Threading.WaitHandle AsyncWaitHandle { get; }

        bool CompletedSynchronously { get; }

        bool IsCompleted { get; }
    }

    public class EventArgs
    {
        public static readonly EventArgs Empty = new EventArgs();
    }

    public delegate void EventHandler(object sender, EventArgs e);
}
