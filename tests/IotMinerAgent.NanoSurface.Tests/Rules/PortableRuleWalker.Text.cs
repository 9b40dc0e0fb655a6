using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IotMinerAgent.NanoSurface.Tests.Rules;

// Text the device would print wrongly: enum names and numeric formats.
internal sealed partial class PortableRuleWalker
{
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

    private void CheckNumericFormat(string format, SyntaxNode where)
    {
        if (!SupportedNumericFormat().IsMatch(format))
        {
            Report(PortableRules.NumericFormats, where, $"numeric format \"{format}\"");
        }
    }

    private static bool IsNumeric(ITypeSymbol? type)
    {
        return type?.SpecialType is SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16
            or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64
            or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double;
    }

    [GeneratedRegex(@"^([DdFfGgNnXx][0-9]{0,2})?$")]
    private static partial Regex SupportedNumericFormat();
}
