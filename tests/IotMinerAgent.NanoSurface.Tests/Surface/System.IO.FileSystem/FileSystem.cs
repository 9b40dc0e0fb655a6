// Model of the nanoFramework.System.IO.FileSystem package, assembly System.IO.FileSystem
// (https://github.com/nanoframework/System.IO.FileSystem, tag v1.1.87; Baselines/System.IO.FileSystem.1.1.87.txt):
// what LittleFsConfigStorage reads I:\iotminer.json with.
namespace System.IO
{
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }

    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    public static class File
    {
        public static bool Exists(string path) => throw null;
    }

    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode, FileAccess access) => throw null;

        public override long Length => throw null;

        public override int Read(byte[] buffer, int offset, int count) => throw null;
    }
}
