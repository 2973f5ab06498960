using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Veo.HelpGen.Docs;

namespace Veo.HelpGen.Cmdlets;

/// <summary>
/// Reads every cmdlet of a module assembly from its metadata ([Cmdlet], [Parameter], [Alias], [OutputType],
/// [SupportsWildcards]) without loading it: the module's System.Management.Automation is a reference
/// assembly, and the generator must not depend on what the module depends on.
/// </summary>
public static class CmdletReader
{
    private const string Sma = "System.Management.Automation";
    private static readonly HashSet<string> Wanted = new() { "CmdletAttribute", "ParameterAttribute", "AliasAttribute", "OutputTypeAttribute", "SupportsWildcardsAttribute" };

    public static IReadOnlyList<CmdletMetadata> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata) throw new BadImageFormatException($"'{assemblyPath}' is not a .NET assembly.");
        var reader = pe.GetMetadataReader();
        var cmdlets = new List<CmdletMetadata>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if ((type.Attributes & TypeAttributes.Abstract) != 0 || (type.Attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public) continue;
            var attributes = Attributes(reader, type.GetCustomAttributes()).ToList();
            var cmdlet = attributes.FirstOrDefault(a => a.Name == "CmdletAttribute");
            if (cmdlet is null) continue;

            var parameters = Parameters(reader, handle).ToList();
            var supportsShouldProcess = cmdlet.Named<bool>("SupportsShouldProcess");
            if (supportsShouldProcess)
            {
                // PowerShell adds these two to every set of a cmdlet that supports ShouldProcess.
                parameters.Add(Implicit("WhatIf", "wi"));
                parameters.Add(Implicit("Confirm", "cf"));
            }
            cmdlets.Add(new CmdletMetadata(
                (string)cmdlet.Fixed[0]!,
                (string)cmdlet.Fixed[1]!,
                MetadataNames.Of(reader, handle),
                cmdlet.Named<string>("DefaultParameterSetName"),
                supportsShouldProcess,
                parameters,
                attributes.Where(a => a.Name == "OutputTypeAttribute")
                    .SelectMany(a => a.Fixed.SelectMany(Flatten))
                    .Select(t => MetadataNames.WithoutAssembly(t?.ToString() ?? ""))
                    .Where(t => t.Length > 0)
                    .Distinct()
                    .ToList()));
        }
        return cmdlets.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static ParameterMetadata Implicit(string name, string alias) => new(
        name, new TypeRef("System.Management.Automation.SwitchParameter"), new[] { alias },
        new[] { new ParameterSetMetadata(CmdletMetadata.AllParameterSets, false, null, PipelineInput.None) }, false, IsImplicit: true);

    /// <summary>Public [Parameter] properties, the base classes' first, a redeclared one once (the most derived).</summary>
    private static IEnumerable<ParameterMetadata> Parameters(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var chain = new List<TypeDefinition>();
        for (var current = handle; ;)
        {
            var type = reader.GetTypeDefinition(current);
            chain.Insert(0, type);
            if (type.BaseType.Kind != HandleKind.TypeDefinition) break;
            current = (TypeDefinitionHandle)type.BaseType;
        }
        var byName = new Dictionary<string, ParameterMetadata>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var type in chain)
        {
            foreach (var propertyHandle in type.GetProperties())
            {
                if (Parameter(reader, reader.GetPropertyDefinition(propertyHandle)) is not { } parameter) continue;
                if (!byName.ContainsKey(parameter.Name)) order.Add(parameter.Name);
                byName[parameter.Name] = parameter;
            }
        }
        return order.Select(n => byName[n]);
    }

    private static ParameterMetadata? Parameter(MetadataReader reader, PropertyDefinition property)
    {
        var getter = property.GetAccessors().Getter;
        if (getter.IsNil) return null;
        var method = reader.GetMethodDefinition(getter);
        if ((method.Attributes & MethodAttributes.MemberAccessMask) != MethodAttributes.Public || (method.Attributes & MethodAttributes.Static) != 0) return null;
        var attributes = Attributes(reader, property.GetCustomAttributes()).ToList();
        var declarations = attributes.Where(a => a.Name == "ParameterAttribute").ToList();
        if (declarations.Count == 0) return null;

        var sets = declarations.Select(a => new ParameterSetMetadata(
            a.Named<string>("ParameterSetName") ?? CmdletMetadata.AllParameterSets,
            a.Named<bool>("Mandatory"),
            a.Named<int>("Position") is var p && a.NamedValues.ContainsKey("Position") && p >= 0 ? p : null,
            (a.Named<bool>("ValueFromPipeline") ? PipelineInput.ByValue : PipelineInput.None)
            | (a.Named<bool>("ValueFromPipelineByPropertyName") ? PipelineInput.ByPropertyName : PipelineInput.None))).ToList();
        return new ParameterMetadata(
            reader.GetString(property.Name),
            property.DecodeSignature(SignatureTypes.Instance, null).ReturnType.Unwrapped,
            attributes.Where(a => a.Name == "AliasAttribute").SelectMany(a => a.Fixed.SelectMany(Flatten)).OfType<string>().ToList(),
            sets,
            attributes.Any(a => a.Name == "SupportsWildcardsAttribute"),
            DontShow: declarations.All(a => a.Named<bool>("DontShow")));
    }

    private sealed record DecodedAttribute(string Name, IReadOnlyList<object?> Fixed, IReadOnlyDictionary<string, object?> NamedValues)
    {
        public T? Named<T>(string name) => NamedValues.TryGetValue(name, out var value) && value is T t ? t : default;
    }

    private static IEnumerable<DecodedAttribute> Attributes(MetadataReader reader, CustomAttributeHandleCollection handles)
    {
        foreach (var handle in handles)
        {
            var attribute = reader.GetCustomAttribute(handle);
            var (ns, name) = AttributeType(reader, attribute);
            if (ns != Sma || !Wanted.Contains(name)) continue;
            var value = attribute.DecodeValue(AttributeTypes.Instance);
            yield return new DecodedAttribute(
                name,
                value.FixedArguments.Select(a => a.Value).ToList(),
                value.NamedArguments.Where(a => a.Name is not null).ToDictionary(a => a.Name!, a => a.Value));
        }
    }

    private static (string Namespace, string Name) AttributeType(MetadataReader reader, CustomAttribute attribute)
    {
        var type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default(EntityHandle),
        };
        return type.Kind switch
        {
            HandleKind.TypeReference => Names(reader.GetTypeReference((TypeReferenceHandle)type).Namespace, reader.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => Names(reader.GetTypeDefinition((TypeDefinitionHandle)type).Namespace, reader.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => ("", ""),
        };

        (string, string) Names(StringHandle ns, StringHandle name) => (reader.GetString(ns), reader.GetString(name));
    }

    /// <summary>params arrays arrive as an array of typed arguments; a single value as itself.</summary>
    private static IEnumerable<object?> Flatten(object? value) =>
        value is ImmutableArray<CustomAttributeTypedArgument<string>> items ? items.Select(i => i.Value) : new[] { value };
}
