// Model of nanoFramework.CoreLibrary 1.x (mscorlib) System/*Exception.cs. nanoFramework has no OverflowException and
// no DivideByZeroException types (the runtime reports those faults with its own exception), so portable code cannot
// throw or catch them by name.
namespace System
{
    [Serializable]
    public class Exception
    {
        public Exception() { }

        public Exception(string message) => throw null;

        public Exception(string message, Exception innerException) => throw null;

        public virtual string Message => throw null;

        public Exception InnerException => throw null;

        public virtual string StackTrace => throw null;

        public override string ToString() => throw null;
    }

    [Serializable]
    public class SystemException : Exception
    {
        public SystemException() { }

        public SystemException(string message) : base(message) { }

        public SystemException(string message, Exception innerException) : base(message, innerException) { }
    }

    [Serializable]
    public class ApplicationException : Exception
    {
        public ApplicationException() { }

        public ApplicationException(string message) : base(message) { }

        public ApplicationException(string message, Exception innerException) : base(message, innerException) { }
    }

    [Serializable]
    public class ArgumentException : SystemException
    {
        public ArgumentException() { }

        public ArgumentException(string message) : base(message) { }

        public ArgumentException(string message, Exception innerException) : base(message, innerException) { }

        public ArgumentException(string message, string paramName, Exception innerException) : base(message, innerException) { }

        public ArgumentException(string message, string paramName) : base(message) { }

        public override string Message => throw null;

        public virtual string ParamName => throw null;
    }

    [Serializable]
    public class ArgumentNullException : ArgumentException
    {
        public ArgumentNullException() { }

        public ArgumentNullException(string paramName) { }

        public ArgumentNullException(string message, Exception innerException) { }

        public ArgumentNullException(string paramName, string message) { }

        public static void ThrowIfNull(
            [System.Diagnostics.CodeAnalysis.NotNull] object argument,
            [System.Runtime.CompilerServices.CallerArgumentExpression("argument")] string paramName = null) => throw null;
    }

    // Unlike .NET there is no (paramName, actualValue, message) constructor.
    [Serializable]
    public class ArgumentOutOfRangeException : ArgumentException
    {
        public ArgumentOutOfRangeException() { }

        public ArgumentOutOfRangeException(string paramName) { }

        public ArgumentOutOfRangeException(string paramName, string message) { }
    }

    [Serializable]
    public class InvalidOperationException : SystemException
    {
        public InvalidOperationException() { }

        public InvalidOperationException(string message) : base(message) { }

        public InvalidOperationException(string message, Exception innerException) : base(message, innerException) { }
    }

    [Serializable]
    public class ObjectDisposedException : InvalidOperationException
    {
        public ObjectDisposedException(string objectName) { }

        public ObjectDisposedException(string objectName, string message) : base(message) { }
    }

    [Serializable]
    public class NotSupportedException : SystemException
    {
        public NotSupportedException() { }

        public NotSupportedException(string message) : base(message) { }

        public NotSupportedException(string message, Exception innerException) : base(message, innerException) { }
    }

    [Serializable]
    public class NotImplementedException : SystemException
    {
        public NotImplementedException() { }

        public NotImplementedException(string message) : base(message) { }

        public NotImplementedException(string message, Exception innerException) : base(message, innerException) { }
    }

    [Serializable]
    public class FormatException : SystemException
    {
        public FormatException() { }

        public FormatException(string message) : base(message) { }

        public FormatException(string message, Exception innerException) : base(message, innerException) { }
    }

    [Serializable]
    public class IndexOutOfRangeException : SystemException
    {
        public IndexOutOfRangeException() { }

        public IndexOutOfRangeException(string message) : base(message) { }

        public IndexOutOfRangeException(string message, Exception innerException) : base(message, innerException) { }
    }

    [Serializable]
    public class NullReferenceException : SystemException
    {
        public NullReferenceException() { }

        public NullReferenceException(string message) : base(message) { }

        public NullReferenceException(string message, Exception innerException) : base(message, innerException) { }
    }

    [Serializable]
    public class InvalidCastException : SystemException
    {
        public InvalidCastException() { }

        public InvalidCastException(string message) : base(message) { }

        public InvalidCastException(string message, Exception innerException) : base(message, innerException) { }
    }

    [Serializable]
    public sealed class OutOfMemoryException : SystemException
    {
        public OutOfMemoryException() { }

        public OutOfMemoryException(string message) : base(message) { }

        public OutOfMemoryException(string message, Exception innerException) : base(message, innerException) { }
    }
}

namespace System.Threading
{
    [Serializable]
    public sealed class ThreadAbortException : SystemException
    {
        private ThreadAbortException() { }
    }
}
