using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IotMinerAgent.NanoSurface.Tests.Rules;

// Types as used: generic names, framework types nanoFramework lacks, nullable value types, tuples, arrays, dynamic.
internal sealed partial class PortableRuleWalker
{
    public override void VisitGenericName(GenericNameSyntax node)
    {
        PortableRule rule = ForbiddenNames.GenericTypes.GetValueOrDefault(node.Identifier.ValueText, PortableRules.Generics);
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
        else if (ForbiddenNames.Types.TryGetValue(name, out PortableRule? rule) && !IsDeclaredInSource(node))
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
}
