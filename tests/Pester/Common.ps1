# Dot-sourced by every Pester file in its BeforeAll: the staged module, a running mock Liner API,
# and small helpers. build.ps1 sets LINER_TEST_MODULE to the staged manifest.
$ErrorActionPreference = 'Stop'
$ModulePath = $env:LINER_TEST_MODULE
if (-not $ModulePath) { throw 'LINER_TEST_MODULE is not set: run the tests with ./build.ps1 -Task Test.' }
Import-Module $ModulePath
Import-Module (Join-Path $PSScriptRoot '../LinerMockApi.psm1') -Force
Import-Module (Join-Path $PSScriptRoot '../../tools/PwshCommand.psm1') -Force
$PSStyle.OutputRendering = 'PlainText'

$Mock = Start-LinerMockApi -Configuration ($env:LINER_TEST_CONFIGURATION ?? 'Release')
$TestKeyText = $Mock.ApiKey
$TestKey = ConvertTo-SecureString $TestKeyText -AsPlainText -Force

# A connection to the mock, optionally with scenario tokens as a path prefix ('singular', 'count=1000').
function Connect-Test {
    param([string] $Scenario, [switch] $SkipValidation, [int] $TimeoutSec = 15, [int] $MaximumRetryCount = 3, [switch] $NoDefault)
    $apiHost = if ($Scenario) { "$($Mock.Url)/$Scenario" } else { $Mock.Url }
    $connection = Connect-Liner -ApiHost $apiHost -ApiKey $TestKey -SkipValidation:$SkipValidation -TimeoutSec $TimeoutSec -MaximumRetryCount $MaximumRetryCount -PassThru
    $connection
}

# The sample account as the mock serves it, read straight from its data file, to compare against.
$SampleNumbers = Get-Content -Raw (Join-Path $PSScriptRoot '../Liner.MockApi/sample-numbers.json') | ConvertFrom-Json

# Runs a script in a fresh non-interactive pwsh, with the staged module imported unless -NoImport;
# returns its output, its error stream and its exit code.
function Invoke-FreshPwsh {
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{}, [switch] $NoImport, [string] $WorkingDirectory = [IO.Path]::GetTempPath(), [int] $TimeoutSec = 60)
    $pwsh = @(Get-PwshCommand)
    $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
    foreach ($argument in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', "$(if (-not $NoImport) { "Import-Module '$ModulePath'; " })`$PSStyle.OutputRendering = 'PlainText'; $Script")) {
        $start.ArgumentList.Add($argument)
    }
    $start.WorkingDirectory = $WorkingDirectory
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.RedirectStandardInput = $true
    $start.UseShellExecute = $false
    foreach ($name in 'LINER_API_HOST', 'LINER_API_KEY') { $null = $start.Environment.Remove($name) }
    foreach ($entry in $Environment.GetEnumerator()) { $start.Environment[$entry.Key] = $entry.Value }
    $process = [System.Diagnostics.Process]::Start($start)
    $process.StandardInput.Close()
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSec * 1000)) { $process.Kill(); throw "The fresh pwsh did not finish within $TimeoutSec s." }
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Errors = $stderr.Result }
}
