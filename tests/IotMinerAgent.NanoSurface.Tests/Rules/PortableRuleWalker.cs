using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IotMinerAgent.NanoSurface.Tests.Rules;

/// <summary>
/// Walks portable sources and reports every construct .NET nanoFramework 1.x cannot run (see <see cref="PortableRules"/>).
/// Mostly syntactic, so it explains a construct even where the nanoFramework compile fails to bind it; the semantic
/// model is used where the syntax alone is ambiguous (is <c>X?</c> a value type, is this receiver an enum).
/// </summary>
internal sealed partial class PortableRuleWalker : CSharpSyntaxWalker
{
    private static readonly (string Namespace, PortableRule Rule)[] ForbiddenNamespaces =
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

    private static readonly Dictionary<string, PortableRule> GenericNameRules = new()
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
    private static readonly Dictionary<string, PortableRule> TypeNameRules = new()
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

    private readonly SemanticModel _model;
    private readonly List<Finding> _findings;
    private readonly HashSet<SyntaxNode> _iteratorsReported = [];

    private PortableRuleWalker(SemanticModel model, List<Finding> findings)
        : base(SyntaxWalkerDepth.Token)
    {
        _model = model;
        _findings = findings;
    }

    /// <summary>Every rule broken in the compilation's sources, in source order per file.</summary>
    public static IReadOnlyList<Finding> Check(Compilation compilation)
    {
        List<Finding> findings = [];
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            new PortableRuleWalker(compilation.GetSemanticModel(tree), findings).Visit(tree.GetRoot());
        }

