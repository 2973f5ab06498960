# ModuleVersion is the module's one version: Directory.Build.props gives it to every assembly, build.ps1 checks they agree.
@{
    RootModule           = 'Veo.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0c6a0e-5b53-4d9e-9a57-2f0f2d1f4c11'
    Author               = 'Veo contributors'
    CompanyName          = 'Veo contributors'
    Copyright            = '(c) Veo contributors. MIT License.'
    Description          = "Google's Veo 3.1 video model as pipeline-friendly cmdlets: New-VeoVideo | Wait-VeoVideo | Save-VeoVideo through OpenAI-Videos gateways (LaoZhang), unified-video gateways (Crazyrouter) or the Gemini API, with prices known before anything is spent."
    PowerShellVersion    = '5.1'
    # Windows PowerShell: netstandard2.0 with System.Text.Json 8 wants .NET Framework 4.7.2 (4.6.1 lacks netstandard's facades).
    DotNetFrameworkVersion = '4.7.2'
    CompatiblePSEditions = @('Desktop', 'Core')
    # First, before PowerShell reads the cmdlets: it tells .NET where Veo's dependencies are (src/Veo.PowerShell.Loader).
    NestedModules        = @('Veo.PowerShell.Loader.dll')
    FormatsToProcess     = @('Veo.format.ps1xml')
    CmdletsToExport      = @('New-VeoVideo', 'Wait-VeoVideo', 'Save-VeoVideo', 'Get-VeoPrice', 'Connect-Veo', 'Get-VeoRoute', 'Register-VeoRoute', 'Unregister-VeoRoute', 'Get-VeoModel', 'Get-VeoVideo', 'Stop-VeoVideo', 'Confirm-VeoCreate', 'Export-VeoReport', 'Get-VeoSpend', 'Start-VeoEmulator', 'Stop-VeoEmulator', 'Get-VeoEmulatorRequest', 'Add-VeoEmulatorFault')
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Veo', 'Video', 'AI', 'Gemini', 'Google', 'GenerativeAI', 'PSEdition_Core', 'PSEdition_Desktop')
            ProjectUri   = 'https://github.com/veo-powershell/Veo'
            LicenseUri   = 'https://github.com/veo-powershell/Veo/blob/main/LICENSE'
            ReleaseNotes = '0.1.0: first release. Text, image, first/last-frame and reference-image video on LaoZhang (OpenAI-Videos), Crazyrouter (unified video) and Google (Gemini API); price book, spending caps, task journal, per-runspace sessions, Get-Help for every cmdlet and about_Veo. Full list: https://github.com/veo-powershell/Veo/blob/main/CHANGELOG.md'
        }
    }
}
