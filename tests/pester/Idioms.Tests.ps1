#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The pipeline idioms PowerShell users write without thinking, and what they expect of them: a pipeline stopped early
# stops cleanly, only prompts are prompts, CSV cells behave like parameters, every form of passing tasks works, state
# belongs to its runspace, each route keeps its connection, errors have ids a script can test, typos name the valid
# values, output reads well, -Debug/-Verbose tell what happens, and help is current.

BeforeDiscovery {
    # The cmdlets, one help page each in docs/ (HelpGen fails the build when a cmdlet has none).
    $cmdlets = (Get-ChildItem (Join-Path $PSScriptRoot '../../docs') -Filter '*-*.md').BaseName
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VeoTestSupport.psm1') -Force
    $env:VEO_HOME = Join-Path ([IO.Path]::GetTempPath()) "veo-pester-idioms-$([guid]::NewGuid())"
    Import-Module (Get-VeoModuleManifest) -Force
    $emulator = Start-TestEmulator
    $key = ConvertTo-TestKey $emulator
    $PSStyle.OutputRendering = 'PlainText'

    # Runs a block as a user's script and tells what they would see: its output, the error records it wrote, and the
    # error that stopped it (null when it ran to the end).
    function Invoke-UserScript {
        param([Parameter(Mandatory)] [scriptblock] $ScriptBlock)
        $ErrorActionPreference = 'Continue'
        $Error.Clear()
        $stopped = $null
        $output = try { & $ScriptBlock } catch { $stopped = $_ }
        [pscustomobject]@{
            Output  = @($output)
            Errors  = @($Error | Where-Object { -not [object]::ReferenceEquals($_, $stopped) })
            Stopped = $stopped
        }
    }

    # Runs a script in a runspace of its own, connected to the emulator, and tells the same as Invoke-UserScript: for a
    # script whose pipeline may be stopped, since a stop that leaks would end this test's statements too.
    function Invoke-InNewRunspace {
        param([Parameter(Mandatory)] [string] $Script)
        $runspace = [powershell]::Create()
        try {
            $runspace.AddScript({
                    param($Manifest, $BaseUri, $Key, $Script)
                    Import-Module $Manifest
                    Connect-Veo -Route LaoZhang -BaseUri $BaseUri -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) | Out-Null
                    & ([scriptblock]::Create($Script))
                }).AddArgument((Get-VeoModuleManifest)).AddArgument($emulator.BaseUri).AddArgument($emulator.Key).AddArgument($Script) | Out-Null
            $stopped = $null
            $output = try { $runspace.Invoke() } catch { $stopped = $_ }
            [pscustomobject]@{ Output = @($output); Errors = @($runspace.Streams.Error); Stopped = $stopped }
        }
        finally { $runspace.Dispose() }
    }

    # The create requests the emulator received since the log was cleared, whichever dialect sent them.
    function Get-CreateRequest {
        Get-EmulatorRequest $emulator | Where-Object {
            $_.method -eq 'POST' -and $_.path -match '^/v1/videos$|/v1/video/create$|:predictLongRunning$'
        }
    }

    function New-FinishedTask {
        param([string[]] $Prompt = @('first', 'second'))
        $Prompt | New-VeoVideo | Wait-VeoVideo -PollInterval 1
    }
}

