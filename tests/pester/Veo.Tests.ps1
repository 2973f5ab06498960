#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The pipeline as users write it, against the emulator the module carries (Start-VeoEmulator, in this process).
# Run with ./build.ps1 Pester (./build.ps1 Test runs it too). This is also the pattern for Pester-testing your own Veo
# scripts offline (about_Veo_Testing).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VeoTestSupport.psm1') -Force
    # Registered routes go to routes.json in VEO_HOME: a folder of the suite's own.
    $env:VEO_HOME = Join-Path ([IO.Path]::GetTempPath()) "veo-pester-$([guid]::NewGuid())"
    Import-Module (Get-VeoModuleManifest) -Force
    Start-VeoEmulator -Route LaoZhang -RenderSeconds 1
    $out = Join-Path $TestDrive 'videos'
}

AfterAll {
    Stop-VeoEmulator
    Remove-Item $env:VEO_HOME -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'New-VeoVideo | Wait-VeoVideo | Save-VeoVideo' {
    It 'turns a prompt into a saved MP4 with audio' {
        $file = New-VeoVideo -Prompt 'A lighthouse at dusk' | Wait-VeoVideo -PollInterval 1 | Save-VeoVideo -Path $out
        $file.Width | Should -Be 1280
        $file.Height | Should -Be 720
        $file.HasAudio | Should -BeTrue
        Test-Path $file.Path | Should -BeTrue
    }

    It 'makes one video per CSV row' {
        $csv = Join-Path $TestDrive 'prompts.csv'
        @'
Prompt,Resolution,AspectRatio
"A portrait city street",1080p,9:16
"A calm sea",,
'@ | Set-Content $csv
        $files = Import-Csv $csv | New-VeoVideo | Wait-VeoVideo -PollInterval 1 | Save-VeoVideo -Path $out
        $files | Should -HaveCount 2
        ($files | Where-Object Prompt -eq 'A portrait city street').Height | Should -Be 1920
    }

    It 'waits for ids read back from a CSV' {
        $ids = Join-Path $TestDrive 'ids.csv'
        'one', 'two' | New-VeoVideo | Select-Object Id, Route | Export-Csv $ids
        $files = Import-Csv $ids | Wait-VeoVideo -PollInterval 1 | Save-VeoVideo -Path $out
        $files | Should -HaveCount 2
    }
}

Describe 'Money' {
    It '-WhatIf sends nothing' {
        $before = @(Get-VeoEmulatorRequest).Count
        New-VeoVideo -Prompt 'not made' -WhatIf
        @(Get-VeoEmulatorRequest).Count | Should -Be $before
    }

    It '-MaxCost stops the batch at the video that would pass it' {
        $made = 1..5 | ForEach-Object { "video $_" } | New-VeoVideo -MaxCost 1.00 -ErrorAction SilentlyContinue -ErrorVariable capped
        $made | Should -HaveCount 3
        $capped[0].FullyQualifiedErrorId | Should -BeLike 'SpendingCapReached*'
    }

    It 'prices a batch with Measure-Object' {
        (Get-VeoPrice -Route LaoZhang -Model Fast -Resolution 720p -Count 10).Cost | Should -Be 3.00
        # Measure-Object adds in floating point (0.3 + 0.3 + 0.3 is 0.8999...), so the sum is compared to the cent.
        $sum = (1..3 | ForEach-Object { New-VeoVideo -Prompt "p$_" } | Get-VeoPrice | Measure-Object Cost -Sum).Sum
        [Math]::Round($sum, 2) | Should -Be 0.90
    }

    It 'compares the gateway with Vertex AI, and Gemini Omni with Veo 3.1 Fast there' {
        $row = Get-VeoPrice -Model veo-3.1-fast-generate-preview -Resolution 4k -Compare Vertex | Where-Object Route -eq LaoZhang
        $row.PercentDifference | Should -Be -89.3
        $omni = Get-VeoPrice -Resolution 720p -Compare Vertex | Where-Object Route -eq Google
        $omni.ComparedTo | Should -Be 'Vertex veo-3.1-fast'
        $omni.PercentDifference | Should -Be -32.4
    }
}

Describe 'Resume after a crash' {
    It 'finishes exactly the tasks that were created but not saved' {
        $made = 'r1', 'r2', 'r3' | New-VeoVideo
        $made[0] | Wait-VeoVideo -PollInterval 1 | Save-VeoVideo -Path $out | Out-Null
        # ... the script dies here; a new session resumes from the journal:
        $pending = Get-VeoVideo -State Pending | Where-Object Id -in $made.Id
        $pending | Should -HaveCount 2
        $files = $pending | Wait-VeoVideo -PollInterval 1 | Save-VeoVideo -Path $out
        $files.TaskId | Sort-Object | Should -Be ($made[1..2].Id | Sort-Object)
        Get-VeoVideo -State Pending | Where-Object Id -in $made.Id | Should -BeNullOrEmpty
    }
}

Describe 'Routes' {
    It 'lists the built-in routes without showing a key' {
        $routes = Get-VeoRoute
        $routes.Name | Should -Contain 'Google'
        ($routes | Where-Object Name -eq LaoZhang).KeySource | Should -Be 'Connect-Veo'
        ($routes | Out-String) | Should -Not -Match 'emulator-[0-9a-f]{32}'
    }

    It 'registers a gateway of a known dialect and makes a video through it' {
        Register-VeoRoute -Name PesterGateway -Dialect UnifiedVideo -BaseUri https://gw.example.com/ -KeyVariable PESTER_GATEWAY_KEY | Out-Null
        try {
            # Start-VeoEmulator connects the routes there are when it starts: again, so the new gateway is among them.
            Start-VeoEmulator -Route LaoZhang -RenderSeconds 1
            $file = New-VeoVideo -Prompt 'via a registered gateway' -Route PesterGateway | Wait-VeoVideo -PollInterval 1 | Save-VeoVideo -Path $out
            $file.Route | Should -Be 'PesterGateway'
            (Get-VeoEmulatorRequest -Method POST | Select-Object -Last 1).Path | Should -Be '/v1/video/create'
        }
        finally {
            Unregister-VeoRoute -Name PesterGateway
        }
    }
}

Describe 'Errors' {
    It 'refuses 1080p at 4 seconds before any call' {
        { New-VeoVideo -Prompt 'x' -Resolution 1080p -Duration 4 -ErrorAction Stop } | Should -Throw '*8-second*'
    }
}
