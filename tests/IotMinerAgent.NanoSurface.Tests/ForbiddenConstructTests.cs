using System.Linq;
using IotMinerAgent.NanoSurface.Tests.Checking;
using IotMinerAgent.NanoSurface.Tests.Rules;

namespace IotMinerAgent.NanoSurface.Tests;

/// <summary>Each construct .NET nanoFramework 1.x cannot run is reported at its line, saying what it is and why.</summary>
public sealed class ForbiddenConstructTests
{
    private const string ModeEnum = "public enum Mode { Mining, Paused }\n";

    /// <summary>Snippet (class members, or a whole file), rule id, and how the finding names the construct.</summary>
    public static TheoryData<string, string, string> Constructs => new()
    {
        { "System.Collections.Generic.List<int> hits; // <-", "NANO001", "generic type List<int>" },
        { "System.Collections.Generic.Dictionary<string, uint> counts; // <-", "NANO001", "generic type Dictionary<string, uint>" },
        { "public T Echo<T>(T value) { return value; } // <-", "NANO001", "generic method Echo<T>" },
        { "public sealed class Box<T> { } // <-", "NANO001", "generic class Box<T>" },
        { "public interface IQueue<T> { } // <-", "NANO001", "generic interface IQueue<T>" },
        { "uint[] None() { return Array.Empty<uint>(); } // <-", "NANO001", "generic method call Array.Empty<uint>" },
        { "using System.Collections.Generic; // <-\nnamespace N { }", "NANO001", "using System.Collections.Generic" },
        { "Func<uint, bool>? isHit; // <-", "NANO002", "generic delegate Func<uint, bool>" },
        { "Action<uint>? onHit; // <-", "NANO002", "generic delegate Action<uint>" },
        { "void Fill(Span<byte> buffer) { } // <-", "NANO003", "generic type Span<byte>" },
        { "ReadOnlyMemory<byte> payload; // <-", "NANO003", "generic type ReadOnlyMemory<byte>" },
        { "void Scratch() { var buffer = stackalloc byte[64]; } // <-", "NANO003", "stackalloc" },
        { "byte[] Tail(byte[] data) { return data.AsSpan(4).ToArray(); } // <-", "NANO003", "AsSpan()" },
        { "using System.Linq; // <-\nnamespace N { }", "NANO004", "using System.Linq" },
        { "int[] Odd(int[] xs) { var q = from x in xs where x % 2 == 1 select x; return xs; } // <-", "NANO004", "LINQ query expression" },
        { "async void Run() { } // <-", "NANO005", "async method Run" },
        { "void Run(object job) { var run = (Func<object>)(async () => { await job; }); } // <-", "NANO005", "`await job`" },
        { "System.Threading.Tasks.Task? pending; // <-", "NANO005", "Task" },
        { "using System.Threading.Tasks; // <-\nnamespace N { }", "NANO005", "using System.Threading.Tasks" },
        { "System.Collections.IEnumerable Nonces() { yield return 1u; } // <-", "NANO006", "iterator (`yield return`)" },
        { "unsafe void Poke(byte[] data) { } // <-", "NANO007", "unsafe code" },
        { "void Poke(byte* p) { } // <-", "NANO007", "pointer type byte*" },
        { "void Pin(byte[] data) { fixed (byte* p = data) { } } // <-", "NANO007", "fixed statement" },
        { "void Poke(int x) { int* p = &x; } // <-", "NANO007", "address-of `&x`" },
        { "uint Read(byte[] b) { return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(b); } // <-", "NANO008", "BinaryPrimitives" },
        { "using System.Buffers.Binary; // <-\nnamespace N { }", "NANO008", "using System.Buffers.Binary" },
        { "uint Rotate(uint x) { return System.Numerics.BitOperations.RotateRight(x, 7); } // <-", "NANO009", "BitOperations" },
        { "void Move(byte[] a, byte[] b) { Buffer.BlockCopy(a, 0, b, 0, 4); } // <-", "NANO010", "Buffer.BlockCopy" },
        { "bool Wide() { return System.Runtime.Intrinsics.X86.Avx2.IsSupported; } // <-", "NANO011", "Avx2" },
        { "System.Runtime.Intrinsics.Vector128<uint> lanes; // <-", "NANO011", "generic type Vector128<uint>" },
        { "int? lastNonce; // <-", "NANO012", "nullable value type int?" },
        { "Nullable<uint> best; // <-", "NANO012", "generic type Nullable<uint>" },
        { "object Count(uint[]? nonces) { return nonces?.Length; } // <-", "NANO012", "`nonces?.Length` (a null-conditional access that yields a nullable value type)" },
        { "(uint First, uint Last) Window() { return default; } // <-", "NANO013", "tuple type (uint First, uint Last)" },
        { "void Swap(ref uint a, ref uint b) { (a, b) = (b, a); } // <-", "NANO013", "tuple `(b, a)`" },
        { "public record Share(uint Nonce); // <-", "NANO014", "record Share" },
        { "uint[,] grid = new uint[4, 4]; // <-", "NANO015", "multidimensional array uint[,]" },
        { "dynamic? anything; // <-", "NANO016", "dynamic" },
        { "using System;\nnamespace IotMinerAgent.Hashing; // <-\npublic sealed class Snippet { }", "NANO017", "file-scoped namespace `namespace IotMinerAgent.Hashing;`" },
        { "public interface IEngine { int Lanes { get; } bool IsWide() { return Lanes > 1; } } // <-", "NANO018", "interface member IEngine.IsWide with a default body" },
        { "public interface IEngine { static int Count; } // <-", "NANO018", "static interface member IEngine.Count" },
        { "public uint Difficulty { get; init; } // <-", "NANO019", "init accessor of Difficulty" },
        { "byte Last(byte[] data) { return data[^1]; } // <-", "NANO020", "index from end `^1`" },
        { "byte[] Head(byte[] data) { return data[..4]; } // <-", "NANO020", "range `..4`" },
        { ModeEnum + "string Name(Mode mode) { return mode.ToString(); } // <-", "NANO021", "Mode.ToString()" },
        { ModeEnum + "string Name(Mode mode) { return $\"state {mode}\"; } // <-", "NANO021", "enum Mode in an interpolated string" },
        { ModeEnum + "string Name(Mode mode) { return \"state \" + mode; } // <-", "NANO021", "enum Mode concatenated to a string" },
        { "string Percent(double share) { return share.ToString(\"P1\"); } // <-", "NANO022", "numeric format \"P1\"" },
        { "string Rate(double hashes) { return $\"{hashes:0.00} H/s\"; } // <-", "NANO022", "numeric format \"0.00\"" },
        { "using System.Security.Cryptography; // <-\nnamespace N { }", "NANO023", "using System.Security.Cryptography" },
        { "byte[] Digest(byte[] data) { return System.Security.Cryptography.SHA256.HashData(data); } // <-", "NANO023", "SHA256" },
        { "using System.Numerics; // <-\nnamespace N { }", "NANO024", "using System.Numerics" },
        { "volatile bool stopRequested; // <-", "NANO025", "volatile stopRequested" },
    };

