#requires -Version 7.0
<#
.SYNOPSIS
    Builds, tests, packages or demonstrates the Veo module. Thin: the work is done by dotnet, node and Pester.
.DESCRIPTION
    Needs the .NET SDK (Test also Node.js 20+ and npm): pwsh is the local tool pinned in .config/dotnet-tools.json and
    Pester comes from a NuGet restore of tools/pester, so run it as `dotnet tool restore && dotnet pwsh ./build.ps1 <task>`.
.EXAMPLE
    ./build.ps1 Build      # lays out a loadable module in out/Veo
.EXAMPLE
    ./build.ps1 Test       # every test: xunit, the SDK conformance suite, the package check, the Pester suite
.EXAMPLE
    ./build.ps1 Pester     # only the Pester suite, against the module laid out in out/Veo
.EXAMPLE
    ./build.ps1 Install    # installs the module for the current user (Install-PSResource); Uninstall-PSResource Veo removes it
.EXAMPLE
    ./build.ps1 Demo 'A lighthouse at dusk' 'A paper boat in the rain'    # prompts in, MP4s out (emulator without a key)
.EXAMPLE
    ./build.ps1 Demo -Csv prompts.csv -OutFolder ./videos
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Pester', 'Package', 'Install', 'Demo')]
    [string] $Task = 'Build',
    # Demo: the prompts, one video each.
    [Parameter(Position = 1, ValueFromRemainingArguments)]
    [string[]] $Prompt,
    # Demo: a CSV file whose rows New-VeoVideo binds by name (a Prompt column, optionally Model, Resolution, ...).
    [string] $Csv,
    # Demo: where the MP4s go.
    [string] $OutFolder = './videos',
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$moduleDir = Join-Path $root 'out/Veo'

# Runs a program and turns a non-zero exit into an error. Plain $args, not parameters: "-o" and the like are the program's.
# Its output is for the person watching (Out-Host), so a function calling it returns only what it means to.
function Invoke-Native {
    $command = $args[0]
    $arguments = @($args | Select-Object -Skip 1)   # always an array: splatting a lone string would pass its characters
    & $command @arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "$command $($arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Build-Module {
    Remove-Item $moduleDir -Recurse -Force -ErrorAction SilentlyContinue
    Invoke-Native dotnet publish (Join-Path $root 'src/Veo.PowerShell/Veo.PowerShell.csproj') -c $Configuration -o $moduleDir --nologo
    Invoke-Native dotnet build (Join-Path $root 'src/Veo.Emulator.Server/Veo.Emulator.Server.csproj') -c $Configuration --nologo
    # Not module files: symbols, and the publish's deps.json (PowerShell loads a module's assemblies without it).
    Get-ChildItem $moduleDir -Include '*.pdb', '*.deps.json' -Recurse | Remove-Item
    Write-Host "Module laid out in $moduleDir"
}

# The Gallery package, made as the Gallery will make it: Publish-PSResource (PSResourceGet ships with PowerShell 7.6)
# packs the module folder into a local folder repository registered for this build only. Returns the .nupkg.
function Build-Package {
    $manifest = Assert-ModuleManifest
    $repository = New-Item -ItemType Directory -Force (Join-Path $root 'out/package')
    Remove-Item (Join-Path $repository "Veo.$($manifest.Version).nupkg") -ErrorAction SilentlyContinue
    Use-BuildRepository $repository { param($name) Publish-PSResource -Path $moduleDir -Repository $name }
    Get-Item (Join-Path $repository "Veo.$($manifest.Version).nupkg")
}

# A folder repository under a name of its own, registered for the script block only (the user's repositories stay as
# they were, and two builds at once do not share one).
function Use-BuildRepository {
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [scriptblock] $Script)
    $name = "VeoBuild-$([guid]::NewGuid().ToString('n'))"
    Register-PSResourceRepository -Name $name -Uri $Path -Trusted
    try { & $Script $name } finally { Unregister-PSResourceRepository -Name $name }
}

