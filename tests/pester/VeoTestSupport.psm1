# What the Pester files share: the module's emulator listening on a loopback port (Start-VeoEmulator -Listen) for the
# example, idiom and isolation harnesses, which reach it from other runspaces and processes; a session pointed at it on
# every route, its request log, and the files the examples of README.md and docs/*.md name. Veo.Tests.ps1 and
# InstalledModule.Tests.ps1 run Start-VeoEmulator in their own session instead.

$script:repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

# The module users install: what build.ps1 lays out in out/Veo, never the build output of src/.
$script:moduleManifest = Join-Path $script:repositoryRoot 'out/Veo/Veo.psd1'

$script:builtInRoutes = 'LaoZhang', 'Crazyrouter', 'Google'

function Get-VeoModuleManifest { $script:moduleManifest }

function Get-RepositoryRoot { $script:repositoryRoot }

function Get-PwshCommand {
    <# The pwsh running the tests, to start a fresh one: the local tool runs as `dotnet pwsh.dll`, an installed one directly. #>
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { $process, (Join-Path $PSHOME 'pwsh.dll') } else { , $process }
}

function Start-TestEmulator {
    <#
    .SYNOPSIS
        Starts Start-VeoEmulator -Listen in a runspace of its own and returns its BaseUri and Key (and that runspace).
    .DESCRIPTION
        Its own runspace, because Start-VeoEmulator connects the session that runs it: the test's session stays as a
        user's is (its VEO_HOME, its connections, which the tests make with Connect-Veo), and two can run at once (a
        slow one beside the fast one). By default a video renders in a second and can be fetched at once, so
        Wait -PollInterval 1 is quick. Always pair with Stop-TestEmulator in AfterAll.
    #>
    param([double] $RenderSeconds = 1)
    $owner = [powershell]::Create()
    $owner.AddScript({
            param($Manifest, $RenderSeconds)
            Import-Module $Manifest
            Start-VeoEmulator -Listen -RenderSeconds $RenderSeconds -PassThru
        }).AddArgument($script:moduleManifest).AddArgument($RenderSeconds) | Out-Null
    $info = $owner.Invoke() | Select-Object -Last 1
    if (-not $info) {
        $why = $owner.Streams.Error | Out-String
        $owner.Dispose()
        throw "Start-VeoEmulator -Listen failed: $why"
    }
    [pscustomobject]@{ BaseUri = $info.BaseUri.ToString(); Key = $info.ApiKey; Owner = $owner }
}

function Stop-TestEmulator {
    <# Stops an emulator of Start-TestEmulator (its port closes) and its runspace; nothing when there is none. #>
    param([Parameter(Mandatory, Position = 0)] [AllowNull()] $Emulator)
    if (-not $Emulator) { return }
    $Emulator.Owner.Commands.Clear()
    $Emulator.Owner.AddScript('Stop-VeoEmulator').Invoke() | Out-Null
    $Emulator.Owner.Dispose()
}

function ConvertTo-TestKey {
    param([Parameter(Mandatory)] $Emulator)
    ConvertTo-SecureString $Emulator.Key -AsPlainText -Force
}

function Connect-EveryRouteToEmulator {
    <#
    .SYNOPSIS
        Points every built-in route at the emulator with its key, then makes LaoZhang the default again. Connect-Veo
        remembers one connection per route, so this is one call per route.
    #>
    param([Parameter(Mandatory)] $Emulator)
    $key = ConvertTo-TestKey $Emulator
    foreach ($route in $script:builtInRoutes + 'LaoZhang') {
        Connect-Veo -Route $route -BaseUri $Emulator.BaseUri -ApiKey $key | Out-Null
    }
}

function Get-EmulatorRequest {
    <# The emulator's log of the requests it served, oldest first. #>
    param([Parameter(Mandatory)] $Emulator)
    # Invoke-RestMethod writes a JSON array as one object: assigned first, it is the array itself.
    $requests = Invoke-RestMethod "$($Emulator.BaseUri)_emulator/requests"
    $requests
}

