// Model of nanoFramework.CoreLibrary 1.x (mscorlib) System/IDisposable.cs, ICloneable.cs, IComparable.cs,
// IFormattable.cs, IFormatProvider.cs and ICustomFormatter.cs (all non-generic).
namespace System
{
    public interface IDisposable
    {
        void Dispose();
    }

    public interface ICloneable
    {
        object Clone();
    }

    public interface IComparable
    {
        int CompareTo(object obj);
    }

    public interface IFormatProvider
    {
        object GetFormat(Type formatType);
    }

    public interface IFormattable
    {
        string ToString(string format, IFormatProvider formatProvider);
    }

    public interface ICustomFormatter
    {
        string Format(string format, object arg, IFormatProvider formatProvider);
    }
}