# Test-ModuleManifest fails on a manifest whose files are missing or whose fields do not parse; the assemblies take their
# version from the manifest (Directory.Build.props), so a dll that says otherwise was built from another manifest.
function Assert-ModuleManifest {
    $manifest = Test-ModuleManifest (Join-Path $moduleDir 'Veo.psd1')
    $dllVersion = [Reflection.AssemblyName]::GetAssemblyName((Join-Path $moduleDir $manifest.RootModule)).Version
    if ("$($dllVersion.Major).$($dllVersion.Minor).$([Math]::Max($dllVersion.Build, 0))" -ne $manifest.Version.ToString(3)) {
        throw "$($manifest.RootModule) is version $dllVersion but Veo.psd1 says $($manifest.Version): rebuild (./build.ps1 Build)."
    }
    $manifest
}

# Every file of the module folder is in the package, and the package installs a module that imports and answers.
function Assert-PackageHoldsModule {
    param([Parameter(Mandatory)] [IO.FileInfo] $Package)
    $zip = [IO.Compression.ZipFile]::OpenRead($Package.FullName)
    try { $entries = $zip.Entries.FullName } finally { $zip.Dispose() }
    $moduleFiles = Get-ChildItem $moduleDir -File -Recurse | ForEach-Object { [IO.Path]::GetRelativePath($moduleDir, $_.FullName).Replace('\', '/') }
    $missing = $moduleFiles | Where-Object { $_ -notin $entries }
    if ($missing) { throw "$($Package.FullName) lacks $($missing -join ', ') of $moduleDir." }

    $installed = (New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) "veo-package-$([guid]::NewGuid().ToString('n'))")).FullName
    try {
        Use-BuildRepository $Package.DirectoryName { param($name) Save-PSResource -Name Veo -Repository $name -Path $installed -TrustRepository }
        $pwsh = @(Get-PwshCommand)
        $check = "Import-Module (Get-ChildItem '$installed' -Recurse -Filter Veo.psd1).FullName -ErrorAction Stop; " +
            "(Get-Command -Module Veo).Name -join ','; @(Get-VeoPrice -Route LaoZhang -Model veo-3.1-fast)[0].Cost"
        $answer = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $check
        if ($LASTEXITCODE -ne 0 -or @($answer).Count -ne 2) { throw "The module installed from $($Package.Name) does not import: $answer" }
        $exported = $answer[0] -split ',' | Sort-Object
        $declared = (Test-ModuleManifest (Join-Path $moduleDir 'Veo.psd1')).ExportedCmdlets.Keys | Sort-Object
        if (Compare-Object $exported $declared) { throw "The installed module exports $($answer[0]), its manifest $($declared -join ',')." }
    }
    finally { Remove-Item $installed -Recurse -Force -ErrorAction SilentlyContinue }
    Write-Host "Package $($Package.FullName) holds all $(@($moduleFiles).Count) files of $moduleDir; installed, it imports and prices."
}

