#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Issue 27's promise, as a user would test it: a 200-row CSV with bad rows, through faults of every kind, killed with
# SIGKILL while it creates and again while it saves, finishes by running the same command again until it reports nothing
# left: one video per good row, one task per good row on the server, and no filter written by the user.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VeoTestSupport.psm1') -Force
    $emulator = Start-TestEmulator -RenderSeconds 1
    $work = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'batch')
    $veoHome = Join-Path $work 'home'
    $journal = Join-Path $veoHome 'journal.jsonl'

    # 196 good rows (two pairs of identical ones: four videos) and 4 bad ones, spread through the file.
    $rows = foreach ($i in 1..196) { [pscustomobject]@{ Prompt = "Scene $(if ($i -in 50, 150) { $i - 1 } else { $i }) of the night"; Duration = ''; Resolution = '' } }
    $rows = [Collections.Generic.List[object]]$rows
    $rows.Insert(10, [pscustomobject]@{ Prompt = 'A cell that does not read'; Duration = 'abc'; Resolution = '' })
    $rows.Insert(60, [pscustomobject]@{ Prompt = ''; Duration = ''; Resolution = '' })
    $rows.Insert(120, [pscustomobject]@{ Prompt = 'Too sharp'; Duration = ''; Resolution = '8k' })
    $rows.Insert(190, [pscustomobject]@{ Prompt = 'Too long'; Duration = '30'; Resolution = '' })
    $rows | Export-Csv (Join-Path $work 'prompts.csv') -NoTypeInformation
    $goodRows = 196
    $badRows = 4

    # The user's command, exactly as documented: nothing in it chooses which rows to send.
    $command = 'Import-Csv ./prompts.csv | New-VeoVideo -Batch nightly -ThrottleLimit 8 | Wait-VeoVideo -PollInterval 1 | Save-VeoVideo -Path ./out'
    $child = Join-Path $work 'run.ps1'
    @"
param([string] `$Result)
`$env:VEO_HOME = '$veoHome'
Set-Location '$work'
Import-Module '$(Get-VeoModuleManifest)'
Connect-Veo -Route LaoZhang -BaseUri '$($emulator.BaseUri)' -ApiKey (ConvertTo-SecureString '$($emulator.Key)' -AsPlainText -Force) | Out-Null
`$Error.Clear()
`$out = & { $command } 3>&1
[pscustomobject]@{
    Files    = @(`$out | Where-Object { `$_.GetType().Name -eq 'VideoFile' }).Count
    Warnings = @(`$out | Where-Object { `$_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object Message)
    Errors   = @(`$Error | ForEach-Object { "`$(`$_.FullyQualifiedErrorId.Split(',')[0]): `$_" })
} | ConvertTo-Json -Depth 3 | Set-Content `$Result
"@ | Set-Content $child

    $process = [Environment]::ProcessPath
    $pwsh = if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { $process, (Join-Path $PSHOME 'pwsh.dll') } else { , $process }

    function Start-Run {
        # setsid: the run leads a process group of its own, so one kill reaches the pwsh and everything it started.
        $start = [Diagnostics.ProcessStartInfo]::new('setsid')
        foreach ($argument in @($pwsh) + '-NoProfile', '-NonInteractive', '-File', $child, (Join-Path $work "result-$([guid]::NewGuid()).json")) { $start.ArgumentList.Add($argument) }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $run = [Diagnostics.Process]::Start($start)
        $null = $run.StandardOutput.ReadToEndAsync(), $run.StandardError.ReadToEndAsync()
        $run
    }

    function Get-JournalCount([string] $Event) {
        # Read beside the writer, which holds the file exclusively only while it appends a line: a read it blocks is tried again.
        for ($try = 0; $try -lt 20; $try++) {
            try {
                if (-not (Test-Path $journal)) { return 0 }
                $stream = [IO.FileStream]::new($journal, 'Open', 'Read', 'ReadWrite, Delete')
                try { $text = [IO.StreamReader]::new($stream).ReadToEnd() } finally { $stream.Dispose() }
                return ([regex]::Matches($text, [regex]::Escape("`"event`":`"$Event`""))).Count
            }
            catch [IO.IOException] { Start-Sleep -Milliseconds 5 }
        }
        0
    }

    function Stop-RunWhen([Diagnostics.Process] $Run, [scriptblock] $Condition) {
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not (& $Condition) -and -not $Run.HasExited -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 25 }
        $killedEarly = -not $Run.HasExited
        & kill -KILL -- "-$($Run.Id)" 2>$null
        $Run.WaitForExit()
        $killedEarly
    }

    function Invoke-Run {
        $run = Start-Run
        if (-not $run.WaitForExit(150000)) { & kill -KILL -- "-$($run.Id)"; throw 'A run took more than 150 s.' }
        $result = Get-ChildItem $work -Filter 'result-*.json' | Sort-Object LastWriteTime | Select-Object -Last 1
        $answer = Get-Content $result -Raw | ConvertFrom-Json
        Remove-Item $result
        $answer
    }

    # The fault mix of the issue, on every request of the gateway: truncated downloads, 500s and 503s in the gateway's
    # envelope, 429s, connections dropped after the create was handled, renders that fail.
    foreach ($fault in @(
            @{ kind = 'TruncateBody'; pathContains = '/content'; probability = 0.10 }
            @{ kind = 'ServerError'; statusCode = 500; pathContains = '/v1/video'; probability = 0.03 }
            @{ kind = 'ServerError'; statusCode = 503; pathContains = '/v1/video'; probability = 0.02 }
            @{ kind = 'RateLimit'; retryAfterSeconds = 1; pathContains = '/v1/video'; probability = 0.03 }
            @{ kind = 'ResetAfterRead'; pathContains = '/v1/videos'; probability = 0.01 }
            @{ kind = 'FailTask'; pathContains = '/v1/videos'; probability = 0.02 }
            # Creates that take a moment, so the first kill lands while the batch is still creating.
            @{ kind = 'Latency'; delaySeconds = 0.2; pathContains = '/v1/videos'; probability = 0.3 }
        )) {
        $fault.times = 1000000
        Invoke-RestMethod -Method Post "$($emulator.BaseUri)_emulator/faults" -ContentType 'application/json' -Body ($fault | ConvertTo-Json) | Out-Null
    }

    $clock = [Diagnostics.Stopwatch]::StartNew()
    $killedCreating = Stop-RunWhen (Start-Run) { (Get-JournalCount 'created') -ge 40 }
    $createdAtFirstKill = Get-JournalCount 'created'
    $killedSaving = Stop-RunWhen (Start-Run) { (Get-JournalCount 'saved') -ge 60 }
    $savedAtSecondKill = Get-JournalCount 'saved'

    $reruns = [Collections.Generic.List[object]]::new()
    do {
        $last = Invoke-Run
        $reruns.Add($last)
        $done = $last.Files -eq $goodRows -and @($last.Errors).Count -eq $badRows -and @($last.Warnings).Count -eq 0
    } until ($done -or $reruns.Count -ge 6)
    $seconds = $clock.Elapsed.TotalSeconds
    $settled = Get-JournalCount 'create-checked'
    $serverTasks = Invoke-RestMethod "$($emulator.BaseUri)_emulator/tasks"
}

