# Shared by the benchmark scripts: import the laid-out module, connect to the standalone emulator, report one line.
param()
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'   # as in a script run unattended: no progress rendering in the timings

function Connect-Emulator([string] $Module, [string] $BaseUri, [string] $Key) {
    Import-Module $Module
    Connect-Veo -Route LaoZhang -BaseUri $BaseUri -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) | Out-Null
}

# VmHWM: the most resident memory this pwsh has had, in bytes.
function Get-PeakRss {
    $line = Get-Content /proc/$PID/status | Where-Object { $_ -like 'VmHWM:*' }
    [long](($line -split '\s+')[1]) * 1024
}

# The benchmark reads the last line that starts with RESULT.
function Write-Result([hashtable] $Values) {
    'RESULT ' + ($Values | ConvertTo-Json -Compress)
}
