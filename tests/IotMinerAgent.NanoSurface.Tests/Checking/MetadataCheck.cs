using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using IotMinerAgent.NanoSurface.Tests.Rules;
using Microsoft.CodeAnalysis;

namespace IotMinerAgent.NanoSurface.Tests.Checking;

/// <summary>
/// Reads the emitted portable assembly the way nanoFramework's metadata processor does (it turns the .dll into the
/// .pe the nanoCLR loads) and reports what the 1.x line cannot take, naming the type and member:
/// generic type and method definitions and any generic instantiation used by a signature or an IL instruction (the
/// 1.x nanoCLR has no generics; they came with the 2.0 previews), multidimensional arrays ("not supported. Only jagged
/// arrays": docs.nanoframework.net, architecture/simplifications-and-trade-offs), pointers and function pointers
/// (no unsafe code), and P/Invoke (nanoFramework binds native code through InternalCall interop, not DllImport).
/// The syntax rules explain these in source terms; this check also catches what the compiler generates.
/// </summary>
internal static class MetadataCheck
{
    public static List<Finding> Run(byte[] image, Compilation compilation)
    {
        using PEReader pe = new(new MemoryStream(image));
        MetadataReader md = pe.GetMetadataReader();
        List<Finding> findings = [];
        ShapeProvider shapes = new(md);

        foreach (TypeDefinitionHandle typeHandle in md.TypeDefinitions)
        {
            TypeDefinition type = md.GetTypeDefinition(typeHandle);
            string typeName = FullName(md, typeHandle);
            if (typeName == "<Module>")
            {
                continue;
            }

            if (type.GetGenericParameters().Count > 0)
            {
                findings.Add(Found(compilation, typeName, null, $"type {typeName} is generic"));
            }

            foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
            {
                FieldDefinition field = md.GetFieldDefinition(fieldHandle);
                string fieldName = md.GetString(field.Name);
                Report(findings, compilation, typeName, fieldName, field.DecodeSignature(shapes, null).Problem);
            }

            foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
            {
                MethodDefinition method = md.GetMethodDefinition(methodHandle);
                string methodName = md.GetString(method.Name);
                if (method.GetGenericParameters().Count > 0)
                {
                    findings.Add(Found(compilation, typeName, methodName, $"method {typeName}.{methodName} is generic"));
                }

                if ((method.Attributes & MethodAttributes.PinvokeImpl) != 0)
                {
                    findings.Add(Found(compilation, typeName, methodName, $"method {typeName}.{methodName} is a P/Invoke (DllImport)"));
                }

                MethodSignature<Shape> signature = method.DecodeSignature(shapes, null);
                Report(findings, compilation, typeName, methodName, signature.ReturnType.Problem);
                signature.ParameterTypes.ToList().ForEach(p => Report(findings, compilation, typeName, methodName, p.Problem));
                if (method.RelativeVirtualAddress != 0)
                {
                    MethodBodyBlock body = pe.GetMethodBody(method.RelativeVirtualAddress);
                    if (!body.LocalSignature.IsNil)
                    {
                        ImmutableArray<Shape> locals = md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(shapes, null);
                        locals.ToList().ForEach(l => Report(findings, compilation, typeName, methodName, l.Problem));
                    }

                    foreach (string? use in IlTokens.Uses(body.GetILReader(), md, shapes))
                    {
                        Report(findings, compilation, typeName, methodName, use);
                    }
                }
            }
        }

        return findings.DistinctBy(f => f.ToString()).ToList();
    }

    private static void Report(List<Finding> findings, Compilation compilation, string type, string member, string? problem)
    {
        if (problem != null)
        {
            findings.Add(Found(compilation, type, member, $"{type}.{member} uses {problem}"));
        }
    }

    private static Finding Found(Compilation compilation, string type, string? member, string what)
    {
        INamedTypeSymbol? symbol = compilation.GetTypeByMetadataName(type);
        Location location = (member == null ? null : symbol?.GetMembers(member).FirstOrDefault()?.Locations.FirstOrDefault())
            ?? symbol?.Locations.FirstOrDefault()
            ?? Location.None;
        return Finding.At(location, "NANOIL", $"in the compiled assembly, {what}, which the .NET nanoFramework 1.x metadata processor and nanoCLR cannot load. "
            + "Use non-generic types (arrays, ArrayList, named delegates), jagged arrays, and no unsafe code or DllImport (see README.md, 'What to write instead').");
    }

    private static string FullName(MetadataReader md, TypeDefinitionHandle handle)
    {
        TypeDefinition type = md.GetTypeDefinition(handle);
        string name = md.GetString(type.Name);
        TypeDefinitionHandle outer = type.GetDeclaringType();
        if (!outer.IsNil)
        {
            return FullName(md, outer) + "+" + name;
        }

        string ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
