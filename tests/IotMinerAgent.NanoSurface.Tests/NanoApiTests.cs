using System.Linq;
using IotMinerAgent.NanoSurface.Tests.Checking;
using IotMinerAgent.NanoSurface.Tests.Rules;

namespace IotMinerAgent.NanoSurface.Tests;

/// <summary>
/// Portable code is compiled against nanoFramework's real mscorlib: .NET APIs it lacks fail the compile with an
/// explanation, and what nanoFramework does offer compiles, emits and passes the rules.
/// </summary>
public sealed class NanoApiTests
{
    /// <summary>Snippet, the compiler error it must produce, and words the explanation must contain.</summary>
    public static TheoryData<string, string, string> Misuses => new()
    {
        { "System.Collections.Generic.List<int> hits = new System.Collections.Generic.List<int>(); // <-", "CS0234", "not in nanoFramework's mscorlib" },
        { "void Fill(Span<byte> buffer) { } // <-", "CS0246", "not in nanoFramework's mscorlib" },
        { "uint Read(byte[] b) { return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(b); } // <-", "CS0234", "not in nanoFramework's mscorlib" },
        { "int Limit(int x) { return Math.Clamp(x, 0, 9); } // <-", "CS0103", "System.Math is in the nanoFramework assembly System.Math 1.5.116, not in mscorlib" },
        { "string Hex(uint n) { return new System.Text.StringBuilder().Append(n).ToString(); } // <-", "CS0234", "Namespace System.Text is not in mscorlib; its types are in the nanoFramework assembly nanoFramework.System.Text 1.3.42" },
        { "object Table() { return new System.Collections.Hashtable(); } // <-", "CS0234", "System.Collections.Hashtable is in the nanoFramework assembly nanoFramework.System.Collections 1.5.67, not in mscorlib" },
        { "string Hex(byte[] b) { return Convert.ToHexString(b); } // <-", "CS0117", "not in nanoFramework's mscorlib" },
        { "string Csv(string[] parts) { return string.Join(\",\", parts); } // <-", "CS0117", "not in nanoFramework's mscorlib" },
        { "DateTime Clock() { return DateTime.Now; } // <-", "CS0117", "not in nanoFramework's mscorlib" },
        { "void Fail() { throw new OverflowException(); } // <-", "CS0246", "not in nanoFramework's mscorlib" },
        { "string Text(byte[] b) { return System.Text.Encoding.UTF8.GetString(b, 0, b.Length); } // <-", "CS0234", "its types are in the nanoFramework assembly nanoFramework.System.Text 1.3.42" },
        { "long Next(ref long v) { return System.Threading.Interlocked.Increment(ref v); } // <-", "CS1503", "fewer overloads" },
        { "int? lastNonce; // <-", "CS0518", "runtime type or member that nanoFramework's mscorlib does not have" },
        { "decimal reward; // <-", "CS0518", "runtime type or member that nanoFramework's mscorlib does not have" },
        { "System.Collections.IEnumerable Nonces() { yield return 1u; } // <-", "CS0518", "runtime type or member that nanoFramework's mscorlib does not have" },
        { "volatile bool stopRequested; bool Stopped() { return stopRequested; } // <-", "CS0518", "runtime type or member that nanoFramework's mscorlib does not have" },
        { "string Raw() { return \"\"\"raw\"\"\"; } // <-", "CS8773", "compiles C# 9" },
    };

    [Theory]
    [MemberData(nameof(Misuses))]
    public void Api_nanoFramework_lacks_fails_the_compile_with_an_explanation(string code, string errorId, string explanation)
    {
        string text = PortableSnippet.InClass(code);
        int line = PortableSnippet.MarkedLine(text);

        NanoCheckResult result = PortableSnippet.Check(text);

        Assert.False(result.IsClean);
        Assert.True(
            result.CompileErrors.Any(e => e.Code == errorId && e.Line == line && e.Message.Contains(explanation, System.StringComparison.Ordinal)),
            $"Expected {errorId} at line {line} explaining \"{explanation}\"; got:\n{string.Join("\n", result.CompileErrors)}");
    }

    /// <summary>Snippet and what the IL check must say about it (type and member named).</summary>
    public static TheoryData<string, string> MetadataMisuses => new()
    {
        // mscorlib 1.17.11 declares Action<T>, so this compiles; the 1.x nanoCLR still cannot load the instantiation.
        { "private System.Action<int>? _found;", "IotMinerAgent.Hashing.Snippet._found uses the generic type System.Action`1<Int32>" },
        { "public static object Same<T>(T value) { return value!; }", "method IotMinerAgent.Hashing.Snippet.Same is generic" },
        { "public int Cell(int[,] grid) { return grid[0, 0]; }", "IotMinerAgent.Hashing.Snippet.Cell uses the multidimensional array Int32[,]" },
        { "public void Run() { System.Action<uint> log = n => { }; log(1u); }", "IotMinerAgent.Hashing.Snippet.Run uses the generic type System.Action`1<UInt32>" },
    };

