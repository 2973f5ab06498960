# Makes the tasks a resume will pick up, and writes their ids to a CSV (the Import-Csv ids.csv idiom).
param([string] $Module, [string] $BaseUri, [string] $Key, [int] $Count, [string] $Csv)
. (Join-Path $PSScriptRoot Common.ps1)
Connect-Emulator $Module $BaseUri $Key
1..$Count | ForEach-Object { "A paper boat in the rain ($_)" } | New-VeoVideo | Select-Object Id | Export-Csv $Csv -NoTypeInformation
# The first command that reads the journal; where older tasks were written without compactions, it makes one.
$clock = [Diagnostics.Stopwatch]::StartNew()
$pending = @(Get-VeoVideo -State Pending).Count
Write-Result @{ firstRead = $clock.Elapsed.TotalSeconds; pending = $pending }