# The package installed for the current user as one from the Gallery is: Install-PSResource -Scope CurrentUser puts it in
# the user's module folder (~/.local/share/powershell/Modules on Linux and macOS, Documents/PowerShell/Modules on
# Windows), which is on every pwsh 7's PSModulePath, so scripts, thread jobs and ForEach-Object -Parallel find Veo by name.
# -Reinstall: a rebuild of the same version replaces the copy installed before.
function Install-BuiltModule {
    param([Parameter(Mandatory)] [IO.FileInfo] $Package)
    $version = (Test-ModuleManifest (Join-Path $moduleDir 'Veo.psd1')).Version
    $installed = Use-BuildRepository $Package.DirectoryName {
        param($name) Install-PSResource -Name Veo -Version $version -Repository $name -Scope CurrentUser -TrustRepository -Reinstall -PassThru
    }
    # What the user will do next, done once here: a fresh pwsh imports Veo by name and gets this version from that folder.
    $pwsh = @(Get-PwshCommand)
    $found = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command `
        "try { `$m = Import-Module Veo -PassThru -ErrorAction Stop; `$m.Version.ToString(); `$m.ModuleBase } catch { `$_.Exception.Message }"
    if (@($found).Count -ne 2 -or $found[0] -ne $version.ToString()) {
        # PSResourceGet installs under $HOME/.local/share/powershell on Linux and macOS whatever XDG_DATA_HOME says
        # (GetStandardPlatformPaths in src/code/Utils.cs of PowerShell/PSResourceGet 1.2), where pwsh looks in
        # $XDG_DATA_HOME/powershell/Modules when it is set (Platform.SelectProductNameForDirectory, PowerShell 7.6).
        $why = if ($env:XDG_DATA_HOME -and -not $IsWindows) { " XDG_DATA_HOME is set, so pwsh looks for user modules in $env:XDG_DATA_HOME/powershell/Modules instead: add $($installed.InstalledLocation) to PSModulePath in your profile." }
        throw "Veo $version was installed in $($installed.InstalledLocation), but a fresh pwsh imports: $found$why"
    }
    Write-Host "Veo $version is installed for $([Environment]::UserName) in $($found[1])."
    Write-Host 'Any pwsh 7 of this user now loads it by name: Import-Module Veo (or just run a Veo cmdlet). Uninstall-PSResource Veo removes it.'
}

# The official openai and @google/genai npm packages, unmodified, against the built emulator (tests/conformance).
function Invoke-Conformance {
    if (-not (Get-Command node -ErrorAction SilentlyContinue) -or -not (Get-Command npm -ErrorAction SilentlyContinue)) {
        throw 'The conformance suite needs Node.js 20 or newer with npm on PATH (.ci/run installs them).'
    }
    $nodeMajor = [int](node -p 'process.versions.node.split(".")[0]')
    if ($nodeMajor -lt 20) { throw "Node.js $(node --version) is too old for the conformance suite (the SDKs need 20 or newer)." }
    Push-Location (Join-Path $root 'tests/conformance')
    try {
        # --ignore-scripts: the SDKs need no install scripts (protobufjs' postinstall only prints).
        Invoke-Native npm ci --no-audit --no-fund --ignore-scripts
        Invoke-Native node --test
    }
    finally { Pop-Location }
}

# Pester 5.7.1 from NuGet (tools/pester), found by path in the global packages folder: never Install-Module.
function Get-PesterManifest {
    Invoke-Native dotnet restore (Join-Path $root 'tools/pester/Pester.Restore.csproj') --nologo
    $globalPackages = (dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $manifest = Join-Path $globalPackages.Trim() 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $manifest)) { throw "Pester 5.7.1 is not at $manifest after the restore of tools/pester." }
    $manifest
}

# The pwsh running this script, to start more of it: the local tool runs as `dotnet pwsh.dll`, an installed one directly.
function Get-PwshCommand {
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { $process, (Join-Path $PSHOME 'pwsh.dll') } else { , $process }
}

# Each file of tests/pester runs in a fresh pwsh (tools/pester/Invoke-PesterFile.ps1) against the module in out/Veo.
function Invoke-PesterSuite {
    $manifest = Get-PesterManifest
    $pwsh = @(Get-PwshCommand)
    $pwshArguments = @($pwsh | Select-Object -Skip 1)
    $summaries = foreach ($file in Get-ChildItem (Join-Path $root 'tests/pester') -Filter '*.Tests.ps1' | Sort-Object Name) {
        $summary = New-TemporaryFile
        try {
            # Out-Host: the file's progress is shown as it runs, and only its counts are collected.
            & $pwsh[0] @pwshArguments -NoProfile -NonInteractive -File (Join-Path $root 'tools/pester/Invoke-PesterFile.ps1') `
                -PesterManifest $manifest -Path $file.FullName -SummaryPath $summary.FullName | Out-Host
            $counts = Get-Content $summary -Raw | ConvertFrom-Json
            if (-not $counts) { $counts = [pscustomobject]@{ File = $file.Name; Result = 'Crashed'; Passed = 0; Failed = 0; FailedBlocks = 0; FailedContainers = 1; Seconds = 0 } }
            $counts
        }
        finally { Remove-Item $summary -ErrorAction SilentlyContinue }
    }
    $summaries | Format-Table File, Result, Passed, Failed, FailedBlocks, FailedContainers, Seconds | Out-Host
    $passed = ($summaries | Measure-Object Passed -Sum).Sum
    $failed = ($summaries | Measure-Object Failed -Sum).Sum
    Write-Host "Pester: $passed passed, $failed failed in $(@($summaries).Count) files, $(($summaries | Measure-Object Seconds -Sum).Sum) s."
    if ($summaries | Where-Object Result -NE 'Passed') { throw "Pester: $failed test(s) failed ($(($summaries | Where-Object Result -NE 'Passed').File -join ', '))." }
}

