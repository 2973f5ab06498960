#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Another module's versions of Veo's dependencies never reach Veo on PowerShell 7: Veo's own load in an
# AssemblyLoadContext of their own (src/Veo.PowerShell/Hosting/DependencyIsolation.cs).
# Each case runs in a fresh pwsh, because what matters is what was loaded before Veo was imported.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VeoTestSupport.psm1') -Force
    $emulator = Start-TestEmulator
    # Polly.Core 8.1.0 (tools/pester restores it): the same assembly version as Veo's 8.4.2 (8.0.0.0), older code.
    $globalPackages = ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    $otherPolly = Join-Path $globalPackages 'polly.core/8.1.0/lib/netstandard2.0/Polly.Core.dll'

    # Loads $First, imports Veo, makes a video on the emulator, loads $After, and says which copy of each dependency is
    # in use.
    $script = {
        param($First, $After, $Manifest, $BaseUri, $Key, $Out)
        $ErrorActionPreference = 'Stop'
        if ($First) { Add-Type -Path $First }
        $null = [System.Text.Json.JsonDocument]::Parse('{}')   # the runtime's System.Text.Json, in use before Veo
        Import-Module $Manifest
        $env:VEO_HOME = Join-Path $Out 'home'
        Connect-Veo -Route LaoZhang -BaseUri $BaseUri -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) | Out-Null
        $file = New-VeoVideo -Prompt 'A lighthouse at dusk' | Wait-VeoVideo -PollInterval 1 | Save-VeoVideo -Path $Out
        if ($After) { Add-Type -Path $After }
        $loaded = foreach ($assembly in [AppDomain]::CurrentDomain.GetAssemblies()) {
            if ($assembly.GetName().Name -in 'Polly.Core', 'Veo.Core', 'System.Text.Json') {
                [pscustomobject]@{
                    Name     = $assembly.GetName().Name
                    Location = $assembly.Location
                    Context  = [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).GetType().Name
                }
            }
        }
        [pscustomobject]@{ Width = $file.Width; Height = $file.Height; Path = $file.Path; Loaded = @($loaded) } | ConvertTo-Json -Depth 4
    }

    function Invoke-FreshPwsh {
        param([string] $First, [string] $After)
        $pwsh = @(Get-PwshCommand)
        $file = Join-Path $TestDrive "scenario-$([guid]::NewGuid().ToString('n')).ps1"
        Set-Content $file "param(`$First, `$After, `$Manifest, `$BaseUri, `$Key, `$Out)`n& {$script} `$First `$After `$Manifest `$BaseUri `$Key `$Out"
        $out = New-Item -ItemType Directory (Join-Path $TestDrive ([guid]::NewGuid().ToString('n')))
        $json = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $file `
            -First $First -After $After -Manifest (Get-VeoModuleManifest) -BaseUri $emulator.BaseUri -Key $emulator.Key -Out $out.FullName 2>&1
        if ($LASTEXITCODE -ne 0) { throw "The scenario failed: $($json -join "`n")" }
        $json -join "`n" | ConvertFrom-Json
    }

    $moduleFolder = Split-Path (Get-VeoModuleManifest) -Parent
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'Veo on PowerShell 7 with another module''s Polly.Core loaded first' {
    BeforeAll { $result = Invoke-FreshPwsh -First $otherPolly }

    It 'still makes and saves the video' {
        $result.Width | Should -Be 1280
        $result.Height | Should -Be 720
        Test-Path $result.Path | Should -BeTrue
    }

    It 'runs on its own Polly.Core, in its own load context, beside the other module''s' {
        $polly = $result.Loaded | Where-Object Name -EQ 'Polly.Core'
        $polly | Should -HaveCount 2
        ($polly | Where-Object Location -EQ $otherPolly).Context | Should -Be 'DefaultAssemblyLoadContext'
        $own = $polly | Where-Object Location -NE $otherPolly
        $own.Location | Should -Be (Join-Path $moduleFolder 'dependencies/Polly.Core.dll')
        $own.Context | Should -Be 'VeoLoadContext'
        ($result.Loaded | Where-Object Name -EQ 'Veo.Core').Context | Should -Be 'VeoLoadContext'
    }

    It 'shares the runtime''s System.Text.Json, newer than its own, rather than load a second one' {
        $json = $result.Loaded | Where-Object Name -EQ 'System.Text.Json'
        $json | Should -HaveCount 1
        $json.Context | Should -Be 'DefaultAssemblyLoadContext'
        Split-Path $json.Location -Parent | Should -Be ([IO.Path]::GetDirectoryName([object].Assembly.Location))
    }
}

Describe 'Another module''s Polly.Core loaded after Veo on PowerShell 7' {
    # Before the isolation, this Add-Type failed: 'Assembly with same name is already loaded' (Veo's Polly.Core).
    BeforeAll { $result = Invoke-FreshPwsh -After $otherPolly }

    It 'loads beside Veo''s, and Veo''s video was made' {
        $result.Width | Should -Be 1280
        $polly = $result.Loaded | Where-Object Name -EQ 'Polly.Core'
        ($polly | Where-Object Location -EQ $otherPolly).Context | Should -Be 'DefaultAssemblyLoadContext'
        ($polly | Where-Object Location -NE $otherPolly).Context | Should -Be 'VeoLoadContext'
    }
}
