#requires -Version 7.0
<#
.SYNOPSIS
    Builds, tests, packages or demonstrates the Veo module. Thin: the work is done by dotnet.
.EXAMPLE
    ./build.ps1 Build      # lays out a loadable module in out/Veo
.EXAMPLE
    ./build.ps1 Test       # xunit suites, then the Pester suite against the emulator
.EXAMPLE
    ./build.ps1 Pester     # only the Pester suite (what .ci/run adds after dotnet test)
.EXAMPLE
    ./build.ps1 Demo       # New-VeoVideo | Wait-VeoVideo | Save-VeoVideo against the built-in emulator
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Pester', 'Package', 'Demo')]
    [string] $Task = 'Build',
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$moduleDir = Join-Path $root 'out/Veo'

function Invoke-Dotnet {
    dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

function Build-Module {
    Remove-Item $moduleDir -Recurse -Force -ErrorAction SilentlyContinue
    Invoke-Dotnet publish (Join-Path $root 'src/Veo.PowerShell/Veo.PowerShell.csproj') -c $Configuration -o $moduleDir --nologo
    Invoke-Dotnet build (Join-Path $root 'src/Veo.Emulator/Veo.Emulator.csproj') -c $Configuration --nologo
    Get-ChildItem $moduleDir -Filter '*.pdb' | Remove-Item
    Write-Host "Module laid out in $moduleDir"
}

function Start-Emulator {
    $dll = Join-Path $root "src/Veo.Emulator/bin/$Configuration/net8.0/Veo.Emulator.dll"
    $log = New-TemporaryFile
    $process = Start-Process dotnet -ArgumentList $dll, '--port', '0', '--render-seconds', '3', '--content-lag-seconds', '1' `
        -RedirectStandardOutput $log -PassThru -NoNewWindow
    $deadline = (Get-Date).AddSeconds(30)
    while ((Get-Date) -lt $deadline) {
        $line = Get-Content $log -ErrorAction SilentlyContinue | Select-String 'listening on (\S+)' | Select-Object -First 1
        if ($line) { return [pscustomobject]@{ Process = $process; BaseUri = $line.Matches[0].Groups[1].Value } }
        Start-Sleep -Milliseconds 200
    }
    throw 'The emulator did not start within 30 s.'
}

switch ($Task) {
    'Build' { Build-Module }
    { $_ -in 'Test', 'Pester' } {
        Build-Module
        if ($Task -eq 'Test') { Invoke-Dotnet test (Join-Path $root 'Veo.sln') --nologo }
        if (-not (Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0')) {
            Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser -Force -SkipPublisherCheck
        }
        $config = New-PesterConfiguration
        $config.Run.Path = Join-Path $root 'tests/pester'
        $config.Run.Exit = $true
        $config.Output.Verbosity = 'Detailed'
        Invoke-Pester -Configuration $config
    }
    'Package' {
        Build-Module
        Invoke-Dotnet pack (Join-Path $root 'packaging/Veo.Package.csproj') -c $Configuration -o (Join-Path $root 'out/package') "-p:ModuleDir=$moduleDir/" --nologo
        $nupkg = Get-ChildItem (Join-Path $root 'out/package') -Filter 'Veo.*.nupkg' | Sort-Object LastWriteTime | Select-Object -Last 1
        Write-Host "Module folder: $moduleDir"
        Write-Host "Package:       $($nupkg.FullName)  (Publish-PSResource -NupkgPath $($nupkg.FullName) -Repository PSGallery -ApiKey ...)"
    }
    'Demo' {
        Build-Module
        $emulator = Start-Emulator
        try {
            Import-Module (Join-Path $moduleDir 'Veo.psd1') -Force
            Connect-Veo -Route LaoZhang -BaseUri $emulator.BaseUri -ApiKey (ConvertTo-SecureString 'emulator-key' -AsPlainText -Force)
            Get-VeoPrice -Resolution 1080p -Compare Google | Format-Table
            'A cinematic lighthouse at sunset', 'A paper boat on a rainy street' |
                New-VeoVideo -Resolution 720p |
                Wait-VeoVideo -PollInterval 1 |
                Save-VeoVideo -Path (Join-Path $root 'out/videos') |
                Format-Table
        }
        finally {
            Stop-Process -Id $emulator.Process.Id -ErrorAction SilentlyContinue
        }
    }
}
