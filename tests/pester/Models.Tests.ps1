#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The model catalog as a user meets it: a gateway that serves an id Veo has not met, declared in models.json and used
# for a batch; and a model its service retires in the middle of a session.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VeoTestSupport.psm1') -Force
    $env:VEO_HOME = Join-Path ([IO.Path]::GetTempPath()) "veo-pester-models-$([guid]::NewGuid())"
    New-Item -ItemType Directory -Path $env:VEO_HOME | Out-Null
    Import-Module (Get-VeoModuleManifest) -Force
    $out = Join-Path $TestDrive 'videos'
}

AfterAll {
    Remove-Item $env:VEO_HOME -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A model declared in models.json for a registered gateway' {
    BeforeAll {
        # The gateway started serving veo-3.2-fast, which Veo has not met (the emulator serves it as the gateway would).
        $emulator = Start-VeoEmulator -Listen -RenderSeconds 1 -Option @{ AddedGatewayModels = 'veo-3.2-fast' } -PassThru
        $env:MYGW_API_KEY = $emulator.ApiKey
        Register-VeoRoute -Name MyGateway -Dialect UnifiedVideo -BaseUri $emulator.BaseUri -KeyVariable MYGW_API_KEY | Out-Null
    }

    AfterAll {
        Unregister-VeoRoute MyGateway | Out-Null
        Remove-Item (Join-Path $env:VEO_HOME 'models.json') -ErrorAction SilentlyContinue
        Remove-Item Env:MYGW_API_KEY -ErrorAction SilentlyContinue
        Stop-VeoEmulator
    }

    It 'is refused before any call, naming how to declare it, while the catalog lacks it' {
        $before = @(Get-VeoEmulatorRequest -Method POST).Count
        New-VeoVideo 'A harbour' -Route MyGateway -Model veo-3.2-fast -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'InvalidVideoRequest*'
        $refused[0].Exception.Message | Should -BeLike "*declare it in $(Join-Path $env:VEO_HOME 'models.json')*Route 'MyGateway' and Id 'veo-3.2-fast'*"
        @(Get-VeoEmulatorRequest -Method POST).Count | Should -Be $before
    }

    It '-Live shows the gateway lists it and the catalog does not' {
        $row = Get-VeoModel -Route MyGateway -Live | Where-Object Id -EQ 'veo-3.2-fast'
        $row.Listed | Should -BeTrue
        $row.InCatalog | Should -BeFalse
        $row.Advice | Should -BeLike '*declare it in*'
    }

    It 'runs a batch once a row of Get-VeoModel declares it' {
        $entry = Get-VeoModel -Route Crazyrouter -Family Fast
        $entry.Route = 'MyGateway'
        $entry.Id = 'veo-3.2-fast'
        $entry.Family = 'veo-3.2-fast'
        $entry | ConvertTo-Json -Depth 5 -AsArray | Set-Content (Join-Path $env:VEO_HOME 'models.json')

        (Get-VeoModel -Route MyGateway).Id | Should -Be 'veo-3.2-fast'
        $files = 'A harbour at dawn', 'A harbour at dusk' |
            New-VeoVideo -Route MyGateway -Model veo-3.2-fast | Wait-VeoVideo -PollInterval 1 | Save-VeoVideo -Path $out
        $files | Should -HaveCount 2
        $files.Model | Sort-Object -Unique | Should -Be 'veo-3.2-fast'
        (Get-VeoEmulatorRequest -Method POST -Path '/v1/video/create').StatusCode | Select-Object -Last 2 | Should -Be 200, 200
    }

    It 'fails closed under a spending cap while its price is unknown' {
        New-VeoVideo 'A harbour at noon' -Route MyGateway -Model veo-3.2-fast -MaxCost 5 -ErrorVariable capped -ErrorAction SilentlyContinue
        $capped[0].FullyQualifiedErrorId | Should -BeLike 'SpendingCapReached*'
    }

    It 'is refused with its own limits' {
        New-VeoVideo 'A harbour' -Route MyGateway -Model veo-3.2-fast -Resolution 1080p -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].Exception.Message | Should -BeLike "*Resolution '1080p' is not supported on MyGateway*use -Resolution 720p*"
    }
}

Describe 'A model retired in the middle of a session' {
    BeforeAll {
        Start-VeoEmulator -Route LaoZhang -RenderSeconds 1
        # The catalog knows what replaces the model, as it would once the gateway announced it.
        $entry = Get-VeoModel -Route LaoZhang -Family Fast
        $entry.Replacement = 'veo-3.1-generate-preview'
        $entry | ConvertTo-Json -Depth 5 -AsArray | Set-Content (Join-Path $env:VEO_HOME 'models.json')
    }

    AfterAll {
        Remove-Item (Join-Path $env:VEO_HOME 'models.json') -ErrorAction SilentlyContinue
        Stop-VeoEmulator
    }

    It 'is ModelUnavailable with the replacement, sent once and never journaled as created' {
        New-VeoVideo 'Before the retirement' -Model Fast | Should -Not -BeNullOrEmpty
        Add-VeoEmulatorFault -Kind ModelRetired -Model veo-3.1-fast-generate-preview
        $created = @(Get-VeoVideo).Count
        $posts = @(Get-VeoEmulatorRequest -Method POST).Count

        New-VeoVideo 'After the retirement' -Model Fast -ErrorVariable gone -ErrorAction SilentlyContinue

        $gone | Should -HaveCount 1
        $gone[0].FullyQualifiedErrorId | Should -BeLike 'ModelUnavailable*'
        $gone[0].Exception.Message | Should -BeLike '*does not serve model veo-3.1-fast-generate-preview*Use -Model veo-3.1-generate-preview instead.*'
        $gone[0].ErrorDetails.RecommendedAction | Should -Be 'Use -Model veo-3.1-generate-preview.'
        @(Get-VeoEmulatorRequest -Method POST).Count | Should -Be ($posts + 1)
        @(Get-VeoVideo).Count | Should -Be $created
    }

    It 'works again on the replacement it names' {
        $file = New-VeoVideo 'After the retirement' -Model veo-3.1-generate-preview | Wait-VeoVideo -PollInterval 1 | Save-VeoVideo -Path $out
        $file.Model | Should -Be 'veo-3.1-generate-preview'
    }
}