        return findings;
    }

    public override void VisitUsingDirective(UsingDirectiveSyntax node)
    {
        string name = node.NamespaceOrType.ToString();
        foreach ((string forbidden, PortableRule rule) in ForbiddenNamespaces)
        {
            if (name == forbidden || name.StartsWith(forbidden + ".", System.StringComparison.Ordinal))
            {
                Report(rule, node, node.ToString().TrimEnd(';', ' '));
                return;
            }
        }

        base.VisitUsingDirective(node);
    }

    public override void VisitFileScopedNamespaceDeclaration(FileScopedNamespaceDeclarationSyntax node)
    {
        Report(PortableRules.FileScopedNamespaces, node.NamespaceKeyword, $"file-scoped namespace `namespace {node.Name};`");
        base.VisitFileScopedNamespaceDeclaration(node);
    }

    public override void VisitClassDeclaration(ClassDeclarationSyntax node)
    {
        CheckGenericDeclaration(node.Keyword.Text, node.Identifier, node.TypeParameterList);
        base.VisitClassDeclaration(node);
    }

    public override void VisitStructDeclaration(StructDeclarationSyntax node)
    {
        CheckGenericDeclaration(node.Keyword.Text, node.Identifier, node.TypeParameterList);
        base.VisitStructDeclaration(node);
    }

    public override void VisitRecordDeclaration(RecordDeclarationSyntax node)
    {
        Report(PortableRules.Records, node.Keyword, $"record {node.Identifier.Text}");
        CheckGenericDeclaration("record", node.Identifier, node.TypeParameterList);
        base.VisitRecordDeclaration(node);
    }

    public override void VisitInterfaceDeclaration(InterfaceDeclarationSyntax node)
    {
        CheckGenericDeclaration(node.Keyword.Text, node.Identifier, node.TypeParameterList);
        foreach (MemberDeclarationSyntax member in node.Members)
        {
            CheckInterfaceMember(node.Identifier.Text, member);
        }

        base.VisitInterfaceDeclaration(node);
    }

    public override void VisitDelegateDeclaration(DelegateDeclarationSyntax node)
    {
        CheckGenericDeclaration("delegate", node.Identifier, node.TypeParameterList);
        base.VisitDelegateDeclaration(node);
    }

    public override void VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        CheckGenericDeclaration("method", node.Identifier, node.TypeParameterList);
        CheckAsync(node.Modifiers, $"async method {node.Identifier.Text}");
        base.VisitMethodDeclaration(node);
    }

    public override void VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        CheckGenericDeclaration("local function", node.Identifier, node.TypeParameterList);
        CheckAsync(node.Modifiers, $"async local function {node.Identifier.Text}");
        base.VisitLocalFunctionStatement(node);
    }

    public override void VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        CheckAsync(node.Modifiers, "async lambda");
        base.VisitParenthesizedLambdaExpression(node);
    }

    public override void VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        CheckAsync(node.Modifiers, "async lambda");
        base.VisitSimpleLambdaExpression(node);
    }

    public override void VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        CheckAsync(node.Modifiers, "async anonymous method");
        base.VisitAnonymousMethodExpression(node);
    }

    public override void VisitAwaitExpression(AwaitExpressionSyntax node)
    {
        Report(PortableRules.Async, node, $"`{Snippet(node)}`");
        base.VisitAwaitExpression(node);
    }

    public override void VisitGenericName(GenericNameSyntax node)
    {
        PortableRule rule = GenericNameRules.GetValueOrDefault(node.Identifier.ValueText, PortableRules.Generics);
        SyntaxNode? call = CalledExpression(node);
        string what = call != null ? $"generic method call {Snippet(call)}"
            : rule == PortableRules.GenericDelegates ? $"generic delegate {Snippet(node)}"
            : $"generic type {Snippet(node)}";
        Report(rule, WrittenName(node), what);

        // The type arguments are not visited: List<Span<byte>> is one problem, reported once.
    }

    public override void VisitIdentifierName(IdentifierNameSyntax node)
    {
        string name = node.Identifier.ValueText;
        if (name == "dynamic" && _model.GetTypeInfo(node).Type?.TypeKind == TypeKind.Dynamic)
        {
            Report(PortableRules.Dynamic, node, "dynamic");
        }
        else if (TypeNameRules.TryGetValue(name, out PortableRule? rule) && !IsDeclaredInSource(node))
        {
            Report(rule, node, name);
        }

        base.VisitIdentifierName(node);
    }

    public override void VisitMemberAccessExpression(MemberAccessExpressionSyntax node)
    {
        string member = node.Name.Identifier.ValueText;
        if (node.IsKind(SyntaxKind.PointerMemberAccessExpression))
        {
            Report(PortableRules.Unsafe, node, $"pointer member access `{Snippet(node)}`");
        }
        else if (IsUndeclaredName(node.Expression, "Buffer"))
        {
            Report(PortableRules.BufferBlockCopy, node, $"Buffer.{member}");
        }
        else if ((member == "AsSpan" || member == "AsMemory") && !IsDeclaredInSource(node.Name))
        {
            Report(PortableRules.Spans, node, $"{member}()");
        }

        base.VisitMemberAccessExpression(node);
    }

    public override void VisitNullableType(NullableTypeSyntax node)
    {
        if (_model.GetTypeInfo(node.ElementType).Type is { IsValueType: true })
        {
            Report(PortableRules.NullableValueTypes, node, $"nullable value type {node}");
        }

        base.VisitNullableType(node);
    }

    public override void VisitConditionalAccessExpression(ConditionalAccessExpressionSyntax node)
    {
        if (IsNullableValueType(_model.GetTypeInfo(node).Type))
        {
            Report(PortableRules.NullableValueTypes, node, $"`{Snippet(node)}` (a null-conditional access that yields a nullable value type)");
        }

        base.VisitConditionalAccessExpression(node);
    }

    public override void VisitTupleType(TupleTypeSyntax node)
    {
        Report(PortableRules.Tuples, node, $"tuple type {Snippet(node)}");
        base.VisitTupleType(node);
    }

    public override void VisitTupleExpression(TupleExpressionSyntax node)
    {
        Report(PortableRules.Tuples, node, $"tuple `{Snippet(node)}`");
        base.VisitTupleExpression(node);
    }

    public override void VisitParenthesizedVariableDesignation(ParenthesizedVariableDesignationSyntax node)
    {
        Report(PortableRules.Tuples, node, $"deconstruction into `{Snippet(node)}`");
        base.VisitParenthesizedVariableDesignation(node);
    }

    public override void VisitArrayRankSpecifier(ArrayRankSpecifierSyntax node)
    {
        if (node.Rank > 1)
        {
            Report(PortableRules.MultidimensionalArrays, node, $"multidimensional array {Snippet(node.Parent ?? node)}");
        }

        base.VisitArrayRankSpecifier(node);
    }

    public override void VisitQueryExpression(QueryExpressionSyntax node)
    {
        Report(PortableRules.Linq, node, "LINQ query expression");
        base.VisitQueryExpression(node);
    }

    public override void VisitYieldStatement(YieldStatementSyntax node)
    {
        SyntaxNode? body = node.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax);
        if (body != null && _iteratorsReported.Add(body))
        {
            Report(PortableRules.Iterators, node, $"iterator (`yield {node.ReturnOrBreakKeyword.Text}`)");
        }

        base.VisitYieldStatement(node);
    }

    public override void VisitToken(SyntaxToken token)
    {
        switch (token.Kind())
        {
            case SyntaxKind.VolatileKeyword:
                string fields = token.Parent is FieldDeclarationSyntax field
                    ? string.Join(", ", field.Declaration.Variables.Select(v => v.Identifier.Text))
                    : "field";
                Report(PortableRules.VolatileFields, token, $"volatile {fields}");
                break;
            case SyntaxKind.UnsafeKeyword:
                Report(PortableRules.Unsafe, token, "unsafe code");
                break;
            case SyntaxKind.FixedKeyword:
                Report(PortableRules.Unsafe, token, token.Parent is FixedStatementSyntax ? "fixed statement" : "fixed-size buffer");
                break;
            case SyntaxKind.StackAllocKeyword:
                Report(PortableRules.Spans, token, "stackalloc");
                break;
        }

        base.VisitToken(token);
    }

    public override void VisitPointerType(PointerTypeSyntax node)
    {
        Report(PortableRules.Unsafe, node, $"pointer type {node}");
        base.VisitPointerType(node);
    }

    public override void VisitFunctionPointerType(FunctionPointerTypeSyntax node)
    {
        Report(PortableRules.Unsafe, node, $"function pointer {Snippet(node)}");
        base.VisitFunctionPointerType(node);
    }

    public override void VisitPrefixUnaryExpression(PrefixUnaryExpressionSyntax node)
    {
        switch (node.Kind())
        {
            case SyntaxKind.AddressOfExpression:
                Report(PortableRules.Unsafe, node, $"address-of `{Snippet(node)}`");
                break;
            case SyntaxKind.PointerIndirectionExpression:
                Report(PortableRules.Unsafe, node, $"pointer dereference `{Snippet(node)}`");
                break;
            case SyntaxKind.IndexExpression:
                Report(PortableRules.IndexAndRange, node, $"index from end `{Snippet(node)}`");
                break;
        }

        base.VisitPrefixUnaryExpression(node);
    }

    public override void VisitRangeExpression(RangeExpressionSyntax node)
    {
        Report(PortableRules.IndexAndRange, node, $"range `{Snippet(node)}`");
        base.VisitRangeExpression(node);
    }

    public override void VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        if (node.IsKind(SyntaxKind.InitAccessorDeclaration))
        {
            string owner = node.Parent?.Parent is PropertyDeclarationSyntax property ? property.Identifier.Text : "an indexer";
            Report(PortableRules.InitAccessors, node, $"init accessor of {owner}");
        }

        base.VisitAccessorDeclaration(node);
    }

    public override void VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        if (node.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" } toString)
        {
            ITypeSymbol? receiver = _model.GetTypeInfo(toString.Expression).Type;
            if (receiver?.TypeKind == TypeKind.Enum)
            {
                Report(PortableRules.EnumToString, node, $"{receiver.Name}.ToString()");
            }
            else if (IsNumeric(receiver) && node.ArgumentList.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax format
                && format.IsKind(SyntaxKind.StringLiteralExpression))
            {
                CheckNumericFormat(format.Token.ValueText, format);
            }
        }

        base.VisitInvocationExpression(node);
    }

    public override void VisitInterpolation(InterpolationSyntax node)
    {
        ITypeSymbol? type = _model.GetTypeInfo(node.Expression).Type;
        if (type?.TypeKind == TypeKind.Enum)
        {
            Report(PortableRules.EnumToString, node, $"enum {type.Name} in an interpolated string");
        }
        else if (IsNumeric(type) && node.FormatClause != null)
        {
            CheckNumericFormat(node.FormatClause.FormatStringToken.ValueText, node.FormatClause);
        }

        base.VisitInterpolation(node);
    }

    public override void VisitBinaryExpression(BinaryExpressionSyntax node)
    {
        if (node.IsKind(SyntaxKind.AddExpression) && _model.GetTypeInfo(node).Type?.SpecialType == SpecialType.System_String)
        {
            foreach (ExpressionSyntax operand in new[] { node.Left, node.Right })
            {
                if (_model.GetTypeInfo(operand).Type is { TypeKind: TypeKind.Enum } type)
                {
                    Report(PortableRules.EnumToString, operand, $"enum {type.Name} concatenated to a string");
                }
            }
        }

        base.VisitBinaryExpression(node);
    }

    private void CheckGenericDeclaration(string kind, SyntaxToken identifier, TypeParameterListSyntax? typeParameters)
    {
        if (typeParameters != null)
        {
            Report(PortableRules.Generics, identifier, $"generic {kind} {identifier.Text}{typeParameters}");
        }
    }

    private void CheckAsync(SyntaxTokenList modifiers, string what)
    {
        SyntaxToken async = modifiers.FirstOrDefault(m => m.IsKind(SyntaxKind.AsyncKeyword));
        if (async.IsKind(SyntaxKind.AsyncKeyword))
        {
            Report(PortableRules.Async, async, what);
        }
    }

    private void CheckInterfaceMember(string interfaceName, MemberDeclarationSyntax member)
    {
        bool isStatic = member.Modifiers.Any(SyntaxKind.StaticKeyword);
        bool hasBody = member switch
        {
            BaseMethodDeclarationSyntax method => method.Body != null || method.ExpressionBody != null,
            PropertyDeclarationSyntax property => property.ExpressionBody != null || HasAccessorBodies(property.AccessorList),
            IndexerDeclarationSyntax indexer => indexer.ExpressionBody != null || HasAccessorBodies(indexer.AccessorList),
            EventDeclarationSyntax => true,
            _ => false,
        };
        if (isStatic || hasBody)
        {
            string name = $"{interfaceName}.{MemberName(member)}";
            Report(PortableRules.DefaultInterfaceMembers, member, isStatic ? $"static interface member {name}" : $"interface member {name} with a default body");
        }
    }

    private static bool HasAccessorBodies(AccessorListSyntax? accessors)
    {
        return accessors != null && accessors.Accessors.Any(a => a.Body != null || a.ExpressionBody != null);
    }

    private static string MemberName(MemberDeclarationSyntax member)
    {
        return member switch
        {
            MethodDeclarationSyntax method => method.Identifier.Text,
            PropertyDeclarationSyntax property => property.Identifier.Text,
            EventDeclarationSyntax @event => @event.Identifier.Text,
            FieldDeclarationSyntax field => string.Join(", ", field.Declaration.Variables.Select(v => v.Identifier.Text)),
            IndexerDeclarationSyntax => "this[]",
            _ => member.Kind().ToString(),
        };
    }

    private void CheckNumericFormat(string format, SyntaxNode where)
    {
        if (!SupportedNumericFormat().IsMatch(format))
        {
            Report(PortableRules.NumericFormats, where, $"numeric format \"{format}\"");
        }
    }

    private bool IsDeclaredInSource(SyntaxNode node)
    {
        SymbolInfo info = _model.GetSymbolInfo(node);
        ISymbol? symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        return symbol != null && symbol.Locations.Any(l => l.IsInSource);
    }

    private bool IsUndeclaredName(ExpressionSyntax expression, string name)
    {
        SimpleNameSyntax? simple = expression switch
        {
            IdentifierNameSyntax identifier => identifier,
            MemberAccessExpressionSyntax access => access.Name,
            _ => null,
        };
        return simple != null && simple.Identifier.ValueText == name && !IsDeclaredInSource(expression);
    }

    private static SyntaxNode? CalledExpression(GenericNameSyntax name)
    {
        if (name.Parent is InvocationExpressionSyntax direct && direct.Expression == name)
        {
            return name;
        }

        if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name
            && access.Parent is InvocationExpressionSyntax call && call.Expression == access)
        {
            return access;
        }

        return null;
    }

    // System.Collections.Generic.List<int> as written: the compiler's complaint is about "Generic", left of List<int>.
    private static SyntaxNode WrittenName(SimpleNameSyntax name)
    {
        SyntaxNode written = name;
        while (written.Parent is QualifiedNameSyntax qualified && qualified.Right == written)
        {
            written = qualified;
        }

        return written;
    }

    private static bool IsNullableValueType(ITypeSymbol? type)
    {
        return type is INamedTypeSymbol { Arity: 1 } named
            && (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || named.Name == "Nullable");
    }

    private static bool IsNumeric(ITypeSymbol? type)
    {
        return type?.SpecialType is SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16
            or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64
            or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double;
    }

    private static string Snippet(SyntaxNode node)
    {
        string text = Whitespace().Replace(node.ToString(), " ");
        return text.Length <= 60 ? text : text[..57] + "...";
    }

    private void Report(PortableRule rule, SyntaxNode node, string what)
    {
        _findings.Add(Finding.Broken(rule, node.GetLocation(), what));
    }

    private void Report(PortableRule rule, SyntaxToken token, string what)
    {
        _findings.Add(Finding.Broken(rule, token.GetLocation(), what));
    }

    [GeneratedRegex(@"^([DdFfGgNnXx][0-9]{0,2})?$")]
    private static partial Regex SupportedNumericFormat();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
