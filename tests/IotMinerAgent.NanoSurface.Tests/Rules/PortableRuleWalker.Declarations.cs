using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IotMinerAgent.NanoSurface.Tests.Rules;

// Declarations: usings, namespaces, generic and record types, interface bodies, init accessors.
internal sealed partial class PortableRuleWalker
{
    public override void VisitUsingDirective(UsingDirectiveSyntax node)
    {
        string name = node.NamespaceOrType.ToString();
        foreach ((string forbidden, PortableRule rule) in ForbiddenNames.Namespaces)
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

    public override void VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        if (node.IsKind(SyntaxKind.InitAccessorDeclaration))
        {
            string owner = node.Parent?.Parent is PropertyDeclarationSyntax property ? property.Identifier.Text : "an indexer";
            Report(PortableRules.InitAccessors, node, $"init accessor of {owner}");
        }

        base.VisitAccessorDeclaration(node);
    }

    private void CheckGenericDeclaration(string kind, SyntaxToken identifier, TypeParameterListSyntax? typeParameters)
    {
        if (typeParameters != null)
        {
            Report(PortableRules.Generics, identifier, $"generic {kind} {identifier.Text}{typeParameters}");
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
}
