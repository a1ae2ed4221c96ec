# Runs the Pester suites against the staged module in this (fresh) pwsh and prints
# "pester: N passed, N failed". Exits 1 on any failure (Invoke-Pester itself exits 0, and a failure
# count as exit code would wrap at 256 on Linux), else 0.
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $Configuration = 'Release',
    # Only these test files (default: every file in tests/Pester); one string may hold several,
    # separated as in PATH.
    [string[]] $Path = @(Join-Path $PSScriptRoot 'Pester')
)
$Path = @($Path | ForEach-Object { $_ -split [IO.Path]::PathSeparator } | Where-Object { $_ })
$ErrorActionPreference = 'Stop'

# The https tests need a test CA that this pwsh trusts from its start (SSL_CERT_FILE is read once):
# without one, make it, run again in a fresh pwsh that trusts it, and remove it afterwards.
if (-not $env:LINER_TEST_CA) {
    Import-Module (Join-Path $PSScriptRoot 'LinerMockApi.psm1'), (Join-Path $PSScriptRoot '../tools/PwshCommand.psm1') -Force
    $ca = New-LinerTestCertificateAuthority -Configuration $Configuration
    try {
        $again = @($PSCommandPath, '-PesterPath', $PesterPath, '-ModulePath', $ModulePath, '-Configuration', $Configuration, '-Path', ($Path -join [IO.Path]::PathSeparator))
        exit (Invoke-FreshPwsh -File $again -Environment @{ LINER_TEST_CA = $ca.Folder; SSL_CERT_FILE = $ca.CertificateFile })
    }
    finally { Remove-Item $ca.Folder -Recurse -Force -ErrorAction Ignore }
}
Import-Module $PesterPath -Force

$env:LINER_TEST_MODULE = $ModulePath
$env:LINER_TEST_CONFIGURATION = $Configuration

# A test file with a -Scheme parameter runs twice: over http and over https.
$containers = foreach ($file in Get-ChildItem $Path -Recurse -Filter '*.Tests.ps1' | Sort-Object FullName) {
    if ((Get-Command $file.FullName).Parameters.ContainsKey('Scheme')) {
        New-PesterContainer -Path $file.FullName -Data @{ Scheme = 'http' }
        New-PesterContainer -Path $file.FullName -Data @{ Scheme = 'https' }
    }
    else {
        New-PesterContainer -Path $file.FullName
    }
}
$config = New-PesterConfiguration
$config.Run.Container = $containers
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$result = $null
try { $result = Invoke-Pester -Configuration $config }
catch { Write-Host "Pester could not run: $_" -ForegroundColor Red }

# Pester names a file run twice by its path alone: say which run (http or https) failed.
foreach ($container in @(if ($result) { $result.Containers })) {
    if ($container.Result -ne 'Passed' -and $container.Data -and $container.Data.Scheme) {
        Write-Host "failed: $(Split-Path $container.Item -Leaf) over $($container.Data.Scheme)" -ForegroundColor Red
    }
}

# A run that did not happen counts as one failure, never as a pass.
$passed = if ($result) { $result.PassedCount } else { 0 }
$failed = if ($result) { $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount } else { 1 }
Write-Host "pester: $passed passed, $failed failed"
exit $(if ($failed -gt 0 -or -not $result -or $result.Result -ne 'Passed') { 1 } else { 0 })
