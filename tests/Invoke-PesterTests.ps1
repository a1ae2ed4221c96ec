# Runs the Pester suites against the staged module in this (fresh) pwsh and prints
# "pester: N passed, N failed". Exits 1 on any failure (Invoke-Pester itself exits 0, and a failure
# count as exit code would wrap at 256 on Linux), else 0.
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $Configuration = 'Release',
    # Only these test files (default: every file in tests/Pester).
    [string[]] $Path = @(Join-Path $PSScriptRoot 'Pester')
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -Force

$env:LINER_TEST_MODULE = $ModulePath
$env:LINER_TEST_CONFIGURATION = $Configuration

$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$result = $null
try { $result = Invoke-Pester -Configuration $config }
catch { Write-Host "Pester could not run: $_" -ForegroundColor Red }

# A run that did not happen counts as one failure, never as a pass.
$passed = if ($result) { $result.PassedCount } else { 0 }
$failed = if ($result) { $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount } else { 1 }
Write-Host "pester: $passed passed, $failed failed"
exit $(if ($failed -gt 0 -or -not $result -or $result.Result -ne 'Passed') { 1 } else { 0 })
