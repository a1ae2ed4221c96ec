# Runs the Pester suites against the staged module and prints "pester: N passed, N failed". Exits 1
# on any failure (Invoke-Pester itself exits 0, and a failure count as exit code would wrap at 256 on
# Linux), else 0.
#
# Each test file is a container (a file with a -Scheme parameter is two: over http and over https).
# The containers are independent (each starts its own mock Liner API), so they run in -Workers fresh
# pwsh processes at once, the longest first (tests/Pester/Durations.psd1); each worker takes the next
# container not yet taken. A container's output is printed whole when it ends.
[CmdletBinding(DefaultParameterSetName = 'Run')]
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $Configuration = 'Release',
    # Only these test files (default: every file in tests/Pester); one string may hold several,
    # separated as in PATH.
    [Parameter(ParameterSetName = 'Run')] [string[]] $Path = @(Join-Path $PSScriptRoot 'Pester'),
    # How many containers run at once.
    [Parameter(ParameterSetName = 'Run')] [ValidateRange(1, 16)] [int] $Workers = 3,
    # Internal: run as one worker, taking containers from the run's folder.
    [Parameter(Mandatory, ParameterSetName = 'Worker')] [string] $WorkerFolder,
    [Parameter(ParameterSetName = 'Worker')] [ValidateSet('Ansi', 'Plaintext')] [string] $RenderMode = 'Plaintext'
)
$ErrorActionPreference = 'Stop'

# One worker: claims the containers of the run one by one (a claim is a file only one process can
# create), runs each, and leaves its output and its counts beside the claim.
function Invoke-Worker([string] $WorkerFolder, [string] $RenderMode) {
    Import-Module $PesterPath -Force
    $containers = @(Get-Content -Raw (Join-Path $WorkerFolder 'containers.json') | ConvertFrom-Json)
    for ($index = 0; $index -lt $containers.Count; $index++) {
        try { [IO.File]::Open((Join-Path $WorkerFolder "claim-$index"), 'CreateNew').Dispose() }
        catch [System.IO.IOException] { continue }
        $item = $containers[$index]
        $config = New-PesterConfiguration
        $config.Run.Container = if ($item.Scheme) { New-PesterContainer -Path $item.Path -Data @{ Scheme = $item.Scheme } } else { New-PesterContainer -Path $item.Path }
        $config.Run.PassThru = $true
        $config.Output.Verbosity = 'Normal'
        $config.Output.RenderMode = $RenderMode
        $text = [System.Text.StringBuilder]::new()
        $result = $null
        try {
            Invoke-Pester -Configuration $config 6>&1 | ForEach-Object {
                if ($_ -is [System.Management.Automation.InformationRecord]) {
                    $message = $_.MessageData
                    if ($message -is [System.Management.Automation.HostInformationMessage]) {
                        $null = $text.Append($message.Message)
                        if (-not $message.NoNewLine) { $null = $text.AppendLine() }
                    }
                    else { $null = $text.AppendLine("$message") }
                }
                elseif ($_ -is [Pester.Run]) { $result = $_ }
                else { $null = $text.AppendLine(($_ | Out-String).TrimEnd()) }
            }
        }
        catch { $null = $text.AppendLine("Pester could not run $($item.Name): $_") }
        # Pester's header and summary lines say nothing a container's own lines do not.
        $lines = $text.ToString() -split '\r?\n' | Where-Object {
            ($_ -replace '\x1b\[[0-9;]*m', '') -notmatch '^(Starting discovery in \d+ files\.|Discovery found \d+ tests in .*|Running tests\.|Tests completed in .*|Tests Passed: .*|\s*)$'
        }
        if ($item.Scheme) { $lines = $lines -replace "(\[[+-]\] .*$([regex]::Escape((Split-Path $item.Path -Leaf))))( )", "`$1 over $($item.Scheme)`$2" }
        Set-Content -Path (Join-Path $WorkerFolder "output-$index.txt") -Value ($lines -join [Environment]::NewLine) -NoNewline
        $counts = if ($result) {
            @{ Ran = $true; Passed = $result.PassedCount; Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount; Skipped = $result.SkippedCount; Result = "$($result.Result)"; Seconds = $result.Duration.TotalSeconds }
        }
        else { @{ Ran = $false; Passed = 0; Failed = 1; Skipped = 0; Result = 'Failed'; Seconds = 0 } }
        # Written last, under its final name at once: the runner takes it as the container's end.
        $file = Join-Path $WorkerFolder "result-$index.json"
        Set-Content -Path "$file.tmp" -Value ($counts | ConvertTo-Json -Compress)
        Move-Item "$file.tmp" $file
    }
}

if ($PSCmdlet.ParameterSetName -eq 'Worker') {
    Invoke-Worker -WorkerFolder $WorkerFolder -RenderMode $RenderMode
    exit 0
}

Import-Module (Join-Path $PSScriptRoot 'LinerMockApi.psm1'), (Join-Path $PSScriptRoot '../tools/PwshCommand.psm1') -Force
$PesterPath = (Resolve-Path $PesterPath).Path
$ModulePath = (Resolve-Path $ModulePath).Path
$Path = @($Path | ForEach-Object { $_ -split [IO.Path]::PathSeparator } | Where-Object { $_ } | ForEach-Object { (Resolve-Path $_).Path })

