using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;

namespace Veo.PowerShell.Tests.Harness;

/// <summary>
/// Binds one pipeline object to a cmdlet the way PowerShell does: by value without conversion,
/// then by property name (name or alias), then by value with conversion. Parameters bound from
/// the previous object go back to their defaults first; parameters the user set stay.
/// </summary>
internal sealed class PipelineBinder
{
    private readonly object _cmdlet;
    private readonly IReadOnlyList<CmdletParameter> _parameters;
    private readonly Dictionary<PropertyInfo, object?> _defaults = new();
    private readonly HashSet<string> _explicit;
    private readonly List<CmdletParameter> _boundLastTime = new();

    public PipelineBinder(object cmdlet)
    {
        _cmdlet = cmdlet;
        _parameters = CmdletParameter.Of(cmdlet.GetType());
        var fresh = Activator.CreateInstance(cmdlet.GetType())!;
        foreach (var p in _parameters.Select(p => p.Property).Distinct()) _defaults[p] = p.GetValue(fresh);
        _explicit = new HashSet<string>(_parameters.Where(p => !Equals(p.Property.GetValue(cmdlet), _defaults[p.Property])).Select(p => p.Name));
    }

    /// <summary>Binds <paramref name="input"/>; throws when nothing binds, as PowerShell reports an input it cannot bind.</summary>
    public void Bind(object input)
    {
        foreach (var p in _boundLastTime) p.Property.SetValue(_cmdlet, _defaults[p.Property]);
        _boundLastTime.Clear();
        var candidates = _parameters.Where(p => !_explicit.Contains(p.Name)).ToList();

        var byValue = candidates.FirstOrDefault(p => p.FromPipeline && p.Type.IsInstanceOfType(input));
        if (byValue is not null)
        {
            Set(byValue, input);
            return;
        }

        var byName = candidates.Where(p => p.FromPipelineByPropertyName)
            .Select(p => (Parameter: p, Value: PropertyValue(input, p)))
            .Where(x => x.Value.Found)
            .ToList();
        var set = byName.Select(x => x.Parameter.ParameterSet).FirstOrDefault(s => s != System.Management.Automation.ParameterAttribute.AllParameterSets);
        foreach (var (parameter, value) in byName.Where(x => x.Parameter.IsInSet(set)).GroupBy(x => x.Parameter.Name).Select(g => g.First()))
            Set(parameter, Convert(value.Value, parameter.Type));
        if (byName.Count > 0) return;

        var coerced = candidates.FirstOrDefault(p => p.FromPipeline && (p.Type == typeof(string) || p.Type == typeof(string[])));
        if (coerced is null || input is not (string or ValueType))
            throw new InvalidOperationException($"The input object '{input}' ({input.GetType().Name}) binds to no parameter of {_cmdlet.GetType().Name}.");
        Set(coerced, Convert(input, coerced.Type));
    }

    private void Set(CmdletParameter parameter, object? value)
    {
        parameter.Property.SetValue(_cmdlet, value);
        _boundLastTime.Add(parameter);
    }

    private static (bool Found, object? Value) PropertyValue(object input, CmdletParameter parameter)
    {
        foreach (var name in new[] { parameter.Name }.Concat(parameter.Aliases))
        {
            if (input is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                    if (string.Equals(entry.Key.ToString(), name, StringComparison.OrdinalIgnoreCase)) return (true, entry.Value);
                continue;
            }
            var property = input.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is not null) return (true, property.GetValue(input));
        }
        return (false, null);
    }

    /// <summary>The conversions PowerShell makes for these parameter types (strings from CSV cells above all).</summary>
    private static object? Convert(object? value, Type type)
    {
        if (value is null || type.IsInstanceOfType(value)) return value;
        if (type == typeof(string[])) return value is IEnumerable e and not string ? e.Cast<object>().Select(o => o.ToString()!).ToArray() : new[] { value.ToString()! };
        if (type == typeof(Uri)) return new Uri(value.ToString()!);
        if (type == typeof(string)) return System.Convert.ToString(value, CultureInfo.InvariantCulture);
        var text = value.ToString()!;
        if (text.Length == 0 && type.IsValueType) return Activator.CreateInstance(type);
        return TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text);
    }
}
