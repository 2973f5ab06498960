#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The module as a user installs it: out/Veo copied to a folder with no source tree around it, found on PSModulePath by
# a pwsh of its own, with no key in its environment, makes a video on the emulator the module carries.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VeoTestSupport.psm1') -Force
    $installRoot = Join-Path ([IO.Path]::GetTempPath()) "veo-installed-$([guid]::NewGuid())"
    $modules = New-Item -ItemType Directory -Path (Join-Path $installRoot 'Modules')
    Copy-Item (Split-Path (Get-VeoModuleManifest)) (Join-Path $modules 'Veo') -Recurse
    $work = New-Item -ItemType Directory -Path (Join-Path $installRoot 'work')

    $pwsh = @(Get-PwshCommand)

    $script = @'
$ErrorActionPreference = 'Stop'
foreach ($name in 'VEO_API_KEY', 'LAOZHANG_API_KEY', 'CRAZYROUTER_API_KEY', 'GEMINI_API_KEY', 'VEO_MAX_COST') { Remove-Item "Env:$name" -ErrorAction Ignore }
$env:PSModulePath = $env:VEO_TEST_MODULES
$env:VEO_HOME = Join-Path $env:VEO_TEST_WORK 'home'
Set-Location $env:VEO_TEST_WORK
Start-VeoEmulator -RenderSeconds 0
$file = New-VeoVideo 'A lighthouse at dusk' | Wait-VeoVideo | Save-VeoVideo -Path ./videos
$request = Get-VeoEmulatorRequest -Method POST
Stop-VeoEmulator
[pscustomobject]@{
    ModuleBase = (Get-Module Veo).ModuleBase
    Emulator   = ([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Veo.Emulator' }).Location
    AspNet     = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -like 'Microsoft.AspNetCore*' }).Count
    Width      = $file.Width
    Length     = $file.Length
    Saved      = Test-Path $file.Path
    Prompt     = $request.Fields.prompt
} | ConvertTo-Json -Compress
'@
    $env:VEO_TEST_MODULES = $modules.FullName
    $env:VEO_TEST_WORK = $work.FullName
    # Always an array: splatting a lone string would pass its characters.
    $rest = @($pwsh | Select-Object -Skip 1)
    $output = & $pwsh[0] @rest -NoProfile -NonInteractive -Command $script 2>&1
    $exitCode = $LASTEXITCODE
    Remove-Item Env:VEO_TEST_MODULES, Env:VEO_TEST_WORK
}

AfterAll {
    Remove-Item $installRoot -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The installed module' {
    It 'makes, waits for and saves a video on Start-VeoEmulator with no key and no source tree' {
        $exitCode | Should -Be 0 -Because ($output | Out-String)
        $result = ($output | Select-Object -Last 1) | ConvertFrom-Json

        $result.ModuleBase | Should -Be (Join-Path $modules.FullName 'Veo')
        $result.Emulator | Should -BeLike "$($modules.FullName)*"
        $result.AspNet | Should -Be 0
        $result.Width | Should -Be 1280
        $result.Length | Should -BeGreaterThan 1000
        $result.Saved | Should -BeTrue
        $result.Prompt | Should -Be 'A lighthouse at dusk'
    }
}