# The containers, the longest first: seconds from tests/Pester/Durations.psd1; a file not listed there
# goes first, since it may be long.
$durations = Import-PowerShellDataFile (Join-Path $PSScriptRoot 'Pester/Durations.psd1')
$containers = @(@(foreach ($file in Get-ChildItem $Path -Recurse -Filter '*.Tests.ps1' | Sort-Object FullName) {
        $schemes = @(if ((Get-Command $file.FullName).Parameters.ContainsKey('Scheme')) { 'http', 'https' } else { '' })
        foreach ($scheme in $schemes) {
            [pscustomobject]@{
                Path    = $file.FullName
                Scheme  = $scheme
                Name    = if ($scheme) { "$($file.Name) over $scheme" } else { $file.Name }
                Seconds = if ($durations.ContainsKey($file.Name)) { [double]$durations[$file.Name] } else { [double]::MaxValue }
            }
        }
        }) | Sort-Object -Property @{ Expression = 'Seconds'; Descending = $true }, Path, Scheme)

$folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "liner-pester-$([guid]::NewGuid().ToString('n').Substring(0, 12))")
# The https tests need a test CA that each worker trusts from its start (SSL_CERT_FILE is read once):
# without one given, the run makes its own and removes it afterwards.
$ownCa = if (-not $env:LINER_TEST_CA) { New-LinerTestCertificateAuthority -Configuration $Configuration }
$ca = if ($ownCa) { $ownCa.Folder } else { $env:LINER_TEST_CA }
$started = [Diagnostics.Stopwatch]::StartNew()
$processes = @()
try {
    ConvertTo-Json -InputObject @($containers | Select-Object Path, Scheme, Name) | Set-Content (Join-Path $folder 'containers.json')
    $renderMode = if ($Host.UI.SupportsVirtualTerminal -and -not [Console]::IsOutputRedirected -and $PSStyle.OutputRendering -ne 'PlainText') { 'Ansi' } else { 'Plaintext' }
    $environment = @{
        LINER_TEST_MODULE = $ModulePath; LINER_TEST_CONFIGURATION = $Configuration
        LINER_TEST_CA = $ca; SSL_CERT_FILE = Join-Path $ca 'liner-test-ca.pem'
    }
    $pwsh = @(Get-PwshCommand)
    # One container at a time in a pwsh that already trusts the CA: this pwsh is the worker.
    $inProcess = [math]::Min($Workers, $containers.Count) -eq 1 -and -not $ownCa -and $env:SSL_CERT_FILE -eq $environment.SSL_CERT_FILE
    if ($inProcess) {
        foreach ($entry in $environment.GetEnumerator()) { Set-Item "env:$($entry.Key)" $entry.Value }
        Invoke-Worker -WorkerFolder $folder.FullName -RenderMode $renderMode
    }
    $processes = @(for ($worker = 1; -not $inProcess -and $worker -le [math]::Min($Workers, $containers.Count); $worker++) {
            $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
            foreach ($argument in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $PSCommandPath, '-PesterPath', $PesterPath, '-ModulePath', $ModulePath, '-Configuration', $Configuration, '-WorkerFolder', $folder.FullName, '-RenderMode', $renderMode)) {
                $start.ArgumentList.Add($argument)
            }
            foreach ($entry in $environment.GetEnumerator()) { $start.Environment[$entry.Key] = $entry.Value }
            $start.UseShellExecute = $false
            $start.RedirectStandardInput = $true
            $start.RedirectStandardOutput = $true
            $start.RedirectStandardError = $true
            $process = [System.Diagnostics.Process]::Start($start)
            $process.StandardInput.Close()
            [pscustomobject]@{ Process = $process; Output = $process.StandardOutput.ReadToEndAsync(); Errors = $process.StandardError.ReadToEndAsync() }
        })

    # Each container's output, whole, as it ends.
    $results = @{}
    while ($true) {
        $running = @($processes | Where-Object { -not $_.Process.HasExited }).Count
        for ($index = 0; $index -lt $containers.Count; $index++) {
            $file = Join-Path $folder "result-$index.json"
            if (-not $results.ContainsKey($index) -and [IO.File]::Exists($file)) {
                $results[$index] = [IO.File]::ReadAllText($file) | ConvertFrom-Json
                $output = Join-Path $folder "output-$index.txt"
                if ([IO.File]::Exists($output)) { Write-Host ([IO.File]::ReadAllText($output)) }
            }
        }
        if ($running -eq 0) { break }
        Start-Sleep -Milliseconds 250
    }
    # A worker that ended another way than by running out of containers says why.
    foreach ($worker in $processes) {
        if ($worker.Process.ExitCode -ne 0) {
            Write-Host "A Pester worker exited with code $($worker.Process.ExitCode):`n$($worker.Output.Result)$($worker.Errors.Result)" -ForegroundColor Red
        }
    }
}
finally {
    foreach ($worker in $processes) { if (-not $worker.Process.HasExited) { $worker.Process.Kill($true) } }
    Remove-Item $folder -Recurse -Force -ErrorAction Ignore
    if ($ownCa) { Remove-Item $ownCa.Folder -Recurse -Force -ErrorAction Ignore }
}

# A container that did not run counts as one failure, never as a pass; each failed one is named with
# its run (http or https), which Pester's own lines do not say.
$passed = 0
$failed = 0
$skipped = 0
for ($index = 0; $index -lt $containers.Count; $index++) {
    $result = $results[$index]
    if (-not $result) { $result = [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0; Result = 'NotRun' } }
    $passed += $result.Passed
    $failed += [math]::Max($result.Failed, $(if ($result.Result -ne 'Passed') { 1 } else { 0 }))
    $skipped += $result.Skipped
    if ($result.Result -ne 'Passed') { Write-Host "failed: $($containers[$index].Name)" -ForegroundColor Red }
}
Write-Host "$($containers.Count) test containers, $([math]::Min($Workers, $containers.Count)) at a time, in $([int]$started.Elapsed.TotalSeconds) s$(if ($skipped) { "; $skipped tests skipped" })"
Write-Host "pester: $passed passed, $failed failed"
exit $(if ($failed -gt 0 -or $containers.Count -eq 0) { 1 } else { 0 })
