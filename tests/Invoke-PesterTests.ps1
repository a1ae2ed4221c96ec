# Runs the Pester suites against the staged module in this (fresh) pwsh and prints
# "pester: N passed, N failed". Exits with the number of failures, since Invoke-Pester itself exits 0.
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
$result = Invoke-Pester -Configuration $config

$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
Write-Host "pester: $($result.PassedCount) passed, $failed failed"
exit $failed
