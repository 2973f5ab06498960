using System.Management.Automation;
using System.Reflection;

namespace Veo.PowerShell.Tests.Harness;

/// <summary>
/// A cmdlet parameter as PowerShell sees it, read from the attributes' metadata (the SMA that
/// builds here has stub members, so attribute instances cannot be asked).
/// </summary>
internal sealed record CmdletParameter(PropertyInfo Property, string ParameterSet, bool Mandatory, bool FromPipeline, bool FromPipelineByPropertyName, IReadOnlyList<string> Aliases)
{
    public string Name => Property.Name;
    public Type Type => Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;
    public bool IsInSet(string? set) => set is null || ParameterSet == ParameterAttribute.AllParameterSets || ParameterSet == set;

    public static IReadOnlyList<CmdletParameter> Of(Type cmdletType) =>
        cmdletType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(p =>
            {
                var aliases = p.GetCustomAttributesData().Where(a => a.AttributeType == typeof(AliasAttribute))
                    .SelectMany(a => a.ConstructorArguments.SelectMany(Values)).OfType<string>().ToList();
                return p.GetCustomAttributesData().Where(a => a.AttributeType == typeof(ParameterAttribute))
                    .Select(a => new CmdletParameter(p,
                        Named<string>(a, nameof(ParameterAttribute.ParameterSetName)) ?? ParameterAttribute.AllParameterSets,
                        Named<bool>(a, nameof(ParameterAttribute.Mandatory)),
                        Named<bool>(a, nameof(ParameterAttribute.ValueFromPipeline)),
                        Named<bool>(a, nameof(ParameterAttribute.ValueFromPipelineByPropertyName)),
                        aliases));
            })
            .ToList();

    public static IReadOnlyList<Type> OutputTypes(Type cmdletType) =>
        cmdletType.GetCustomAttributesData().Where(a => a.AttributeType == typeof(OutputTypeAttribute))
            .SelectMany(a => a.ConstructorArguments.SelectMany(Values)).OfType<Type>().ToList();

    private static T? Named<T>(CustomAttributeData data, string name) =>
        data.NamedArguments.Where(n => n.MemberName == name).Select(n => (T?)n.TypedValue.Value).FirstOrDefault();

    private static IEnumerable<object?> Values(CustomAttributeTypedArgument argument) =>
        argument.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : new[] { argument.Value };
}
