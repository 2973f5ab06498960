#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# `./build.ps1 Install` as README gives it, for a user whose home is a throwaway folder: the module lands in that user's
# module folder, and a fresh pwsh started outside the clone, its thread jobs and its ForEach-Object -Parallel runspaces
# all load Veo by name, running the parallel examples of the pages as written. Uninstall-PSResource Veo removes it.
# The real user's modules are never touched: the child processes get HOME of their own and no PSModulePath or
# XDG_DATA_HOME from this one (pwsh then looks in $HOME/.local/share/powershell/Modules, where PSResourceGet installs).

BeforeDiscovery {
    $skip = $IsWindows   # HOME does not move Documents\PowerShell\Modules; the module is tested on Linux only
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VeoTestSupport.psm1') -Force
    $root = Get-RepositoryRoot
    $throwaway = (New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) "veo-install-$([guid]::NewGuid().ToString('n'))")).FullName
    $userHome = (New-Item -ItemType Directory (Join-Path $throwaway 'home')).FullName
    $work = (New-Item -ItemType Directory (Join-Path $throwaway 'work')).FullName
    $userModules = Join-Path $userHome '.local/share/powershell/Modules'
    $realUserModules = Join-Path ([Environment]::GetFolderPath('UserProfile')) '.local/share/powershell/Modules'
    function Get-Tree([string] $Path) { Get-ChildItem $Path -Recurse -Force -ErrorAction Ignore | ForEach-Object { "$($_.FullName) $($_.LastWriteTimeUtc.Ticks)" } }
    $realBefore = Get-Tree $realUserModules

    # dotnet keeps its own state and packages where they are (the build restores nothing new); everything PowerShell
    # and PSResourceGet read or write for "the user" is under the throwaway home.
    $globalPackages = ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    $environment = @{
        HOME = $userHome; DOTNET_CLI_HOME = [Environment]::GetFolderPath('UserProfile'); NUGET_PACKAGES = $globalPackages
        PSModulePath = $null; XDG_DATA_HOME = $null; XDG_CONFIG_HOME = $null; XDG_CACHE_HOME = $null
        VEO_HOME = Join-Path $throwaway 'veo-home'
        VEO_API_KEY = $null; LAOZHANG_API_KEY = $null; CRAZYROUTER_API_KEY = $null; GEMINI_API_KEY = $null; VEO_MAX_COST = $null
    }
    $pwsh = @(Get-PwshCommand)

    # Runs pwsh in the throwaway user's environment and folder; its output lines and exit code.
    function Invoke-AsUser {
        param([Parameter(Mandatory)] [string[]] $Arguments)   # pwsh's: '-File', path, ... or '-Command', text
        $saved = @{}
        foreach ($name in $environment.Keys) {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $environment[$name])
        }
        Push-Location $work
        try {
            $lines = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive @Arguments 2>&1 | ForEach-Object { "$_" }
            [pscustomobject]@{ Lines = $lines; ExitCode = $LASTEXITCODE; Text = $lines -join "`n" }
        }
        finally {
            Pop-Location
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
    }

    $install = Invoke-AsUser '-File', (Join-Path $root 'build.ps1'), 'Install'
    $installed = @(Get-ChildItem $userModules -Recurse -Filter Veo.psd1)

    # The user's session: Veo by name, then the pages' parallel examples word for word.
    $pages = Join-Path $root 'docs'
    $emulatorExample = Get-MarkdownExample (Join-Path $pages 'Start-VeoEmulator.md') | Where-Object Code -Match 'ForEach-Object -Parallel'
    $pesterExample = Get-MarkdownExample (Join-Path $pages 'about_Veo_Testing.md') | Where-Object Code -Match 'ForEach-Object -Parallel'
    $session = Join-Path $throwaway 'session.ps1'
    Set-Content $session @'
