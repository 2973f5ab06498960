using System.Management.Automation;
using Veo.PowerShell.Completion;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>Lists the routes (built-in and registered), where each lives and whether a key is available.</summary>
[Cmdlet(VerbsCommon.Get, "VeoRoute")]
[OutputType(typeof(VeoRouteInfo))]
public sealed class GetVeoRouteCommand : VeoCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(RouteCompleter))]
    public string? Name { get; set; }

    protected override void EndProcessing()
    {
        try
        {
            var pattern = new WildcardPattern(string.IsNullOrWhiteSpace(Name) ? "*" : Name!, WildcardOptions.IgnoreCase);
            foreach (var route in Session.Routes.All.Where(r => Name is null || Matches(pattern, r.Name)))
                Emit(VeoRouteInfo.Of(route, Session));
        }
        catch (Exception e)
        {
            Fail(e, Name);
        }
    }

    /// <summary>WildcardPattern is PowerShell's; without a wildcard the name must match exactly.</summary>
    private bool Matches(WildcardPattern pattern, string name) =>
        WildcardPattern.ContainsWildcardCharacters(Name) ? pattern.IsMatch(name) : string.Equals(name, Name, StringComparison.OrdinalIgnoreCase);
}
