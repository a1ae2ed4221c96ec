# Dot-sourced by every Pester file in its BeforeAll: the staged module, a running mock Liner API,
# and small helpers. build.ps1 sets LINER_TEST_MODULE to the staged manifest.
$ErrorActionPreference = 'Stop'
$ModulePath = $env:LINER_TEST_MODULE
if (-not $ModulePath) { throw 'LINER_TEST_MODULE is not set: run the tests with ./build.ps1 -Task Test.' }
Import-Module $ModulePath
Import-Module (Join-Path $PSScriptRoot '../LinerMockApi.psm1') -Force
Import-Module (Join-Path $PSScriptRoot '../../tools/PwshCommand.psm1') -Force
$PSStyle.OutputRendering = 'PlainText'

if (-not $env:LINER_TEST_CA) { throw 'LINER_TEST_CA is not set: run the tests with ./build.ps1 -Task Test or tests/Invoke-PesterTests.ps1, which make the test CA.' }
$Mock = Start-LinerMockApi -Configuration ($env:LINER_TEST_CONFIGURATION ?? 'Release') -CertificateAuthority $env:LINER_TEST_CA
# A test file with a -Scheme parameter runs over http and over https: then $Mock.Url is the https one.
if ((Get-Variable Scheme -ValueOnly -ErrorAction Ignore) -eq 'https') { $Mock.Url = $Mock.HttpsUrl }
$TestKeyText = $Mock.ApiKey
$TestKey = ConvertTo-SecureString $TestKeyText -AsPlainText -Force

# A connection to the mock, optionally with scenario tokens as a path prefix ('singular', 'count=1000').
function Connect-Test {
    param([string] $Scenario, [switch] $SkipValidation, [int] $TimeoutSec = 15, [int] $MaximumRetryCount = 3, [switch] $NoDefault)
    $apiHost = if ($Scenario) { "$($Mock.Url)/$Scenario" } else { $Mock.Url }
    $connection = Connect-Liner -ApiHost $apiHost -ApiKey $TestKey -SkipValidation:$SkipValidation -TimeoutSec $TimeoutSec -MaximumRetryCount $MaximumRetryCount -PassThru
    $connection
}

# The ids of the objects piped in.
function Get-Ids { process { $_.Id } }

# A connection to a fresh writable store of the mock's own ($Store is its token); extra scenario tokens go in front.
function Connect-Store([string] $Tokens) {
    $script:Store = "store=$([guid]::NewGuid().ToString('n').Substring(0, 10))"
    $prefix = if ($Tokens) { "$Tokens/$Store" } else { $Store }
    $connection = Connect-Liner -ApiHost "$($Mock.Url)/$prefix" -ApiKey $TestKey -PassThru
    Clear-LinerMockRequest $Mock
    $connection
}

# The sample account as the mock serves it, read straight from its data file, to compare against.
$SampleNumbers = Get-Content -Raw (Join-Path $PSScriptRoot '../Liner.MockApi/sample-numbers.json') | ConvertFrom-Json

# Runs a script in a fresh non-interactive pwsh, with the staged module imported unless -NoImport and
# no LINER_API_* variables from this process; returns its output, its error stream and its exit code.
function Invoke-ModuleScript {
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{}, [switch] $NoImport, [string] $WorkingDirectory = [IO.Path]::GetTempPath(), [int] $TimeoutSec = 60)
    $prefix = "$(if (-not $NoImport) { "Import-Module '$ModulePath'; " })`$PSStyle.OutputRendering = 'PlainText'; "
    $variables = @{ LINER_API_HOST = $null; LINER_API_KEY = $null }
    foreach ($entry in $Environment.GetEnumerator()) { $variables[$entry.Key] = $entry.Value }
    Invoke-FreshPwsh -Script ($prefix + $Script) -Environment $variables -WorkingDirectory $WorkingDirectory -TimeoutSec $TimeoutSec -Capture
}
