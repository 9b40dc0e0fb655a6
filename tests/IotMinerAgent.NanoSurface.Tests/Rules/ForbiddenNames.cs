using System.Collections.Generic;

namespace IotMinerAgent.NanoSurface.Tests.Rules;

/// <summary>Names of .NET namespaces and types that portable code must not use, each with the rule it breaks.</summary>
internal static class ForbiddenNames
{
    public static readonly (string Namespace, PortableRule Rule)[] Namespaces =
    [
        ("System.Linq", PortableRules.Linq),
        ("System.Collections.Generic", PortableRules.Generics),
        ("System.Collections.ObjectModel", PortableRules.Generics),
        ("System.Collections.Concurrent", PortableRules.Generics),
        ("System.Collections.Immutable", PortableRules.Generics),
        ("System.Threading.Tasks", PortableRules.Async),
        ("System.Threading.Channels", PortableRules.Async),
        ("System.Buffers.Binary", PortableRules.BinaryPrimitives),
        ("System.Runtime.Intrinsics", PortableRules.Intrinsics),
        ("System.Security.Cryptography", PortableRules.Cryptography),
        ("System.Numerics", PortableRules.MissingNamespaces),
        ("System.Buffers", PortableRules.MissingNamespaces),
        ("System.Text.Json", PortableRules.MissingNamespaces),
    ];

    public static readonly Dictionary<string, PortableRule> GenericTypes = new()
    {
        ["Span"] = PortableRules.Spans,
        ["ReadOnlySpan"] = PortableRules.Spans,
        ["Memory"] = PortableRules.Spans,
        ["ReadOnlyMemory"] = PortableRules.Spans,
        ["Task"] = PortableRules.Async,
        ["ValueTask"] = PortableRules.Async,
        ["TaskCompletionSource"] = PortableRules.Async,
        ["IAsyncEnumerable"] = PortableRules.Async,
        ["IAsyncEnumerator"] = PortableRules.Async,
        ["Nullable"] = PortableRules.NullableValueTypes,
        ["ValueTuple"] = PortableRules.Tuples,
        ["Tuple"] = PortableRules.Tuples,
        ["Func"] = PortableRules.GenericDelegates,
        ["Action"] = PortableRules.GenericDelegates,
        ["Predicate"] = PortableRules.GenericDelegates,
        ["Comparison"] = PortableRules.GenericDelegates,
        ["Converter"] = PortableRules.GenericDelegates,
        ["EventHandler"] = PortableRules.GenericDelegates,
        ["Vector"] = PortableRules.Intrinsics,
        ["Vector64"] = PortableRules.Intrinsics,
        ["Vector128"] = PortableRules.Intrinsics,
        ["Vector256"] = PortableRules.Intrinsics,
        ["Vector512"] = PortableRules.Intrinsics,
    };

    // Non-generic names of types nanoFramework lacks; only reported when the name is not declared in the portable code.
    public static readonly Dictionary<string, PortableRule> Types = new()
    {
        ["Task"] = PortableRules.Async,
        ["ValueTask"] = PortableRules.Async,
        ["BinaryPrimitives"] = PortableRules.BinaryPrimitives,
        ["BitOperations"] = PortableRules.BitOperations,
        ["Vector64"] = PortableRules.Intrinsics,
        ["Vector128"] = PortableRules.Intrinsics,
        ["Vector256"] = PortableRules.Intrinsics,
        ["Vector512"] = PortableRules.Intrinsics,
        ["Avx2"] = PortableRules.Intrinsics,
        ["Avx512F"] = PortableRules.Intrinsics,
        ["Sse2"] = PortableRules.Intrinsics,
        ["Ssse3"] = PortableRules.Intrinsics,
        ["AdvSimd"] = PortableRules.Intrinsics,
        ["SHA1"] = PortableRules.Cryptography,
        ["SHA256"] = PortableRules.Cryptography,
        ["IncrementalHash"] = PortableRules.Cryptography,
    };
}