AfterAll {
    Stop-TestEmulator $emulator
}

Describe 'A batch run again after kill -9 and faults' {
    It 'was killed while it created and again while it saved' {
        $killedCreating | Should -BeTrue
        $createdAtFirstKill | Should -BeLessThan $goodRows
        $killedSaving | Should -BeTrue
        $savedAtSecondKill | Should -BeLessThan $goodRows
    }

    It 'ends, by running the same command again, with nothing left to do' {
        $done | Should -BeTrue -Because "the reruns said: $($reruns | ConvertTo-Json -Depth 3 -Compress)"
        Write-Host "  $($reruns.Count) rerun(s) after the two kills; $([Math]::Round($seconds)) s in all."
    }

    It 'reports only the bad rows, each by its number and prompt, on the last run' {
        $errors = @($last.Errors)
        $errors.Count | Should -Be $badRows
        ($errors | Where-Object { $_ -like 'InvalidVideoRequest: Row *' }).Count | Should -Be $badRows -Because 'a cell that does not read (Duration=abc) is named by its row too'
        $errors -match "Row 11 \('A cell that does not read'\): -Duration 'abc' is not a whole number" | Should -Not -BeNullOrEmpty
        $errors -match "Row \d+ \('Too sharp'\)" | Should -Not -BeNullOrEmpty
    }

    It 'saved one video per good row and nothing else' {
        $files = Get-ChildItem (Join-Path $work 'out')
        @($files | Where-Object Extension -EQ '.mp4').Count | Should -Be $goodRows
        @($files | Where-Object Extension -NE '.mp4').Count | Should -Be 0
    }

    It 'made one task per good row on the server: no duplicate paid create' {
        $made = @($serverTasks | Where-Object { -not $_.willFail })
        $made.Count | Should -Be $goodRows
        ($made | Group-Object prompt | Where-Object Count -GT 1).Name | Sort-Object | Should -Be @('Scene 149 of the night', 'Scene 49 of the night')
        $saved = (Get-ChildItem (Join-Path $work 'out') -Filter '*.mp4').BaseName | Sort-Object
        $saved | Should -Be ($made.id | Sort-Object)
    }

    It 'settled the creates whose answer a kill or a dropped connection lost from the task list, not by sending them again' {
        $settled | Should -BeGreaterThan 0
    }

    It 'has no filter in the command that was run again' {
        $command | Should -Not -Match 'Where-Object|\?\s*\{|-notin|-in\b|Select-Object'
    }
}
