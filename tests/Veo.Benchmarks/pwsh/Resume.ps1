# A resume by id (Import-Csv | Wait | Save) in a fresh pwsh, then Tab on -Id, after PowerShell's own first Tab.
param([string] $Module, [string] $BaseUri, [string] $Key, [string] $Csv, [int] $PollInterval, [string] $OutFolder)
. (Join-Path $PSScriptRoot Common.ps1)
Connect-Emulator $Module $BaseUri $Key
$clock = [Diagnostics.Stopwatch]::StartNew()
$files = Import-Csv $Csv | Wait-VeoVideo -PollInterval $PollInterval | Save-VeoVideo -Path $OutFolder
$resume = $clock.Elapsed.TotalSeconds

function Measure-Tab([string] $Line) {
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $found = TabExpansion2 -inputScript $Line -cursorColumn $Line.Length
    @{ ms = $clock.Elapsed.TotalMilliseconds; count = $found.CompletionMatches.Count }
}
$baseline = Measure-Tab 'Get-Date -Format '          # PowerShell's first Tab in the process, nothing of Veo's
$first = Measure-Tab 'Wait-VeoVideo -Id '
$again = 1..5 | ForEach-Object { (Measure-Tab 'Wait-VeoVideo -Id ').ms } | Sort-Object
Write-Result @{
    files = @($files).Count
    resume = $resume
    baselineTabMs = $baseline.ms
    firstTabMs = $first.ms
    tabMs = $again[2]
    tabCount = $first.count
    liveBytes = (Get-Item (Join-Path $env:VEO_HOME journal.jsonl)).Length
}
