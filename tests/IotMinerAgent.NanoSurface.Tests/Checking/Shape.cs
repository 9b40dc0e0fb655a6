using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;

namespace IotMinerAgent.NanoSurface.Tests.Checking;

/// <summary>A type as a signature spells it, and what in it nanoFramework 1.x cannot load (null when nothing).</summary>
internal sealed record Shape(string Name, string? Problem)
{
    public static Shape Fine(string name) => new(name, null);
}

/// <summary>Decodes signature blobs (ECMA-335 II.23.2) into <see cref="Shape"/>s.</summary>
internal sealed class ShapeProvider(MetadataReader md) : ISignatureTypeProvider<Shape, object?>
{
    public Shape GetPrimitiveType(PrimitiveTypeCode typeCode) => Shape.Fine(typeCode.ToString());

    public Shape GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        TypeDefinition type = md.GetTypeDefinition(handle);
        return Shape.Fine(Qualified(md.GetString(type.Namespace), md.GetString(type.Name)));
    }

    public Shape GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        TypeReference type = md.GetTypeReference(handle);
        return Shape.Fine(Qualified(md.GetString(type.Namespace), md.GetString(type.Name)));
    }

    public Shape GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
    {
        return md.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }

    public Shape GetSZArrayType(Shape elementType) => elementType with { Name = elementType.Name + "[]" };

    public Shape GetArrayType(Shape elementType, ArrayShape shape)
    {
        string name = $"{elementType.Name}[{new string(',', shape.Rank - 1)}]";
        return new Shape(name, elementType.Problem ?? $"the multidimensional array {name}");
    }

    public Shape GetGenericInstantiation(Shape genericType, ImmutableArray<Shape> typeArguments)
    {
        string name = $"{genericType.Name}<{string.Join(", ", typeArguments.Select(t => t.Name))}>";
        return new Shape(name, $"the generic type {name}");
    }

    public Shape GetGenericTypeParameter(object? genericContext, int index) => new($"!{index}", $"a generic type parameter (!{index})");

    public Shape GetGenericMethodParameter(object? genericContext, int index) => new($"!!{index}", $"a generic method parameter (!!{index})");

    public Shape GetPointerType(Shape elementType) => new(elementType.Name + "*", $"the pointer type {elementType.Name}*");

    public Shape GetByReferenceType(Shape elementType) => elementType with { Name = elementType.Name + "&" };

    public Shape GetFunctionPointerType(MethodSignature<Shape> signature) => new("delegate*", "a function pointer");

    public Shape GetModifiedType(Shape modifier, Shape unmodifiedType, bool isRequired) => unmodifiedType;

    public Shape GetPinnedType(Shape elementType) => new(elementType.Name + " pinned", $"a pinned local ({elementType.Name})");

    private static string Qualified(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
}
