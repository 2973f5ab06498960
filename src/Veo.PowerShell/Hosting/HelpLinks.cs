namespace Veo.PowerShell.Hosting;

/// <summary>Where each cmdlet's page is read online (Get-Help -Online): its markdown source in the repository.</summary>
internal static class HelpLinks
{
    public const string Base = "https://github.com/veo-powershell/Veo/blob/main/docs/";
}
