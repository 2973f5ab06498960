using System.Collections;
using System.Management.Automation;
using System.Reflection;
using Veo.Emulator;

namespace Veo.PowerShell.Emulation;

/// <summary>
/// Start-VeoEmulator -Option: sets EmulatorOptions properties by name, so an option the emulator gains is usable from
/// PowerShell with no change here. Seconds may be given as numbers for TimeSpan options.
/// </summary>
internal static class EmulatorOptionTable
{
    // Chosen by Start-VeoEmulator itself: the key is made per emulator and nothing listens on a port.
    private static readonly string[] Reserved = [nameof(EmulatorOptions.ApiKey), nameof(EmulatorOptions.Port)];

    public static IEnumerable<string> Names => Settable().Select(p => p.Name);

    public static void Apply(EmulatorOptions options, Hashtable? values)
    {
        if (values is null) return;
        foreach (DictionaryEntry entry in values)
        {
            var name = entry.Key?.ToString() ?? "";
            var property = Settable().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"'{name}' is not an emulator option; use one of {string.Join(", ", Names)}.");
            property.SetValue(options, Convert(entry.Value, property.PropertyType, property.Name));
        }
    }

    private static IEnumerable<PropertyInfo> Settable() =>
        typeof(EmulatorOptions).GetProperties().Where(p => p.CanWrite && !Reserved.Contains(p.Name));

    private static object? Convert(object? value, Type type, string name)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var raw = value is PSObject wrapped ? wrapped.BaseObject : value;
        try
        {
            if (target == typeof(TimeSpan) && raw is not TimeSpan and not string)
                return TimeSpan.FromSeconds(LanguagePrimitives.ConvertTo<double>(raw));
            // A list of ids (RetiredModels, AddedGatewayModels): one string or several, as PowerShell passes them.
            if (target == typeof(IReadOnlyList<string>)) return raw is null ? Array.Empty<string>() : LanguagePrimitives.ConvertTo<string[]>(raw);
            return raw is null ? null : LanguagePrimitives.ConvertTo(raw, target);
        }
        catch (Exception e) when (e is PSInvalidCastException or InvalidCastException or FormatException or OverflowException)
        {
            throw new ArgumentException($"The emulator option {name} takes a {target.Name}; '{raw}' is not one.", e);
        }
    }
}
