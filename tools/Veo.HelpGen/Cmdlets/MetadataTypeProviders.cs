using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Veo.HelpGen.Cmdlets;

/// <summary>Names types met in signatures (property types) from metadata alone.</summary>
internal sealed class SignatureTypes : ISignatureTypeProvider<TypeRef, object?>
{
    public static readonly SignatureTypes Instance = new();

    // PrimitiveTypeCode's names are the System type names: Int32, String, Boolean, Object...
    public TypeRef GetPrimitiveType(PrimitiveTypeCode typeCode) => new("System." + typeCode);
    public TypeRef GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => new(MetadataNames.Of(reader, handle));
    public TypeRef GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => new(MetadataNames.Of(reader, handle));
    public TypeRef GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    public TypeRef GetSZArrayType(TypeRef elementType) => new(elementType.FullName + "[]", ElementType: elementType);
    public TypeRef GetArrayType(TypeRef elementType, ArrayShape shape) => new(elementType.FullName + "[" + new string(',', shape.Rank - 1) + "]", ElementType: elementType);
    public TypeRef GetGenericInstantiation(TypeRef genericType, ImmutableArray<TypeRef> typeArguments) => new(genericType.FullName, typeArguments);
    public TypeRef GetByReferenceType(TypeRef elementType) => elementType;
    public TypeRef GetPointerType(TypeRef elementType) => new(elementType.FullName + "*");
    public TypeRef GetPinnedType(TypeRef elementType) => elementType;
    public TypeRef GetModifiedType(TypeRef modifier, TypeRef unmodifiedType, bool isRequired) => unmodifiedType;
    public TypeRef GetFunctionPointerType(MethodSignature<TypeRef> signature) => new("System.IntPtr");
    public TypeRef GetGenericMethodParameter(object? genericContext, int index) => new("!!" + index);
    public TypeRef GetGenericTypeParameter(object? genericContext, int index) => new("!" + index);
}

/// <summary>
/// Names types met in attribute arguments. Only System.Management.Automation's attributes are decoded,
/// and every enum they take is int-based, so enums read as Int32.
/// </summary>
internal sealed class AttributeTypes : ICustomAttributeTypeProvider<string>
{
    public static readonly AttributeTypes Instance = new();

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;
    public string GetSystemType() => "System.Type";
    public string GetSZArrayType(string elementType) => elementType + "[]";
    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => MetadataNames.Of(reader, handle);
    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => MetadataNames.Of(reader, handle);
    public string GetTypeFromSerializedName(string name) => name;
    public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;
    public bool IsSystemType(string type) => type == "System.Type";
}

internal static class MetadataNames
{
    public static string Of(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil) return Of(reader, declaring) + "+" + name;
        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public static string Of(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        var name = reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference) return Of(reader, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>"Veo.Core.Tasks.VideoTask, Veo.Core, Version=..." (how typeof() is stored) without the assembly.</summary>
    public static string WithoutAssembly(string serializedName)
    {
        var depth = 0;
        for (var i = 0; i < serializedName.Length; i++)
        {
            var c = serializedName[i];
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == ',' && depth == 0) return serializedName.Substring(0, i).Trim();
        }
        return serializedName.Trim();
    }
}
