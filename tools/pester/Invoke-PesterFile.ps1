#requires -Version 7.0
<#
.SYNOPSIS
    Runs one Pester test file in this PowerShell and writes its counts as JSON to -SummaryPath.
.DESCRIPTION
    build.ps1 starts a fresh pwsh for each file of tests/pester, as each user's script would have its own session, so
    that nothing one file leaves in the module's session (a spending cap, a connection, a journal) decides another's tests.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $Path,
    [Parameter(Mandatory)] [string] $SummaryPath
)
Import-Module $PesterManifest
$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $config
[pscustomobject]@{
    File             = Split-Path $Path -Leaf
    Result           = "$($result.Result)"
    Passed           = $result.PassedCount
    Failed           = $result.FailedCount
    FailedBlocks     = $result.FailedBlocksCount
    FailedContainers = $result.FailedContainersCount
    Seconds          = [Math]::Round($result.Duration.TotalSeconds, 1)
} | ConvertTo-Json | Set-Content $SummaryPath
