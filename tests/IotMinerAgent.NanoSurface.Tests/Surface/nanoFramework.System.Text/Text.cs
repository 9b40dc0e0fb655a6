// Model of the nanoFramework.System.Text package, assembly nanoFramework.System.Text (https://github.com/nanoframework/System.Text,
// tag v1.3.42; its public API is Baselines/nanoFramework.System.Text.1.3.42.txt): StringBuilder and the UTF-8 Encoding.
// Portable code cannot use this assembly (mscorlib only: see firmware/Portable/Text); firmware/Nano can.
namespace System.Text
{
    public sealed class StringBuilder
    {
        public StringBuilder() => throw null;

        public StringBuilder(int capacity) => throw null;

        public StringBuilder(string value) => throw null;

        public StringBuilder(string value, int capacity) => throw null;

        public StringBuilder(int capacity, int maxCapacity) => throw null;

        public int Capacity
        {
            get => throw null;
            set => throw null;
        }

        public int Length
        {
            get => throw null;
            set => throw null;
        }

        public int MaxCapacity => throw null;

        [System.Runtime.CompilerServices.IndexerName("Chars")]
        public char this[int index]
        {
            get => throw null;
            set => throw null;
        }

        public StringBuilder Append(bool value) => throw null;

        public StringBuilder Append(byte value) => throw null;

        public StringBuilder Append(char value) => throw null;

        public StringBuilder Append(char value, int repeatCount) => throw null;

        public StringBuilder Append(char[] value) => throw null;

        public StringBuilder Append(char[] value, int startIndex, int charCount) => throw null;

        public StringBuilder Append(double value) => throw null;

        public StringBuilder Append(float value) => throw null;

        public StringBuilder Append(short value) => throw null;

        public StringBuilder Append(int value) => throw null;

        public StringBuilder Append(long value) => throw null;

        public StringBuilder Append(object value) => throw null;

        public StringBuilder Append(sbyte value) => throw null;

        public StringBuilder Append(string value) => throw null;

        public StringBuilder Append(string value, int startIndex, int count) => throw null;

        public StringBuilder Append(ushort value) => throw null;

        public StringBuilder Append(uint value) => throw null;

        public StringBuilder Append(ulong value) => throw null;

        public StringBuilder AppendLine() => throw null;

        public StringBuilder AppendLine(string str) => throw null;

        public StringBuilder Clear() => throw null;

        public StringBuilder Remove(int startIndex, int length) => throw null;

        public StringBuilder Replace(char oldChar, char newChar) => throw null;

        public StringBuilder Replace(string oldValue, string newValue) => throw null;

        public override string ToString() => throw null;

        public string ToString(int startIndex, int length) => throw null;
    }

    public abstract class Encoding
    {
        public static Encoding UTF8 => throw null;

        public virtual byte[] GetBytes(string s) => throw null;

        public virtual int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw null;

        public virtual char[] GetChars(byte[] bytes) => throw null;

        public virtual char[] GetChars(byte[] bytes, int byteIndex, int byteCount) => throw null;

        public virtual string GetString(byte[] bytes, int index, int count) => throw null;
    }

    public class UTF8Encoding : Encoding
    {
        public UTF8Encoding() => throw null;
    }
}