# New-VeoVideo | Wait-VeoVideo | Save-VeoVideo with the laid-out module: the real service when a key is set, else the emulator.
function Invoke-Demo {
    $prompts = if ($Csv) { Import-Csv $Csv } elseif ($Prompt) { $Prompt } else { 'A cinematic lighthouse at sunset', 'A paper boat on a rainy street' }
    $out = New-Item -ItemType Directory -Force -Path $OutFolder
    $make = {
        param([int] $PollInterval)
        # This script stops at the first error ($ErrorActionPreference = 'Stop'); a bad row of the CSV is an error for that
        # row only, as in the user's own session: reported, and the other rows are made.
        $ErrorActionPreference = 'Continue'
        $files = $prompts | New-VeoVideo -ErrorVariable +problems | Wait-VeoVideo -PollInterval $PollInterval -ErrorVariable +problems |
            Save-VeoVideo -Path $out.FullName -ErrorVariable +problems
        $files | Format-Table | Out-Host
        Write-Host "$(@($files).Count) video(s) saved in $($out.FullName)$(if ($problems) { "; $(@($problems).Count) row(s) failed, each reported above" })"
    }
    if ($env:LAOZHANG_API_KEY -or $env:VEO_API_KEY) {
        Write-Host 'A key is set: making the videos on the real LaoZhang service (this is paid).'
        Import-Module (Join-Path $moduleDir 'Veo.psd1') -Force
        Connect-Veo -Route LaoZhang | Out-Null
        & $make 15
        return
    }
    # The module's own emulator, in this process; its tasks go to a journal of its own, not the user's.
    Import-Module (Join-Path $moduleDir 'Veo.psd1') -Force
    Write-Host 'No LAOZHANG_API_KEY or VEO_API_KEY: making the videos on the emulator in this session (nothing is paid).'
    Start-VeoEmulator -Route LaoZhang -RenderSeconds 3
    try { & $make 1 }
    finally { Stop-VeoEmulator }
}

switch ($Task) {
    'Build' { Build-Module }
    'Test' {
        # The test projects one at a time: beside the runspace suite, which keeps both cores busy for minutes, the Core
        # suite's timing tests failed in CI on a 2-core machine; in turn, the whole costs about a minute more. Quoted:
        # Invoke-Native's splatting passes a bare -m:1 on as two arguments ('-m:' and '1'), which MSBuild refuses.
        Invoke-Native dotnet build (Join-Path $root 'Veo.sln') --nologo
        Invoke-Native dotnet test (Join-Path $root 'Veo.sln') --nologo --no-build '-maxCpuCount:1'
        Build-Module
        Invoke-Conformance
        Assert-PackageHoldsModule (Build-Package)
        Invoke-PesterSuite
    }
    'Pester' {
        Build-Module
        Invoke-PesterSuite
    }
    'Package' {
        Build-Module
        $nupkg = Build-Package
        Assert-PackageHoldsModule $nupkg
        Write-Host "Module folder: $moduleDir"
        Write-Host "Package:       $($nupkg.FullName)  (to the Gallery: Publish-PSResource -Path $moduleDir -Repository PSGallery -ApiKey ...)"
    }
    'Install' {
        Build-Module
        Install-BuiltModule (Build-Package)
    }
    'Demo' {
        Build-Module
        Invoke-Demo
    }
}
