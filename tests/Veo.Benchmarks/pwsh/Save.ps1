# Save-VeoVideo of one large video against curl of the same URL, alternating, in one pwsh.
param([string] $Module, [string] $BaseUri, [string] $Key, [int] $Rounds, [string] $OutFolder)
. (Join-Path $PSScriptRoot Common.ps1)
Connect-Emulator $Module $BaseUri $Key
$task = New-VeoVideo 'A lighthouse at dusk, one large file' | Wait-VeoVideo -PollInterval 1
$url = "$($BaseUri.TrimEnd('/'))/v1/videos/$($task.Id)/content"
$veoFile = Join-Path $OutFolder veo.mp4
$curlFile = Join-Path $OutFolder curl.mp4
# One save not counted: JIT and the first touch of page-cache memory, for whoever writes first.
$null = $task | Save-VeoVideo -Path $veoFile -Force
Remove-Item $veoFile
$before = Get-PeakRss
$veo = @(); $curl = @()
for ($round = 0; $round -lt $Rounds; $round++) {
    sync
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $saved = $task | Save-VeoVideo -Path $veoFile -Force
    $veo += $clock.Elapsed.TotalSeconds
    $bytes = $saved.Length
    Remove-Item $veoFile
    sync
    $curl += [double](curl -s -o $curlFile $url -H "Authorization: Bearer $Key" -w '%{time_total}')
    if ((Get-Item $curlFile).Length -ne $bytes) { throw "curl fetched $((Get-Item $curlFile).Length) bytes, Veo saved $bytes" }
    Remove-Item $curlFile
}
Write-Result @{ bytes = $bytes; veo = $veo; curl = $curl; peakBefore = $before; peakAfter = Get-PeakRss }
