using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace IotMinerAgent.NanoSurface.Tests.Checking;

/// <summary>
/// Walks a method body's IL (ECMA-335 III) and yields, for each instruction whose token operand names something
/// nanoFramework 1.x cannot load, what it is: a generic instantiation (TypeSpec, MethodSpec, or a member of a
/// generic type), or an indirect call through a function pointer.
/// </summary>
internal static class IlTokens
{
    private static readonly Dictionary<ushort, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(op => (ushort)op.Value, op => op.OperandType);

    public static IEnumerable<string?> Uses(BlobReader il, MetadataReader md, ShapeProvider shapes)
    {
        while (il.RemainingBytes > 0)
        {
            ushort code = il.ReadByte();
            if (code == 0xFE)
            {
                code = (ushort)(0xFE00 | il.ReadByte());
            }

            OperandType operand = Operands[code];
            switch (operand)
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                case OperandType.InlineSig:
                    yield return Problem(MetadataTokens.EntityHandle(il.ReadInt32()), md, shapes);
                    break;
                case OperandType.InlineSwitch:
                    int targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                default:
                    il.Offset += Size(operand);
                    break;
            }
        }
    }

    private static string? Problem(EntityHandle handle, MetadataReader md, ShapeProvider shapes)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeSpecification:
                return md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(shapes, null).Problem;
            case HandleKind.MethodSpecification:
                MethodSpecification spec = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                return $"the generic method instantiation {Name(spec.Method, md, shapes)}<{string.Join(", ", spec.DecodeSignature(shapes, null).Select(t => t.Name))}>";
            case HandleKind.MemberReference:
                MemberReference member = md.GetMemberReference((MemberReferenceHandle)handle);
                return member.Parent.Kind == HandleKind.TypeSpecification
                    ? Problem(member.Parent, md, shapes) is string parent ? $"{parent} (member {md.GetString(member.Name)})" : null
                    : null;
            case HandleKind.StandaloneSignature:
                return "an indirect call (calli) through a function pointer";
            default:
                return null;
        }
    }

    private static string Name(EntityHandle method, MetadataReader md, ShapeProvider shapes)
    {
        return method.Kind switch
        {
            HandleKind.MethodDefinition => md.GetString(md.GetMethodDefinition((MethodDefinitionHandle)method).Name),
            HandleKind.MemberReference => md.GetString(md.GetMemberReference((MemberReferenceHandle)method).Name),
            _ => method.Kind.ToString(),
        };
    }

    private static int Size(OperandType operand)
    {
        return operand switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            _ => 4,
        };
    }
}
