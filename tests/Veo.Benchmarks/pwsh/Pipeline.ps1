# N prompts through New-VeoVideo | Wait-VeoVideo | Save-VeoVideo, as a user types it.
param([string] $Module, [string] $BaseUri, [string] $Key, [int] $Count, [int] $PollInterval, [string] $OutFolder)
. (Join-Path $PSScriptRoot Common.ps1)
Connect-Emulator $Module $BaseUri $Key
$prompts = 1..$Count | ForEach-Object { "A cinematic lighthouse at sunset, ocean waves, slow camera push-in ($_)" }
$started = [DateTimeOffset]::UtcNow
$clock = [Diagnostics.Stopwatch]::StartNew()
$files = $prompts | New-VeoVideo | Wait-VeoVideo -PollInterval $PollInterval | Save-VeoVideo -Path $OutFolder
$elapsed = $clock.Elapsed.TotalSeconds
# The last create is when its task was journaled (just before New-VeoVideo passed it on), read back from the journal.
$journal = Join-Path $env:VEO_HOME journal.jsonl
$lastCreated = Get-Content $journal | ConvertFrom-Json | Where-Object event -eq 'created' |
    ForEach-Object { [DateTimeOffset]$_.at } | Sort-Object | Select-Object -Last 1
Write-Result @{
    files = @($files | Where-Object Length -gt 0).Count
    elapsed = $elapsed
    lastCreate = ($lastCreated - $started).TotalSeconds
    journalBytes = (Get-Item $journal).Length
    peakRss = Get-PeakRss
}