AfterAll {
    Stop-TestEmulator $emulator
    Remove-Item $env:VEO_HOME -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Veo in everyday PowerShell idioms' {
    BeforeEach {
        Connect-EveryRouteToEmulator $emulator
        Clear-EmulatorFault $emulator
        Clear-EmulatorRequest $emulator
    }

    Describe 'Select-Object -First 1 ends a pipeline quietly' {
        It "'a','b','c' | New-VeoVideo | Select-Object -First 1 makes one video and the script goes on" {
            $run = Invoke-InNewRunspace "'a', 'b', 'c' | New-VeoVideo | Select-Object -First 1; 'next'"
            $run.Stopped | Should -BeNullOrEmpty
            $run.Errors | Should -BeNullOrEmpty
            $run.Output[-1] | Should -Be 'next' -Because 'the script goes on after the pipeline'
            @(Get-CreateRequest) | Should -HaveCount 1 -Because 'the videos after the first were never asked for (and would be paid)'
        }

        It '<Command> | Select-Object -First 1 writes no error and the script goes on' -ForEach @(
            @{ Command = 'Get-VeoVideo' }
            @{ Command = 'Get-VeoPrice' }
            @{ Command = 'Get-VeoRoute' }
        ) {
            if ($Command -eq 'Get-VeoVideo') { New-FinishedTask | Out-Null }
            $run = Invoke-InNewRunspace "$Command | Select-Object -First 1; 'next'"
            $run.Stopped | Should -BeNullOrEmpty
            $run.Errors | Should -BeNullOrEmpty
            $run.Output | Should -HaveCount 2
            $run.Output[-1] | Should -Be 'next' -Because 'the script goes on after the pipeline'
        }
    }

    Describe 'Only a string, or an object with a Prompt property, is a prompt' {
        BeforeAll { New-ExampleWorkspace -Path (Join-Path $TestDrive 'prompts') | Out-Null }

        It '<Case> is an error and nothing is created' -ForEach @(
            @{ Case = 'Get-ChildItem *.png | New-VeoVideo without -Prompt'; Script = { Get-ChildItem (Join-Path $TestDrive 'prompts/*.png') | New-VeoVideo } }
            @{ Case = 'a CSV without a Prompt column'; Script = { "Name,Model`nfox,Fast" | ConvertFrom-Csv | New-VeoVideo } }
            @{ Case = 'a hashtable'; Script = { @{ Prompt = 'A fox' } | New-VeoVideo } }
        ) {
            $run = Invoke-UserScript $Script
            @($run.Errors) + @($run.Stopped | Where-Object { $_ }) | Should -Not -BeNullOrEmpty
            $run.Output | Where-Object { $_ } | Should -BeNullOrEmpty
            Get-CreateRequest | Should -BeNullOrEmpty
        }
    }

    Describe 'CSV cells bind like parameters' {
        It 'a blank Seed is the default: no seed is sent' {
            $run = Invoke-UserScript { "Prompt,Seed`n`"A calm sea`"," | ConvertFrom-Csv | New-VeoVideo }
            $run.Errors | Should -BeNullOrEmpty
            $run.Stopped | Should -BeNullOrEmpty
            $create = @(Get-CreateRequest)
            $create | Should -HaveCount 1
            $create[0].fields.key | Should -Not -Contain 'seed'
        }

        It 'blank BaseUri and Route cells are the defaults' {
            $run = Invoke-UserScript { "Prompt,Route,BaseUri`n`"A calm sea`",," | ConvertFrom-Csv | New-VeoVideo }
            $run.Errors | Should -BeNullOrEmpty
            $run.Stopped | Should -BeNullOrEmpty
            $run.Output.Route | Should -Be 'LaoZhang'
            @(Get-CreateRequest) | Should -HaveCount 1
        }

        It 'a row with <Cell> is an error and sends nothing for it, and the other rows are still made' -ForEach @(
            @{ Cell = 'Duration=abc'; Csv = "Prompt,Duration`n`"good one`",8`n`"bad row`",abc`n`"good two`",4" }
            @{ Cell = 'Duration=8.5'; Csv = "Prompt,Duration`n`"good one`",8`n`"bad row`",8.5`n`"good two`",4" }
            @{ Cell = 'Seed=notanumber'; Csv = "Prompt,Seed`n`"good one`",1`n`"bad row`",notanumber`n`"good two`",2" }
        ) {
            $run = Invoke-UserScript { $Csv | ConvertFrom-Csv | New-VeoVideo }
            $run.Stopped | Should -BeNullOrEmpty -Because 'one bad row must not stop the batch'
            $run.Errors | Should -HaveCount 1
            $run.Output.Prompt | Should -Be 'good one', 'good two'
            (Get-CreateRequest).fields | Where-Object key -EQ 'prompt' | ForEach-Object value | Should -Be 'good one', 'good two'
        }
    }

    Describe 'Every way of handing tasks over works' {
        BeforeAll {
            $work = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'handing')
        }

        It '$tasks | Save-VeoVideo ./videos saves into ./videos (the folder is the first positional parameter)' {
            $tasks = New-FinishedTask
            Push-Location $work
            try { $run = Invoke-UserScript { $tasks | Save-VeoVideo ./videos } }
            finally { Pop-Location }
            $run.Errors | Should -BeNullOrEmpty
            $run.Stopped | Should -BeNullOrEmpty
            (Get-ChildItem (Join-Path $work 'videos') -Filter '*.mp4').BaseName | Sort-Object | Should -Be ($tasks.Id | Sort-Object)
        }

        It 'Wait-VeoVideo $tasks (positional) waits for every task' {
            $tasks = 'one', 'two' | New-VeoVideo
            $run = Invoke-UserScript { Wait-VeoVideo $tasks -PollInterval 1 }
            $run.Stopped | Should -BeNullOrEmpty
            $run.Errors | Should -BeNullOrEmpty
            $run.Output.Id | Sort-Object | Should -Be ($tasks.Id | Sort-Object)
            $run.Output.Status | Should -Not -Contain 'Queued'
        }

        It 'Wait-VeoVideo -InputObject $tasks (an array) waits for every task' {
            $tasks = 'one', 'two' | New-VeoVideo
            $run = Invoke-UserScript { Wait-VeoVideo -InputObject $tasks -PollInterval 1 }
            $run.Stopped | Should -BeNullOrEmpty
            $run.Errors | Should -BeNullOrEmpty
            $run.Output.Id | Sort-Object | Should -Be ($tasks.Id | Sort-Object)
        }

        It 'Save-VeoVideo -InputObject $tasks saves every task' {
            $tasks = New-FinishedTask
            $folder = Join-Path $work 'input-object'
            $run = Invoke-UserScript { Save-VeoVideo -InputObject $tasks -Path $folder }
            $run.Stopped | Should -BeNullOrEmpty
            $run.Errors | Should -BeNullOrEmpty
            $run.Output.TaskId | Sort-Object | Should -Be ($tasks.Id | Sort-Object)
        }

        It 'Get-VeoPrice -InputObject $tasks prices every task' {
            $tasks = 'one', 'two' | New-VeoVideo
            $run = Invoke-UserScript { Get-VeoPrice -InputObject $tasks }
            $run.Stopped | Should -BeNullOrEmpty
            $run.Errors | Should -BeNullOrEmpty
            $run.Output | Should -HaveCount 2
        }
    }

    Describe 'Session state belongs to its runspace' {
        It 'Connect-Veo -Route Google in ForEach-Object -Parallel leaves the caller''s default route alone' {
            $manifest = Get-VeoModuleManifest
            $baseUri = $emulator.BaseUri
            $plainKey = $emulator.Key
            1..2 | ForEach-Object -Parallel {
                Import-Module $using:manifest
                Connect-Veo -Route Google -BaseUri $using:baseUri -ApiKey (ConvertTo-SecureString $using:plainKey -AsPlainText -Force) | Out-Null
            }
            (Get-VeoRoute | Where-Object IsDefault).Name | Should -Be 'LaoZhang'
        }

        It '$env:VEO_HOME changed mid-session takes effect: a new task goes to the new folder''s journal' {
            $before = $env:VEO_HOME
            $env:VEO_HOME = Join-Path $TestDrive 'another-home'
            try { $task = New-VeoVideo 'into the new journal' }
            finally { $env:VEO_HOME = $before }
            $journal = Join-Path $TestDrive 'another-home/journal.jsonl'
            $journal | Should -Exist
            Get-Content $journal -Raw | Should -Match ([regex]::Escape($task.Id))
        }
    }

    Describe 'Connect-Veo remembers each route''s connection' {
        It 'after connecting Google, tasks made on LaoZhang earlier are still waited for and saved, and a mixed batch is saved whole' {
            Connect-Veo -Route LaoZhang -BaseUri $emulator.BaseUri -ApiKey $key | Out-Null
            $onLaoZhang = New-VeoVideo 'made on LaoZhang'
            Connect-Veo -Route Google -BaseUri $emulator.BaseUri -ApiKey $key | Out-Null
            $onGoogle = New-VeoVideo 'made on Google'
            $run = Invoke-UserScript { $onLaoZhang, $onGoogle | Wait-VeoVideo -PollInterval 1 | Save-VeoVideo -Path (Join-Path $TestDrive 'mixed') }
            $run.Stopped | Should -BeNullOrEmpty
            $run.Errors | Should -BeNullOrEmpty
            $run.Output.Route | Sort-Object | Should -Be 'Google', 'LaoZhang'
        }

        It '-Route LaoZhang still goes to the emulator after Google was connected' {
            Connect-Veo -Route LaoZhang -BaseUri $emulator.BaseUri -ApiKey $key | Out-Null
            Connect-Veo -Route Google -BaseUri $emulator.BaseUri -ApiKey $key | Out-Null
            $run = Invoke-UserScript { New-VeoVideo 'on LaoZhang by name' -Route LaoZhang }
            $run.Stopped | Should -BeNullOrEmpty
            $run.Errors | Should -BeNullOrEmpty
            $run.Output.BaseUri | Should -Be $emulator.BaseUri
            @(Get-CreateRequest) | Should -HaveCount 1
        }

        It 'Connect-Veo -Route LaoZhang without -BaseUri never silently moves it from the emulator to the paid service' {
            Connect-Veo -Route LaoZhang -BaseUri $emulator.BaseUri -ApiKey $key | Out-Null
            Connect-Veo -Route Google -BaseUri $emulator.BaseUri -ApiKey $key | Out-Null
            $connection = Connect-Veo -Route LaoZhang -WarningVariable warnings -WarningAction SilentlyContinue
            $connection.BaseUri -eq $emulator.BaseUri -or @($warnings).Count -gt 0 | Should -BeTrue -Because "it now points at $($connection.BaseUri)"
            if ($connection.BaseUri -ne $emulator.BaseUri) { "$warnings" | Should -Match ([regex]::Escape($connection.BaseUri.Host)) }
        }
    }

    Describe 'Errors carry ids a script can test' {
        BeforeAll {
            # A second emulator, in a runspace of its own: nothing it makes finishes during a test.
            $slow = Start-TestEmulator -RenderSeconds 600
        }
        AfterAll { Stop-TestEmulator $slow }

        It 'a failed render is VideoTaskFailed' {
            Add-EmulatorFault $emulator @{ kind = 'FailTask'; times = 1; errorMessage = 'The render failed on purpose' }
            $run = Invoke-UserScript { New-VeoVideo 'doomed' | Wait-VeoVideo -PollInterval 1 }
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'VideoTaskFailed*'
            "$($run.Errors[0])" | Should -Match 'on purpose'
        }

        It 'a wait that runs out of time is WaitTimeout' {
            Connect-Veo -Route LaoZhang -BaseUri $slow.BaseUri -ApiKey (ConvertTo-TestKey $slow) | Out-Null
            $run = Invoke-UserScript { New-VeoVideo 'slow' | Wait-VeoVideo -Timeout 2 -PollInterval 1 }
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'WaitTimeout*'
        }

        It 'saving a task that is not finished is VideoNotReady' {
            Connect-Veo -Route LaoZhang -BaseUri $slow.BaseUri -ApiKey (ConvertTo-TestKey $slow) | Out-Null
            $run = Invoke-UserScript { New-VeoVideo 'not yet' | Save-VeoVideo -Path (Join-Path $TestDrive 'not-ready') }
            $run.Errors | Should -HaveCount 1
            $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'VideoNotReady*'
        }

        It 'a refused key on <Route> stops the pipeline with ApiKeyRefused' -ForEach @(
            @{ Route = 'LaoZhang' }, @{ Route = 'Crazyrouter' }, @{ Route = 'Google' }
        ) {
            Connect-Veo -Route $Route -BaseUri $emulator.BaseUri -ApiKey (ConvertTo-SecureString 'not-the-key' -AsPlainText -Force) | Out-Null
            $run = Invoke-UserScript { 'one', 'two' | New-VeoVideo -Route $Route -ErrorAction SilentlyContinue; 'after' }
            $run.Stopped | Should -Not -BeNullOrEmpty -Because 'every other video would be refused too'
            $run.Stopped.FullyQualifiedErrorId | Should -BeLike 'ApiKeyRefused*'
            $run.Output | Should -Not -Contain 'after'
        }
    }

    Describe 'A typo names the valid values' {
        It '<Command> writes an error naming <Expected>' -ForEach @(
            @{ Command = 'Get-VeoPrice -Model nonsense'; Script = { Get-VeoPrice -Model nonsense }; Expected = 'Fast', 'Standard' }
            @{ Command = 'Get-VeoPrice -Route nonsense'; Script = { Get-VeoPrice -Route nonsense }; Expected = 'LaoZhang', 'Crazyrouter', 'Google' }
            @{ Command = 'Get-VeoPrice -Compare Nope'; Script = { Get-VeoPrice -Compare Nope }; Expected = 'LaoZhang', 'Crazyrouter', 'Google' }
            @{ Command = 'Get-VeoRoute Nope'; Script = { Get-VeoRoute Nope }; Expected = 'LaoZhang', 'Crazyrouter', 'Google' }
        ) {
            $run = Invoke-UserScript $Script
            $errors = @($run.Errors) + @($run.Stopped | Where-Object { $_ })
            $errors | Should -Not -BeNullOrEmpty
            foreach ($name in $Expected) { "$($errors[0])" | Should -Match $name }
        }

        It 'Get-VeoPrice -Duration 5 prices Gemini Omni only, and is an error on a Veo route (Veo makes 4, 6 and 8 seconds)' {
            $all = Invoke-UserScript { Get-VeoPrice -Duration 5 }
            @($all.Output | Where-Object { $_ } | ForEach-Object Model | Sort-Object -Unique) | Should -Be @('gemini-omni-flash')
            $run = Invoke-UserScript { Get-VeoPrice -Route LaoZhang -Duration 5 }
            @($run.Errors) + @($run.Stopped | Where-Object { $_ }) | Should -Not -BeNullOrEmpty
            $run.Output | Where-Object { $_ } | Should -BeNullOrEmpty
        }

        It 'Register-VeoRoute -Model gpt-4 is refused and nothing is registered' {
            $run = Invoke-UserScript {
                Register-VeoRoute -Name NotVeo -Dialect OpenAIVideos -BaseUri $emulator.BaseUri -KeyVariable NOT_VEO_KEY -Model gpt-4
            }
            @($run.Errors) + @($run.Stopped | Where-Object { $_ }) | Should -Not -BeNullOrEmpty
            (Get-VeoRoute).Name | Should -Not -Contain 'NotVeo'
        }
    }

    Describe 'Output reads well' {
        It '-WhatIf names the prompt once, in plain quotes' {
            $transcript = Join-Path $TestDrive 'whatif.txt'
            Start-Transcript -Path $transcript | Out-Null
            try { New-VeoVideo 'A fox in the snow' -WhatIf } finally { Stop-Transcript | Out-Null }
            $line = Get-Content $transcript | Where-Object { $_ -like 'What if:*' }
            $line | Should -HaveCount 1
            $line | Should -Not -Match '""A fox in the snow""'
            ([regex]::Matches($line, 'A fox in the snow')).Count | Should -Be 1
        }

        It 'Get-VeoPrice | Format-Table has no column that is always empty' {
            $lines = (Get-VeoPrice | Format-Table | Out-String -Width 300) -split "`r?`n" | Where-Object { $_.Trim() }
            $rule = $lines.IndexOf(($lines | Where-Object { $_ -match '^[-\s]+$' } | Select-Object -First 1))
            $columns = [regex]::Matches($lines[$rule], '-+')
            foreach ($column in $columns) {
                $cells = $lines[($rule + 1)..($lines.Count - 1)] | ForEach-Object {
                    if ($_.Length -gt $column.Index) { $_.Substring($column.Index, [Math]::Min($column.Length, $_.Length - $column.Index)).Trim() }
                }
                $name = $lines[$rule - 1].Substring($column.Index, [Math]::Min($column.Length, $lines[$rule - 1].Length - $column.Index)).Trim()
                $cells | Where-Object { $_ } | Should -Not -BeNullOrEmpty -Because "column '$name' should show something"
            }
        }

        It 'a Google task''s file is named after its short operation id' {
            $file = New-VeoVideo 'on Google' -Route Google | Wait-VeoVideo -PollInterval 1 | Save-VeoVideo -Path (Join-Path $TestDrive 'google')
            $file.Name | Should -Not -BeLike 'models*'
            $file.Name | Should -Not -Match '[/\\]'
            $file.Name | Should -BeLike "$(($file.TaskId -split '/')[-1])*"
        }
    }

    Describe '-Debug and -Verbose tell what happens' {
        It 'New-VeoVideo -Debug -Confirm:$false never asks after a create' {
            # A runspace of its own has no one to answer: a question would be an error there.
            $runspace = [powershell]::Create()
            try {
                $runspace.AddScript({
                        param($Manifest, $BaseUri, $Key)
                        Import-Module $Manifest
                        $DebugPreference = 'Continue'
                        Connect-Veo -Route LaoZhang -BaseUri $BaseUri -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) | Out-Null
                        New-VeoVideo 'asked nothing' -Debug -Confirm:$false
                    }).AddArgument((Get-VeoModuleManifest)).AddArgument($emulator.BaseUri).AddArgument($emulator.Key) | Out-Null
                $made = $runspace.Invoke()
                $runspace.Streams.Error | Should -BeNullOrEmpty
                $made.Prompt | Should -Be 'asked nothing'
            }
            finally { $runspace.Dispose() }
        }

        It 'Wait-VeoVideo shows each HTTP exchange (method, URL, status) on the debug stream and never the key' {
            $task = New-VeoVideo 'debugged'
            $DebugPreference = 'Continue'
            $debug = $task | Wait-VeoVideo -PollInterval 1 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
            $debug.Message | Should -Match "GET .*$([regex]::Escape($task.Id)).*200"
            $debug.Message | Should -Not -Match $emulator.Key
        }

        It 'Wait-VeoVideo -Debug asks nothing, even in a non-interactive shell' {
            # -Debug makes a compiled cmdlet ask "Continue?" at each debug line, an error where nobody can answer;
            # Veo writes its lines to the host instead.
            $task = New-VeoVideo 'debugged, not asked'
            $done = $task | Wait-VeoVideo -PollInterval 1 -Debug -ErrorVariable failed
            $failed | Should -BeNullOrEmpty
            $done.Id | Should -Be $task.Id
        }

        It 'Wait-VeoVideo -Verbose says what it polls' {
            $task = New-VeoVideo 'verbose'
            $verbose = $task | Wait-VeoVideo -PollInterval 1 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            $verbose.Message | Should -Match ([regex]::Escape($task.Id))
        }
    }

    Describe 'Help is current' {
        It '<Topic> does not say a route "cannot create yet"' -ForEach @(@{ Topic = 'about_Veo' }, @{ Topic = 'New-VeoVideo' }) {
            $help = Get-Help $Topic -Full | Out-String -Width 300
            $help | Should -Not -BeNullOrEmpty
            $help | Should -Not -Match 'cannot create yet'
        }

        It '<_> has a HelpUri' -ForEach $cmdlets {
            (Get-Command $_).HelpUri | Should -Not -BeNullOrEmpty
        }
    }
}
