#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Every example a user reads runs here against the emulator: each ```powershell block of README.md and each example under
# "## EXAMPLES" of docs/*.md, read from the markdown itself, so an example that goes stale or breaks fails CI.
# Each runs in a runspace of its own (a fresh Veo session) in the world Invoke-Example describes.

BeforeDiscovery {
    $root = (Resolve-Path "$PSScriptRoot/../..").Path
    Import-Module (Join-Path $PSScriptRoot 'VeoTestSupport.psm1') -Force
    $pages = @(Get-Item (Join-Path $root 'README.md')) + @(Get-ChildItem (Join-Path $root 'docs') -Filter '*.md' | Sort-Object Name)
    $examples = foreach ($page in $pages) { Get-MarkdownExample $page.FullName }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VeoTestSupport.psm1') -Force
    $emulator = Start-TestEmulator
    # As installed: Veo is found by name (the examples' parallel runspaces load it so).
    $userModulePath = $env:PSModulePath
    $env:PSModulePath = (Split-Path (Split-Path (Get-VeoModuleManifest))) + [IO.Path]::PathSeparator + $env:PSModulePath
    $veoHomes = Join-Path ([IO.Path]::GetTempPath()) "veo-pester-examples-$([guid]::NewGuid())"
    $userVeoHome = $env:VEO_HOME

    # The examples name real hosts, placeholder ids and pauses meant for a person. Each row replaces one text of an
    # example before it runs, and says why; nothing else of an example is changed.
    $substitutions = @(
        # Every address an example names is the emulator's: nothing leaves the machine and nothing is paid.
        @{ Text = 'http://127.0.0.1:5080/'; With = $emulator.BaseUri }
        @{ Text = 'https://api.example.com/'; With = $emulator.BaseUri }
        @{ Text = 'https://other.example.com/'; With = $emulator.BaseUri }
        @{ Text = 'https://gw.example.com/'; With = $emulator.BaseUri }
        # The module the README's Build section lays out.
        @{ Text = './out/Veo/Veo.psd1'; With = Get-VeoModuleManifest }
        # The task ids of the pages' sample output stand for a finished task of the fixture.
        @{ Text = 'task_9jt2n9togd1pi9b3lljnlv4e0833h7wv'; With = '$known.Id' }
        @{ Text = 'video_68d7e1a4c2b88190'; With = '$known.Id' }
        # The attempt id of Confirm-VeoCreate's page stands for the fixture's create whose answer was lost.
        @{ Text = '0f3c9a7e5b2d4c1e8a6f9b0d2e4c6a8b'; With = '$uncertain.attempt' }
        # Poll intervals chosen for the real service; the emulator renders in a second.
        @{ Text = '-PollInterval 10'; With = '-PollInterval 1' }
        @{ Text = '-PollInterval 30'; With = '-PollInterval 1' }
        # No gcloud here: a token of the emulator's stands for the access token it prints.
        @{ Text = 'gcloud auth print-access-token'; With = "'$($emulator.Key)'" }
        # The key an example gives its emulator is the test emulator's (Start-VeoEmulator makes one per emulator).
        @{ Text = 'ConvertTo-SecureString emulator-key'; With = "ConvertTo-SecureString $($emulator.Key)" }
        # Nobody is there to answer -Confirm's prompt: the test answers Yes.
        @{ Text = 'Unregister-VeoRoute -Confirm'; With = 'Unregister-VeoRoute -Confirm:$false' }
    )

    # Examples that show an error on purpose (page and title, whatever its number), and the error id each must produce.
    $expectedErrors = @{
        'New-VeoVideo.md - Example *: A request that cannot be made is refused before any call' = 'InvalidVideoRequest'
        'Add-VeoEmulatorFault.md - Example *: a failed render' = 'VideoTaskFailed'
        'Add-VeoEmulatorFault.md - Example *: a model retired in the middle of a session' = 'ModelUnavailable'
        'Stop-VeoVideo.md - Example *: a cancelled task seen by Wait-VeoVideo' = 'VideoTaskFailed'
    }

    # Warnings of the suite's world, not of the example, each with why: a user's own session does not print them.
    $fixtureWarnings = @(
        # Get-VeoVideo names the fixture's create whose answer was lost ($uncertain) whenever it lists tasks.
        'outcome is unknown'
        # The pictures an example names are 1280x720 stand-ins for the user's own, whatever size the video is.
        '^(Row \d+ \(.*\): )?The image .* but the video will be'
        # Every route starts on the emulator's loopback address, so connecting one to its real host warns of the move.
        '^The default route is now .* a paid service'
    ) -join '|'

    # Variables the examples read or set, restored after each: they are the process's, shared by every runspace.
    $exampleVariables = 'MYGATEWAY_KEY', 'LAOZHANG_API_KEY', 'CRAZYROUTER_API_KEY', 'GEMINI_API_KEY', 'VEO_API_KEY', 'VEO_MAX_COST'
}