param($PesterManifest, $ResultPath)
$ErrorActionPreference = 'Stop'
$module = Import-Module Veo -PassThru
$threadJob = Start-ThreadJob { (Import-Module Veo -PassThru).ModuleBase } | Receive-Job -Wait -AutoRemoveJob
$parallel = 1, 2 | ForEach-Object -Parallel { (Get-Command New-VeoVideo).Module.ModuleBase }
$exampleOutput = & ([scriptblock]::Create($env:VEO_TEST_EXAMPLE))
Set-Content ./Parallel.Tests.ps1 $env:VEO_TEST_PESTER_EXAMPLE
Import-Module $PesterManifest
$pester = Invoke-Pester -Path ./Parallel.Tests.ps1 -PassThru -Output None
[pscustomobject]@{
    ModuleBase = $module.ModuleBase
    ThreadJob  = $threadJob
    Parallel   = @($parallel)
    Rows       = @($exampleOutput | Where-Object { $_.PSObject.Properties['Status'] } | ForEach-Object { "$($_.Prompt): $($_.Status)" })
    Creates    = @($exampleOutput | Where-Object { $_ -is [int] })
    Passed     = $pester.PassedCount
    Failed     = @($pester.Failed | ForEach-Object { "$($_.ExpandedName): $($_.ErrorRecord)" })
} | ConvertTo-Json | Set-Content $ResultPath
'@
    $environment.VEO_TEST_EXAMPLE = $emulatorExample.Code
    $environment.VEO_TEST_PESTER_EXAMPLE = $pesterExample.Code
    $resultPath = Join-Path $throwaway 'session.json'
    $used = Invoke-AsUser '-File', $session, (Get-Module Pester).Path, $resultPath
    $result = if (Test-Path $resultPath) { Get-Content $resultPath -Raw | ConvertFrom-Json }
    $environment.Remove('VEO_TEST_EXAMPLE')
    $environment.Remove('VEO_TEST_PESTER_EXAMPLE')

    $uninstall = Invoke-AsUser '-Command', 'Uninstall-PSResource Veo; @(Get-Module Veo -ListAvailable).Count'
    $realAfter = Get-Tree $realUserModules
}

AfterAll {
    Remove-Item $throwaway -Recurse -Force -ErrorAction SilentlyContinue
}

Describe './build.ps1 Install' -Skip:$skip {
    It 'installs Veo into the user''s module folder and says where' {
        $install.ExitCode | Should -Be 0 -Because $install.Text
        $installed | Should -HaveCount 1
        $installed[0].Directory.Parent.Name | Should -Be 'Veo'
        $install.Text | Should -Match ([regex]::Escape("installed for $([Environment]::UserName) in $($installed[0].DirectoryName)"))
    }

    It 'lets a fresh pwsh outside the clone, its thread jobs and its parallel runspaces load Veo by name' {
        $used.ExitCode | Should -Be 0 -Because $used.Text
        $folder = $installed[0].DirectoryName
        $result.ModuleBase | Should -Be $folder
        $result.ThreadJob | Should -Be $folder
        $result.Parallel | Should -Be $folder, $folder
    }

    It 'runs Start-VeoEmulator''s ForEach-Object -Parallel example as written' {
        $emulatorExample | Should -HaveCount 1
        $result.Rows | Sort-Object | Should -Be 'A calm sea: Completed', 'A fox: Completed', 'A paper boat: Completed'
        $result.Creates | Should -Be 3
    }

    It 'runs about_Veo_Testing''s parallel Pester file as written' {
        $pesterExample | Should -HaveCount 1
        $result.Failed | Should -BeNullOrEmpty
        $result.Passed | Should -Be 1
    }

    It 'is removed by Uninstall-PSResource Veo' {
        $uninstall.ExitCode | Should -Be 0 -Because $uninstall.Text
        $uninstall.Lines[-1] | Should -Be '0'
        Get-ChildItem $userModules -Recurse -Filter Veo.psd1 | Should -BeNullOrEmpty
    }

    It 'leaves the real user''s modules as they were' {
        $realAfter | Should -Be $realBefore
    }
}
