// Model of the nanoFramework.System.Threading package, assembly System.Threading
// (https://github.com/nanoframework/System.Threading, tag v1.1.52; Baselines/System.Threading.1.1.52.txt): the
// cancellation types WifiNetworkHelper takes. Thread, Timer, Monitor and Interlocked are in mscorlib.
namespace System.Threading
{
    public struct CancellationToken
    {
        public CancellationToken(bool canceled) => throw null;

        public bool IsCancellationRequested => throw null;
    }

    public class CancellationTokenSource
    {
        public CancellationTokenSource(int millisecondsDelay) => throw null;

        public CancellationToken Token => throw null;
    }
}