AfterAll {
    Stop-TestEmulator $emulator
    $env:PSModulePath = $userModulePath
    $env:VEO_HOME = $userVeoHome
    Remove-Item $veoHomes -Recurse -Force -ErrorAction SilentlyContinue
}

Describe '<_>' -ForEach @($examples.Page | Select-Object -Unique) {
    It '<_.Title>' -ForEach @($examples | Where-Object Page -EQ $_) {
        $example = $_
        $workspace = Join-Path $TestDrive ($example.Name -replace '\W+', '-')
        $saved = @{}
        foreach ($name in $exampleVariables) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
        # Its own journal and registered routes, so no example sees another's tasks.
        $env:VEO_HOME = Join-Path $veoHomes ($example.Name -replace '\W+', '-')
        $env:MYGATEWAY_KEY = $emulator.Key
        $createsBefore = (Get-EmulatorTask $emulator).Count
        try { $run = Invoke-Example -Emulator $emulator -Code $example.Code -Workspace $workspace -Substitution $substitutions }
        finally { foreach ($name in $exampleVariables) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
        $fixtureCreates = $run.Tasks.Count

        $expectedError = $expectedErrors.GetEnumerator() | Where-Object { $example.Name -like $_.Key } | ForEach-Object Value
        if ($expectedError) {
            $run.Errors | Should -Not -BeNullOrEmpty
            $run.Errors[0].FullyQualifiedErrorId | Should -BeLike "$expectedError*"
        }
        else {
            $run.Errors | Should -BeNullOrEmpty -Because ($run.Errors | ForEach-Object { "$_ ($($_.FullyQualifiedErrorId))" } | Out-String)
            # A video the example asks for (a New-VeoVideo command without -WhatIf) is created...
            # (a Pester example asserts for itself)
            # (an example that starts its own emulator makes its videos there, not on the suite's)
            if (-not $run.IsPester -and $run.Code -notmatch 'Start-VeoEmulator' -and ($run.Code -split "`n" | Where-Object { $_ -match '(^|\|)\s*New-VeoVideo\b' -and $_ -notmatch '-WhatIf' })) {
                (Get-EmulatorTask $emulator).Count - $createsBefore | Should -BeGreaterThan $fixtureCreates -Because 'the example creates a video'
            }
            # ... and one it saves is on disk.
            if (-not $run.IsPester -and $run.Code -match 'Save-VeoVideo') {
                Get-ChildItem $workspace -Recurse -Filter '*.mp4' | Should -Not -BeNullOrEmpty -Because 'the example saves a video'
            }
        }
        # What the page shows it printing is what it prints: the table's columns and rows, every warning (none the page
        # does not show), and each error message shown.
        $shown = Read-PrintedText "$($example.Output)"
        $printed = Read-PrintedText $run.Output
        $because = "the page shows:`n$($example.Output)`nand it printed:`n$($run.Output)"
        if ($shown.Columns) {
            $printed.Columns -join ' ' | Should -Be ($shown.Columns -join ' ') -Because $because
            $printed.Rows | Should -Be $shown.Rows -Because $because
        }
        $warnings = @($run.Warnings | ForEach-Object { ConvertTo-ShownWarning $_ } | Where-Object { $_ -notmatch $fixtureWarnings })
        $warnings -join "`n" | Should -Be ($shown.Warnings -join "`n") -Because 'the page shows every warning the example prints'
        foreach ($message in $shown.Errors) { $message | Should -BeIn @($run.Errors.Exception.Message) }
    }
}