function Clear-EmulatorRequest {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod -Method Delete "$($Emulator.BaseUri)_emulator/requests" | Out-Null
}

function Get-EmulatorTask {
    <# Every task the emulator made, whichever dialect asked: a count of these is a count of creates. #>
    param([Parameter(Mandatory)] $Emulator)
    $tasks = Invoke-RestMethod "$($Emulator.BaseUri)_emulator/tasks"
    $tasks
}

function Add-EmulatorFault {
    <# Injects a fault (README "The emulator"), e.g. @{ kind = 'FailTask'; times = 1 }. #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [hashtable] $Fault)
    Invoke-RestMethod -Method Post "$($Emulator.BaseUri)_emulator/faults" -ContentType 'application/json' -Body ($Fault | ConvertTo-Json) | Out-Null
}

function Clear-EmulatorFault {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod -Method Delete "$($Emulator.BaseUri)_emulator/faults" | Out-Null
}

function New-ExampleWorkspace {
    <#
    .SYNOPSIS
        A folder holding every file the examples name: real PNG frames (the committed test images), prompts.csv and,
        given tasks, ids.csv with their Id and Route.
    #>
    param([Parameter(Mandatory)] [string] $Path, [object[]] $Task = @())
    $workspace = New-Item -ItemType Directory -Force -Path $Path
    $images = Join-Path $script:repositoryRoot 'tests/TestData/images'
    $landscape = Join-Path $images 'frame-1280x720.png'
    foreach ($name in 'first.png', 'last.png', 'a.png', 'b.png', 'bud.png', 'bloom.png', 'front.png', 'side.png') {
        Copy-Item $landscape (Join-Path $workspace $name)
    }
    $frames = New-Item -ItemType Directory -Force -Path (Join-Path $workspace 'frames')
    Copy-Item $landscape (Join-Path $frames 'frame-1.png')
    Copy-Item $landscape (Join-Path $frames 'frame-2.png')
    # The CSV of New-VeoVideo's Example 2: one row in full, one of blank cells (the defaults).
    @'
Prompt,Model,Resolution,AspectRatio
"A fox in the snow at dawn",Standard,1080p,9:16
"A paper boat on a rainy street",,,
'@ | Set-Content (Join-Path $workspace 'prompts.csv')
    if ($Task) { $Task | Select-Object Id, Route | Export-Csv (Join-Path $workspace 'ids.csv') }
    $workspace
}

