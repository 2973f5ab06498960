using System.Management.Automation;
using Veo.PowerShell.Emulation;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>The requests this session sent to its emulator, oldest first: method, path, form fields, files and JSON body.</summary>
[Cmdlet(VerbsCommon.Get, "VeoEmulatorRequest", HelpUri = HelpLinks.Base + "Get-VeoEmulatorRequest.md")]
[OutputType(typeof(VeoEmulatorRequest))]
public sealed class GetVeoEmulatorRequestCommand : VeoCmdlet
{
    /// <summary>Only requests with this method (GET, POST).</summary>
    [Parameter]
    [ValidateSet("GET", "POST", "DELETE")]
    public string? Method { get; set; }

    /// <summary>Only requests whose path matches this wildcard pattern, e.g. '/v1/videos*'.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    public string? Path { get; set; }

    protected override void EndProcessing()
    {
        var emulator = SessionEmulator.Of(Session);
        if (emulator is null)
        {
            ThrowTerminatingError(ErrorMapping.From(new EmulatorNotRunningException("Get-VeoEmulatorRequest"), null));
            return;
        }
        var pattern = Path is null ? null : WildcardPattern.Get(Path, WildcardOptions.IgnoreCase);
        foreach (var request in emulator.Emulator.Requests)
        {
            if (Method is not null && !string.Equals(request.Method, Method, StringComparison.OrdinalIgnoreCase)) continue;
            if (pattern is not null && !pattern.IsMatch(request.Path)) continue;
            Emit(new VeoEmulatorRequest(request));
        }
    }
}
