# Starts and stops the standalone Veo emulator (src/Veo.Emulator.Server) as a child process. The one copy of this logic:
# build.ps1 (Demo) and the Pester suite (tests/pester) both import it.

$script:repositoryRoot = Split-Path $PSScriptRoot -Parent

function Start-VeoEmulator {
    <#
    .SYNOPSIS
        Starts the emulator on a free loopback port and returns its process and base address once it listens.
    .DESCRIPTION
        The emulator is run from its build output (build.ps1 builds it), with --port 0 so parallel runs never collide;
        its "listening on URL" line gives the address. Always pair with Stop-VeoEmulator in a finally block or AfterAll.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [string] $Configuration = 'Release',
        [double] $RenderSeconds = 1,
        [double] $QueueSeconds = 0,
        [double] $ContentLagSeconds = 0,
        [string] $Key = 'emulator-key',
        [int] $StartTimeoutSeconds = 60
    )
    $dll = Join-Path $script:repositoryRoot "src/Veo.Emulator.Server/bin/$Configuration/net8.0/Veo.Emulator.Server.dll"
    if (-not (Test-Path $dll)) { throw "The emulator is not built: $dll is missing (run ./build.ps1 Build)." }
    $invariant = [Globalization.CultureInfo]::InvariantCulture
    $arguments = @(
        $dll, '--port', '0', '--key', $Key,
        '--render-seconds', $RenderSeconds.ToString($invariant),
        '--queue-seconds', $QueueSeconds.ToString($invariant),
        '--content-lag-seconds', $ContentLagSeconds.ToString($invariant)
    )
    # The output goes to files rather than pipes: nobody would drain a pipe, and a full pipe would block the emulator.
    $stdout = New-TemporaryFile
    $stderr = New-TemporaryFile
    $process = Start-Process dotnet -ArgumentList $arguments -RedirectStandardOutput $stdout -RedirectStandardError $stderr -PassThru -NoNewWindow
    $emulator = [pscustomobject]@{ Process = $process; BaseUri = $null; Key = $Key; Log = $stdout.FullName; ErrorLog = $stderr.FullName }
    $deadline = [DateTime]::UtcNow.AddSeconds($StartTimeoutSeconds)
    while (-not $emulator.BaseUri) {
        $line = Get-Content $stdout -ErrorAction SilentlyContinue | Select-String 'listening on (\S+)' | Select-Object -First 1
        if ($line) { $emulator.BaseUri = $line.Matches[0].Groups[1].Value; break }
        if ($process.HasExited -or [DateTime]::UtcNow -gt $deadline) {
            $why = if ($process.HasExited) { "exited with code $($process.ExitCode)" } else { "did not listen within $StartTimeoutSeconds s" }
            $errors = Get-Content $stderr -Raw -ErrorAction SilentlyContinue
            Stop-VeoEmulator $emulator
            throw "The Veo emulator $why. $errors"
        }
        Start-Sleep -Milliseconds 100
    }
    $emulator
}

function Stop-VeoEmulator {
    <#
    .SYNOPSIS
        Stops an emulator started by Start-VeoEmulator and removes its logs; does nothing when it has already stopped.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [AllowNull()] $Emulator)
    if (-not $Emulator) { return }
    if (-not $Emulator.Process.HasExited) {
        Stop-Process -Id $Emulator.Process.Id -Force -ErrorAction SilentlyContinue
        $Emulator.Process.WaitForExit(10000) | Out-Null
    }
    Remove-Item $Emulator.Log, $Emulator.ErrorLog -ErrorAction SilentlyContinue
}

function Use-VeoEmulator {
    <#
    .SYNOPSIS
        Runs a script block with a started emulator as its argument and stops the emulator however the block ends.
    .EXAMPLE
        Use-VeoEmulator { param($emulator) Connect-Veo -BaseUri $emulator.BaseUri ... }
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] [scriptblock] $ScriptBlock,
        [hashtable] $Options = @{}
    )
    $emulator = Start-VeoEmulator @Options
    try { & $ScriptBlock $emulator }
    finally { Stop-VeoEmulator $emulator }
}

Export-ModuleMember -Function Start-VeoEmulator, Stop-VeoEmulator, Use-VeoEmulator
