#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Gemini Omni on the Google route (the Interactions API), through the built module and the emulator it carries: each
# mode, Stop-VeoVideo, resuming by id, and Veo's shut-down on the Gemini API, as a user scripts them.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VeoTestSupport.psm1') -Force
    $env:VEO_HOME = Join-Path ([IO.Path]::GetTempPath()) "veo-pester-omni-$([guid]::NewGuid())"
    Import-Module (Get-VeoModuleManifest) -Force
    Start-VeoEmulator -Route Google -RenderSeconds 1
    $out = Join-Path $TestDrive 'videos'
    $image = Join-Path (Get-RepositoryRoot) 'tests/TestData/images/frame-1280x720.png'
}

AfterAll {
    Stop-VeoEmulator
    Remove-Item $env:VEO_HOME -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Gemini Omni on the Google route' {
    It 'makes a 12-second text video with Omni 1.2 when no model is named' {
        $file = New-VeoVideo 'A red fox in the snow' -Duration 12 | Wait-VeoVideo -PollInterval 1 | Save-VeoVideo -Path $out
        $file.Model | Should -Be 'gemini-omni-1.2-flash'
        [math]::Round($file.Duration) | Should -Be 12
        $file.HasAudio | Should -BeTrue
        (Get-VeoEmulatorRequest -Method POST | Select-Object -Last 1).Path | Should -Be '/v1/interactions'
    }

    It 'animates an image' {
        $file = New-VeoVideo 'The boat sails off' -Image $image -Duration 4 | Wait-VeoVideo -PollInterval 1 | Save-VeoVideo -Path $out
        $file.Width | Should -Be 1280
        (Get-VeoEmulatorRequest -Method POST | Select-Object -Last 1).Json.generation_config.video_config.task | Should -Be 'image_to_video'
    }

    It 'takes up to six reference images and refuses a seventh before any call' {
        $file = New-VeoVideo 'Them at the beach' -ReferenceImage (, $image * 6) | Wait-VeoVideo -PollInterval 1 | Save-VeoVideo -Path $out
        $file | Should -Not -BeNullOrEmpty
        $before = @(Get-VeoEmulatorRequest -Method POST).Count
        New-VeoVideo 'Too many' -ReferenceImage (, $image * 7) -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'InvalidVideoRequest*'
        @(Get-VeoEmulatorRequest -Method POST).Count | Should -Be $before
    }

    It 'extends an Omni video by the seconds asked' {
        $first = New-VeoVideo 'A paper boat' -Duration 6 | Wait-VeoVideo -PollInterval 1
        $file = New-VeoVideo 'It reaches the pond' -Extend $first -Duration 5 | Wait-VeoVideo -PollInterval 1 | Save-VeoVideo -Path $out
        [math]::Round($file.Duration) | Should -Be 11
    }

    It 'cancels a running task, and Wait-VeoVideo then reports it cancelled' {
        $task = New-VeoVideo 'A long harbour shot'
        $stopped = $task | Stop-VeoVideo -Confirm:$false
        $stopped.ErrorCode | Should -Be 'cancelled'
        $task | Wait-VeoVideo -PollInterval 1 -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'VideoTaskFailed*'
        $failed[0].Exception.Message | Should -Match 'cancelled'
    }

    It 'resumes a task by its id alone from the journal' {
        $id = (New-VeoVideo 'Resume me').Id
        $file = Get-VeoVideo -Id $id | Wait-VeoVideo -PollInterval 1 | Save-VeoVideo -Path $out
        $file.TaskId | Should -Be $id
    }

    It 'refuses the shut-down Veo ids before any call, saying what to use' {
        $before = @(Get-VeoEmulatorRequest -Method POST).Count
        New-VeoVideo 'p' -Model Fast -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'ModelUnavailable*'
        $refused[0].Exception.Message | Should -Match '2026-10-22'
        $refused[0].Exception.Message | Should -Match '-Route Vertex'
        @(Get-VeoEmulatorRequest -Method POST).Count | Should -Be $before
    }
}
