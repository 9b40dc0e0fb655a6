using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IotMinerAgent.NanoSurface.Tests.Rules;

// How code runs: async, iterators, LINQ queries, unsafe code and stack memory, index/range operators, volatile.
internal sealed partial class PortableRuleWalker
{
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

    private void CheckAsync(SyntaxTokenList modifiers, string what)
    {
        SyntaxToken async = modifiers.FirstOrDefault(m => m.IsKind(SyntaxKind.AsyncKeyword));
        if (async.IsKind(SyntaxKind.AsyncKeyword))
        {
            Report(PortableRules.Async, async, what);
        }
    }
}
