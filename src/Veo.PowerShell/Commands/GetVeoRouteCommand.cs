using System.Management.Automation;
using Veo.PowerShell.Completion;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>Lists the routes (built-in and registered), where each lives and whether a key is available.</summary>
[Cmdlet(VerbsCommon.Get, "VeoRoute", HelpUri = HelpLinks.Base + "Get-VeoRoute.md")]
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
            var routes = Session.Routes.All;
            var matching = routes.Where(r => Name is null || Matches(pattern, r.Name)).ToList();
            // As Get-Item does: a name without wildcards that matches nothing is an error; a pattern may match nothing.
            if (matching.Count == 0 && !string.IsNullOrWhiteSpace(Name) && !WildcardPattern.ContainsWildcardCharacters(Name))
                throw new KeyNotFoundException($"There is no route named '{Name}'. Known routes: {string.Join(", ", routes.Select(r => r.Name))}.");
            foreach (var route in matching) Emit(VeoRouteInfo.Of(route, Session));
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            Fail(e, Name);
        }
    }

    /// <summary>WildcardPattern is PowerShell's; without a wildcard the name must match exactly.</summary>
    private bool Matches(WildcardPattern pattern, string name) =>
        WildcardPattern.ContainsWildcardCharacters(Name) ? pattern.IsMatch(name) : string.Equals(name, Name, StringComparison.OrdinalIgnoreCase);
}
