namespace IotMinerAgent.NanoSurface.Tests.Rules;

/// <summary>
/// The rules for code under a Portable/ folder, i.e. code the ESP32 firmware compiles for .NET nanoFramework 1.x.
/// The reasons cite the nanoFramework documentation, as this project's README sums it up.
/// </summary>
internal static class PortableRules
{
    private const string NoGenerics = ".NET nanoFramework 1.x has no generics: its runtime cannot load generic types or methods (docs.nanoframework.net; tests/IotMinerAgent.NanoSurface.Tests/README.md)";

    public static readonly PortableRule Generics = new(
        "NANO001",
        NoGenerics,
        "Use arrays or ArrayList (mscorlib), or a small purpose-built class like NonceHits.");

    public static readonly PortableRule GenericDelegates = new(
        "NANO002",
        NoGenerics,
        "Declare a named delegate type instead, e.g. `public delegate void NonceFound(uint nonce);`.");

    public static readonly PortableRule Spans = new(
        "NANO003",
        "Span<T>, ReadOnlySpan<T>, Memory<T> and stackalloc do not exist on .NET nanoFramework 1.x: they are generic types and stack memory its runtime does not support (docs.nanoframework.net; tests/IotMinerAgent.NanoSurface.Tests/README.md)",
        "Pass a byte[] with an offset and a count (System.SpanByte is the only span nanoFramework has).");

    public static readonly PortableRule Linq = new(
        "NANO004",
        "System.Linq does not exist on .NET nanoFramework 1.x: LINQ is built on generics (IEnumerable<T>, Func<T>) (docs.nanoframework.net; tests/IotMinerAgent.NanoSurface.Tests/README.md)",
        "Write the loop.");

    public static readonly PortableRule Async = new(
        "NANO005",
        ".NET nanoFramework 1.x has no Task, ValueTask or async/await: concurrency there is System.Threading.Thread (docs.nanoframework.net; tests/IotMinerAgent.NanoSurface.Tests/README.md)",
        "Run the work on a Thread with a blocking loop, or from a Timer callback.");

    public static readonly PortableRule Iterators = new(
        "NANO006",
        "the compiler turns an iterator into a class implementing IEnumerable<T>/IEnumerator<T>, and .NET nanoFramework 1.x has no generics (docs.nanoframework.net; tests/IotMinerAgent.NanoSurface.Tests/README.md)",
        "Fill and return an array, or write the IEnumerator class by hand.");

    public static readonly PortableRule Unsafe = new(
        "NANO007",
        ".NET nanoFramework 1.x runs IL in an interpreter without unmanaged pointers: no unsafe code, pointers or fixed (docs.nanoframework.net; tests/IotMinerAgent.NanoSurface.Tests/README.md)",
        "Index into arrays; reach the hardware through a nanoFramework native interop library instead.");

    public static readonly PortableRule BinaryPrimitives = new(
        "NANO008",
        "System.Buffers.Binary.BinaryPrimitives does not exist on .NET nanoFramework 1.x (docs.nanoframework.net; tests/IotMinerAgent.NanoSurface.Tests/README.md)",
        "Shift the bytes by hand like Sha256.ReadBigEndian/WriteBigEndian, or use BitConverter (little-endian, byte[]).");

    public static readonly PortableRule BitOperations = new(
        "NANO009",
        "System.Numerics.BitOperations does not exist on .NET nanoFramework 1.x (docs.nanoframework.net; tests/IotMinerAgent.NanoSurface.Tests/README.md)",
        "Write the rotate or bit count by hand, e.g. (x >> n) | (x << (32 - n)).");

    public static readonly PortableRule BufferBlockCopy = new(
        "NANO010",
        "System.Buffer (BlockCopy, MemoryCopy) does not exist on .NET nanoFramework 1.x (docs.nanoframework.net; tests/IotMinerAgent.NanoSurface.Tests/README.md)",
        "Use Array.Copy between arrays of the same element type, or copy the bytes in a loop.");

    public static readonly PortableRule Intrinsics = new(
        "NANO011",
        "SIMD vectors and hardware intrinsics (System.Runtime.Intrinsics, System.Numerics.Vector) do not exist on .NET nanoFramework 1.x: the ESP32 interprets IL",
        "Keep vectorized engines in Linux-only code (hashing-core/Engines) behind INonceScanner.");