    [Theory]
    [MemberData(nameof(MetadataMisuses))]
    public void What_the_metadata_processor_cannot_take_is_named_by_type_and_member(string members, string expected)
    {
        NanoCheckResult result = PortableSnippet.Check(PortableSnippet.InClass("        " + members));

        Assert.True(result.Emitted, result.Describe());
        Assert.False(result.IsClean);
        Assert.Contains(result.MetadataFindings, f => f.Message.Contains(expected, System.StringComparison.Ordinal) && f.Path == PortableSnippet.Path);
        Assert.Contains("which the .NET nanoFramework 1.x metadata processor and nanoCLR cannot load", result.Describe(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void What_nanoFramework_offers_compiles_emits_and_keeps_the_rules()
    {
        NanoCheckResult result = PortableSnippet.Check(AllowedCode);

        Assert.True(result.IsClean, result.Describe());
        Assert.Empty(result.RuleFindings);
        Assert.Empty(result.MetadataFindings);
    }

    [Fact]
    public void A_file_without_problems_is_only_clean_once_emitted()
    {
        NanoCheckResult result = PortableSnippet.Check(PortableSnippet.InClass("        public static readonly uint[] K = { 1, 2, 3, 4, 5, 6, 7, 8 };"));

        Assert.True(result.Emitted);
        Assert.True(result.IsClean, result.Describe());
    }

    // Everything here is available on .NET nanoFramework 1.x and allowed by the portable rules.
    private const string AllowedCode = """
        using System;
        using System.Collections;
        using System.Diagnostics;
        using System.Threading;

        namespace IotMinerAgent.Hashing
        {
            public delegate void NonceFound(uint nonce);

            public enum Mode
            {
                Mining = 0,
                Paused = 1,
            }

            public struct Window
            {
                public uint First;
                public ulong Count;
            }

            public interface IClock
            {
                long NowTicks { get; }
            }

            public sealed class Allowed : IDisposable
            {
                private static readonly uint[] Rounds = { 0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1 };
                private static readonly byte[] Pattern = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
                private readonly object _gate = new object();
                private readonly ArrayList _hits = new ArrayList();
                private readonly uint[][] _lanes = new uint[2][];
                private uint[]? _cache;
                private Thread? _worker;
                private Timer? _timer;
                private int _running;

                public event NonceFound? Found;

                public static string Name(Mode mode)
                {
                    switch (mode)
                    {
                        case Mode.Mining: return "mining";
                        default: return "paused";
                    }
                }

                public string Describe(uint nonce, double rate, Mode mode)
                {
                    lock (_gate)
                    {
                        _hits.Add(nonce);
                    }

                    string text = nameof(Allowed) + " " + nonce.ToString("x8") + Name(mode);
                    byte[] bytes = BitConverter.GetBytes(nonce);
                    return $"{text} {rate:F2} {nonce:X8} {BitConverter.ToUInt32(bytes, 0)} {(rate > 1 ? 1 : 2)} {(int)mode}";
                }

                public static string Kind(string algorithm)
                {
                    switch (algorithm)
                    {
                        case "sha256d": return "header";
                        case "scrypt": return "header";
                        case "duco-s1": return "text";
                        case "a": return "1";
                        case "b": return "2";
                        case "c": return "3";
                        case "d": return "4";
                        default: throw new ArgumentException("Unknown algorithm '" + algorithm + "'.", nameof(algorithm));
                    }
                }

                public void Start()
                {
                    _worker = new Thread(Run);
                    _worker.Priority = ThreadPriority.BelowNormal;
                    _worker.Start();
                    _timer = new Timer(OnTick, null, 0, 1000);
                    Interlocked.Increment(ref _running);
                }

                public Window Next(Window window)
                {
                    Window next = window;
                    next.First = unchecked(window.First + (uint)window.Count);
                    return next;
                }

                private void Run()
                {
                    NonceFound log = n => _hits.Add(n);
                    Found += log;
                    foreach (object entry in _hits)
                    {
                        Found?.Invoke((uint)entry);
                    }

                    uint acc = 0;
                    foreach (uint k in Rounds)
                    {
                        acc += (k >> 3) | (k << 29);
                    }

                    ulong wide = (ulong)acc * 0xFFFFFFFFUL;
                    _lanes[0] = new uint[] { acc, (uint)wide };
                    _cache ??= new uint[8];
                    Array.Copy(Rounds, _cache, 6);
                    Array.Clear(_cache, 0, 2);

                    SpanByte span = new SpanByte(Pattern, 2, 4);
                    byte first = span[0];
                    Debug.Assert(first == 3, "SpanByte indexes from its start");

                    object boxed = first;
                    string shape = boxed switch
                    {
                        byte b when b > 2 => "big " + b.ToString(),
                        _ => "small",
                    };

                    try
                    {
                        Thread.Sleep(TimeSpan.FromMilliseconds(1));
                    }
                    catch (ArgumentException e) when (e.ParamName == "timeout")
                    {
                        throw new InvalidOperationException("Sleep failed: " + shape, e);
                    }

                    int Twice(int x) => x * 2;
                    Found -= log;
                    Interlocked.Exchange(ref _running, Twice(0));
                }

                private static void OnTick(object? state)
                {
                }

                public void Dispose()
                {
                    _timer?.Dispose();
                    _worker?.Join();
                }
            }
        }
        """;
}