function Get-MarkdownExample {
    <#
    .SYNOPSIS
        The PowerShell examples of a markdown page, each with its page, title, code and documented Output block.
    .DESCRIPTION
        A docs/*.md page (platyPS layout) gives one example per "### Example N: title" under "## EXAMPLES"; any other
        page (README.md) gives every ```powershell block, titled by the heading above it (numbered when a heading has
        more than one).
    #>
    param([Parameter(Mandatory)] [string] $Path)
    $page = Split-Path $Path -Leaf
    $lines = Get-Content $Path
    $isHelpPage = $lines -contains '## EXAMPLES'
    $examples = [Collections.Generic.List[object]]::new()
    $heading = $page
    $inExamples = $false
    $fence = $null
    $block = $null
    foreach ($line in $lines) {
        if ($fence) {
            if ($line -match '^```\s*$') {
                if ($fence -eq 'powershell') {
                    $examples.Add([pscustomobject]@{ Page = $page; Heading = $heading; Code = ($block -join "`n"); Output = $null })
                }
                elseif ($fence -eq 'Output' -and $examples.Count -and $examples[-1].Heading -eq $heading) {
                    $examples[-1].Output = $block -join "`n"
                }
                $fence = $null
            }
            else { $block.Add($line) }
            continue
        }
        if ($line -match '^## ') { $inExamples = $line -eq '## EXAMPLES' }
        if ($line -match '^#{2,3} (.+)$') { $heading = $Matches[1].Trim() }
        if ($line -match '^```(\w+)\s*$' -and (-not $isHelpPage -or $inExamples)) {
            $fence = $Matches[1]
            $block = [Collections.Generic.List[string]]::new()
        }
    }
    foreach ($group in $examples | Group-Object Heading) {
        $number = 0
        foreach ($example in $group.Group) {
            $number++
            $title = if ($group.Count -gt 1) { "$($example.Heading) ($number)" } else { $example.Heading }
            $example | Add-Member -NotePropertyName Title -NotePropertyValue $title
            $example | Add-Member -NotePropertyName Name -NotePropertyValue "$page - $title"
        }
    }
    $examples
}

function Read-PrintedText {
    <#
    .SYNOPSIS
        What a block of console text shows: its first table's columns and number of rows, its warnings and the messages
        of its errors ("New-VeoVideo: message"), so an example's Output block can be held to what the example prints.
    .DESCRIPTION
        Ids (task_..., video_..., 32 hex digits) read as <id> in warnings, since a page shows one run's ids.
    #>
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Text)
    $lines = @($Text -split "`r?`n")
    $columns = @()
    $rows = 0
    for ($i = 1; $i -lt $lines.Count; $i++) {
        if ($lines[$i] -notmatch '^\s*-+(\s+-+)*\s*$') { continue }
        $columns = @(-split $lines[$i - 1])
        $below = @($lines | Select-Object -Skip ($i + 1))
        $end = [Array]::FindIndex([string[]] $below, [Predicate[string]] { param($line) $line.Trim() -eq '' })
        $rows = if ($end -lt 0) { $below.Count } else { $end }
        break
    }
    [pscustomobject]@{
        Columns  = $columns
        Rows     = $rows
        Warnings = @($lines | Where-Object { $_ -match '^WARNING: ' } | ForEach-Object { ConvertTo-ShownWarning ($_ -replace '^WARNING: ') })
        Errors   = @($lines | Where-Object { $_ -match '^\w+-Veo\w+: .' } | ForEach-Object { $_ -replace '^\w+-Veo\w+: ' })
    }
}

function ConvertTo-ShownWarning {
    <# A warning as a page shows it: one line, ids as <id>. #>
    param([Parameter(Mandatory, Position = 0)] [string] $Message)
    ($Message -replace '\s+', ' ' -replace '\b(task|video|operations?)[_/][\w-]{8,}', '<id>' -replace '\b[0-9a-f]{32}\b', '<id>').Trim()
}

function Invoke-Example {
    <#
    .SYNOPSIS
        Runs one documented example in a runspace of its own (a fresh Veo session), in the world the examples assume,
        and returns its formatted output, its error records, its warnings and the fixture tasks.
    .DESCRIPTION
        The world: every built-in route on the emulator with its key (LaoZhang the default), MyGateway registered there,
        three finished tasks ($tasks and $done hold two, as a Wait-VeoVideo of a batch returns them, also listed in
        ids.csv; $known the third, for the placeholder ids of the pages), one create whose outcome is unknown
        ($uncertain), the files the examples name in the current folder, Get-Secret and Read-Host stand-ins that
        answer with the emulator's key, and waits that poll every second. A block with an It in it is a Pester test
        file of its own and runs as one (Invoke-Pester), the result being its output.
    #>
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Code,
        [Parameter(Mandatory)] [string] $Workspace,
        [hashtable[]] $Substitution = @()
    )
    $harness = {
        param($SupportModule, $PesterManifest, $Emulator, $Code, $Workspace, $Substitution)
        Import-Module $SupportModule
        Import-Module (Get-VeoModuleManifest)
        $PSStyle.OutputRendering = 'PlainText'
        $PSDefaultParameterValues['Wait-VeoVideo:PollInterval'] = 1
        Connect-EveryRouteToEmulator $Emulator
        Register-VeoRoute -Name MyGateway -Dialect UnifiedVideo -BaseUri $Emulator.BaseUri -KeyVariable MYGATEWAY_KEY | Out-Null
        # One create whose answer was lost (the emulator drops the connection after creating the task), as
        # Get-VeoVideo warns about and Confirm-VeoCreate settles: $uncertain.attempt is its attempt id.
        Add-EmulatorFault $Emulator @{ kind = 'ResetAfterRead'; pathContains = '/v1/videos'; times = 1 }
        New-VeoVideo 'An answer that was lost' -ErrorAction SilentlyContinue | Out-Null
        $uncertain = Get-Content (Join-Path $env:VEO_HOME 'journal.jsonl') | ConvertFrom-Json |
            Where-Object event -EQ 'ambiguous-create' | Select-Object -Last 1
        $made = @('A lighthouse at dusk', 'A calm sea', 'A paper boat in the rain' | New-VeoVideo | Wait-VeoVideo -PollInterval 1 |
                Sort-Object Prompt -Descending)   # completion order varies; the fixture's roles must not
        $tasks = $made[0..1]
        $done = $made[0..1]
        $known = $made[2]
        New-ExampleWorkspace -Path $Workspace -Task $tasks | Out-Null
        function Get-Secret { param([Parameter(Position = 0)] [string] $Name, [switch] $AsPlainText)
            if ($AsPlainText) { $Emulator.Key } else { ConvertTo-SecureString $Emulator.Key -AsPlainText -Force } }
        function Read-Host { param([Parameter(Position = 0)] [string] $Prompt, [switch] $AsSecureString) $Emulator.Key }
        foreach ($row in $Substitution) { $Code = $Code.Replace($row.Text, $row.With) }
        Set-Location $Workspace
        $Error.Clear()
        $warnings = @()
        $isPester = $Code -match "(?m)^\s*It\s+'"
        $output = try {
            if ($isPester) {
                Import-Module $PesterManifest
                Set-Content (Join-Path $Workspace 'Example.Tests.ps1') $Code
                $config = New-PesterConfiguration
                $config.Run.Path = Join-Path $Workspace 'Example.Tests.ps1'
                $config.Run.PassThru = $true
                $config.Output.Verbosity = 'None'
                $pester = Invoke-Pester -Configuration $config
                $Error.Clear()   # Pester's own bookkeeping; what counts is the tests' outcome
                "Pester: $($pester.PassedCount) passed, $($pester.FailedCount) failed"
                foreach ($failed in @($pester.Failed) + @($pester.FailedContainers) + @($pester.FailedBlocks)) {
                    foreach ($record in $failed.ErrorRecord) { Write-Error -ErrorRecord $record }
                }
                if ($pester.PassedCount -eq 0) { Write-Error 'The example''s Pester file ran no test.' }
            }
            else {
                # Its warnings apart from what it writes, as a console shows them apart.
                $records = . ([scriptblock]::Create($Code)) 3>&1
                $warnings = @($records | Where-Object { $_ -is [Management.Automation.WarningRecord] })
                $records | Where-Object { $_ -isnot [Management.Automation.WarningRecord] } | Out-String -Width 300
            }
        }
        catch { $_ }
        [pscustomobject]@{ Output = -join $output; Errors = @($Error); Warnings = @($warnings | ForEach-Object Message); Code = $Code; Tasks = $made; IsPester = $isPester }
    }
    $runspace = [powershell]::Create()
    try {
        $runspace.AddScript($harness).
            AddArgument((Join-Path $PSScriptRoot 'VeoTestSupport.psm1')).AddArgument((Get-Module Pester).Path).
            AddArgument($Emulator).AddArgument($Code).AddArgument($Workspace).AddArgument($Substitution) | Out-Null
        $result = $runspace.Invoke() | Select-Object -Last 1
        if ($runspace.HadErrors -and -not $result) { throw ($runspace.Streams.Error | Out-String) }
        $result
    }
    finally { $runspace.Dispose() }
}

Export-ModuleMember -Function *
