using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace IotMinerAgent.NanoSurface.Tests.Api;

/// <summary>
/// An assembly's public API as text lines, in the shape of Roslyn's PublicApiAnalyzers <c>PublicAPI.Shipped.txt</c>
/// (one member a line: <c>static System.Math.Abs(double) -> double</c>), so a model and a real library compare line by
/// line. Parameter names are left out: what a call binds to is the parameter types. Overrides, nullable annotations
/// and default values are left out too: none changes whether a call compiles. Shared with tools/nano-baselines.
/// </summary>
internal static class ApiListing
{
    private static readonly SymbolDisplayFormat TypeFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>Every public (or protected) type and member of <paramref name="assembly"/>, sorted ordinally.</summary>
    public static List<string> Lines(IAssemblySymbol assembly)
    {
        List<string> lines = [];
        foreach (INamedTypeSymbol type in PublicTypes(assembly.GlobalNamespace))
        {
            lines.Add(Type(type));
            if (type.TypeKind == TypeKind.Delegate)
            {
                lines.Add(Method(type.DelegateInvokeMethod!));
                continue;
            }

            foreach (ISymbol member in type.GetMembers().Where(IsVisible))
            {
                string? line = Member(member);
                if (line != null)
                {
                    lines.AddRange(line.Split('\n'));
                }
            }
        }

        lines.Sort(System.StringComparer.Ordinal);
        return lines.Distinct(System.StringComparer.Ordinal).ToList();
    }

    /// <summary>The part of a line a reader searches for: the member's full name, without its signature.</summary>
    public static string NameOf(string line)
    {
        string text = line.StartsWith("static ", System.StringComparison.Ordinal) ? line["static ".Length..]
            : line.StartsWith("const ", System.StringComparison.Ordinal) ? line["const ".Length..]
            : line.StartsWith("event ", System.StringComparison.Ordinal) ? line["event ".Length..]
            : line;
        int end = text.IndexOfAny(['(', '[', ' ']);
        text = end < 0 ? text : text[..end];
        return text.EndsWith(".get", System.StringComparison.Ordinal) || text.EndsWith(".set", System.StringComparison.Ordinal) ? text[..^4] : text;
    }

    /// <summary>How a type is written in a listing (full name, keywords for special types).</summary>
    public static string Type(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    private static IEnumerable<INamedTypeSymbol> PublicTypes(INamespaceSymbol ns)
    {
        foreach (INamedTypeSymbol type in ns.GetTypeMembers().SelectMany(Nested).Where(t => IsVisibleType(t)))
        {
            yield return type;
        }

        foreach (INamedTypeSymbol type in ns.GetNamespaceMembers().SelectMany(PublicTypes))
        {
            yield return type;
        }
    }

    private static IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol type)
    {
        return type.GetTypeMembers().SelectMany(Nested).Prepend(type);
    }

    private static bool IsVisibleType(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t != null; t = t.ContainingType)
        {
            if (!IsVisibleAccess(t.DeclaredAccessibility))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVisibleAccess(Accessibility access)
    {
        return access is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal;
    }

    private static bool IsVisible(ISymbol member)
    {
        return IsVisibleAccess(member.DeclaredAccessibility) && !member.IsOverride && member is not INamedTypeSymbol;
    }

    private static string? Member(ISymbol member)
    {
        string owner = Type(member.ContainingType);
        string prefix = member.IsStatic && member is not IFieldSymbol { IsConst: true } ? "static " : string.Empty;
        switch (member)
        {
            case IMethodSymbol method when method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor
                or MethodKind.UserDefinedOperator or MethodKind.Conversion:
                if (method.MethodKind == MethodKind.Constructor && (method.IsStatic
                    || (method.ContainingType.IsValueType && method.Parameters.Length == 0)))
                {
                    return null;
                }

                return Method(method);
            case IPropertySymbol property:
                string name = property.IsIndexer ? $"this[{Parameters(property.Parameters)}]" : property.Name;
                List<string> accessors = [];
                if (property.GetMethod != null && IsVisibleAccess(property.GetMethod.DeclaredAccessibility))
                {
                    accessors.Add($"{prefix}{owner}.{name}.get -> {Type(property.Type)}");
                }

                if (property.SetMethod != null && IsVisibleAccess(property.SetMethod.DeclaredAccessibility))
                {
                    accessors.Add($"{prefix}{owner}.{name}.set -> void");
                }

                return accessors.Count == 0 ? null : string.Join("\n", accessors);
            case IFieldSymbol field:
                string kind = field.IsConst && field.ContainingType.TypeKind != TypeKind.Enum ? "const " : prefix;
                return field.ContainingType.TypeKind == TypeKind.Enum ? $"{owner}.{field.Name} -> {owner}" : $"{kind}{owner}.{field.Name} -> {Type(field.Type)}";
            case IEventSymbol @event:
                return $"event {prefix}{owner}.{@event.Name} -> {Type(@event.Type)}";
            default:
                return null;
        }
    }

    private static string Method(IMethodSymbol method)
    {
        string prefix = method.IsStatic ? "static " : string.Empty;
        string owner = Type(method.ContainingType);
        string name = method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name;
        string typeParameters = method.IsGenericMethod ? "<" + string.Join(", ", method.TypeParameters.Select(t => t.Name)) + ">" : string.Empty;
        string returns = method.MethodKind == MethodKind.Constructor ? "void" : Type(method.ReturnType);
        return $"{prefix}{owner}.{name}{typeParameters}({Parameters(method.Parameters)}) -> {returns}";
    }

    private static string Parameters(IEnumerable<IParameterSymbol> parameters)
    {
        return string.Join(", ", parameters.Select(p => p.RefKind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.In => "in ",
            _ => p.IsParams ? "params " : string.Empty,
        } + Type(p.Type)));
    }
}