    [Theory]
    [MemberData(nameof(Constructs))]
    public void Forbidden_construct_is_reported_at_its_line_with_what_and_why(string code, string ruleId, string what)
    {
        string text = PortableSnippet.File(code);
        int line = PortableSnippet.MarkedLine(text);

        NanoCheckResult result = PortableSnippet.Check(text);

        PortableRule rule = typeof(PortableRules).GetFields().Select(f => (PortableRule)f.GetValue(null)!).Single(r => r.Id == ruleId);
        string expected = $"{PortableSnippet.Path}:{line}: {what} is not allowed in portable code: {rule.Why}. {rule.Fix}";
        Assert.True(
            result.RuleFindings.Any(f => f.Code == ruleId && f.ToString() == expected),
            $"Expected the finding\n  {expected}\nbut the check said:\n{result.Describe()}");
        Assert.False(result.IsClean);
    }

    [Fact]
    public void A_generic_list_reads_as_a_developer_needs_it_in_CI()
    {
        string text = PortableSnippet.InClass("        private readonly System.Collections.Generic.List<uint> _hits = new System.Collections.Generic.List<uint>();");

        string report = PortableSnippet.Check(text).Describe();

        Assert.Contains(
            "hashing-core/Portable/Snippet.cs:7: generic type List<uint> is not allowed in portable code: "
            + ".NET nanoFramework 1.x has no generics: its runtime cannot load generic types or methods (docs.nanoframework.net; tests/IotMinerAgent.NanoSurface.Tests/README.md). "
            + "Use arrays or ArrayList (mscorlib), or a small purpose-built class like NonceHits.",
            report,
            System.StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_has_a_reason_a_way_out_and_its_own_id()
    {
        PortableRule[] rules = typeof(PortableRules).GetFields().Select(f => (PortableRule)f.GetValue(null)!).ToArray();

        Assert.Equal(rules.Length, rules.Select(r => r.Id).Distinct().Count());
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Why) || string.IsNullOrWhiteSpace(r.Fix)));
        Assert.All(rules, r => Assert.Contains(r.Id, Constructs.Select(row => (string)row[1])));
    }
}