    public static readonly PortableRule NullableValueTypes = new(
        "NANO012",
        "a nullable value type is System.Nullable<T>, a generic struct .NET nanoFramework 1.x does not have (docs.nanoframework.net; tests/IotMinerAgent.NanoSurface.Tests/README.md)",
        "Use a TryX(out value) method, a separate bool, or a documented sentinel value.");

    public static readonly PortableRule Tuples = new(
        "NANO013",
        "tuples are System.ValueTuple<...>, generic structs .NET nanoFramework 1.x does not have (docs.nanoframework.net; tests/IotMinerAgent.NanoSurface.Tests/README.md)",
        "Return a small struct or class with named members, or use out parameters.");

    public static readonly PortableRule Records = new(
        "NANO014",
        "records implement IEquatable<T> and rely on compiler support types (EqualityContract, IsExternalInit) that .NET nanoFramework 1.x lacks (docs.nanoframework.net; tests/IotMinerAgent.NanoSurface.Tests/README.md)",
        "Write a sealed class or struct with readonly fields set in the constructor.");

    public static readonly PortableRule MultidimensionalArrays = new(
        "NANO015",
        ".NET nanoFramework 1.x supports single-dimension arrays only (docs.nanoframework.net; tests/IotMinerAgent.NanoSurface.Tests/README.md)",
        "Use a jagged array (uint[][]) or one array indexed as row * width + column.");

    public static readonly PortableRule Dynamic = new(
        "NANO016",
        "dynamic needs the DLR runtime binder (Microsoft.CSharp), which .NET nanoFramework 1.x does not have",
        "Use static types; cast from object where needed.");

    public static readonly PortableRule FileScopedNamespaces = new(
        "NANO017",
        "file-scoped namespaces are C# 10, and the nanoFramework project system compiles C# 9 (its default LangVersion, nf-Visual-Studio-extension#617; tests/IotMinerAgent.NanoSurface.Tests/README.md)",
        "Use a block namespace: `namespace X { ... }`.");

    public static readonly PortableRule DefaultInterfaceMembers = new(
        "NANO018",
        "interface members with bodies (default implementations, static members) need runtime support that stable .NET nanoFramework 1.x firmware lacks",
        "Keep the interface abstract; put shared code in an abstract base class or a static class named for what it does.");

    public static readonly PortableRule InitAccessors = new(
        "NANO019",
        "init accessors compile to a modreq on System.Runtime.CompilerServices.IsExternalInit, which .NET nanoFramework 1.x's mscorlib lacks",
        "Set readonly fields in the constructor and expose get-only properties.");

    public static readonly PortableRule IndexAndRange = new(
        "NANO020",
        "the ^ and .. operators need System.Index and System.Range, which .NET nanoFramework 1.x does not have",
        "Compute the index (array.Length - 1), or use Array.Copy / Substring.");

    public static readonly PortableRule EnumToString = new(
        "NANO021",
        "on .NET nanoFramework 1.x an enum's ToString() gives its number, e.g. \"2\" rather than \"Paused\" (docs.nanoframework.net; tests/IotMinerAgent.NanoSurface.Tests/README.md)",
        "Map the value to its text explicitly, e.g. with a switch.");

    public static readonly PortableRule NumericFormats = new(
        "NANO022",
        ".NET nanoFramework 1.x formats numbers with the standard formats D, F, G, N and X only (docs.nanoframework.net; tests/IotMinerAgent.NanoSurface.Tests/README.md)",
        "Use one of D, F, G, N or X (with a precision, e.g. X8), or build the text by hand.");

    public static readonly PortableRule Cryptography = new(
        "NANO023",
        ".NET nanoFramework has no System.Security.Cryptography hash classes (no SHA-256, no SHA-1) (docs.nanoframework.net; tests/IotMinerAgent.NanoSurface.Tests/README.md)",
        "Hash with the portable IotMinerAgent.Hashing.Sha256 (managed code that runs on the ESP32 too).");

    public static readonly PortableRule VolatileFields = new(
        "NANO025",
        "a volatile field compiles to a modreq on System.Runtime.CompilerServices.IsVolatile, which nanoFramework.CoreLibrary does not define",
        "Guard the field with lock, or use Interlocked.Exchange/CompareExchange on an int.");

    public static readonly PortableRule MissingNamespaces = new(
        "NANO024",
        "this namespace is not part of .NET nanoFramework 1.x's class libraries (docs.nanoframework.net; tests/IotMinerAgent.NanoSurface.Tests/README.md)",
        "Use what tests/IotMinerAgent.NanoSurface.Tests/README.md lists as available.");
}
