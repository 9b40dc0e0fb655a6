// Model of the nanoFramework.System.IO.Streams package, assembly System.IO.Streams
// (https://github.com/nanoframework/System.IO.Streams, tag v1.1.96; Baselines/System.IO.Streams.1.1.96.txt).
namespace System.IO
{
    public abstract class Stream : IDisposable
    {
        public abstract long Length { get; }

        public abstract int Read(byte[] buffer, int offset, int count);

        public void Dispose() => throw null;

        protected virtual void Dispose(bool disposing) => throw null;
    }
}
