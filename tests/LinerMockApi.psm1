# Starts and stops tests/Liner.MockApi, the local stand-in for the Liner API that the Pester tests,
# the demo and the benchmark talk to over real HTTP on loopback.

$DefaultApiKey = 'liner-test-key-0123456789'
Import-Module (Join-Path $PSScriptRoot '../tools/PwshCommand.psm1')

function Start-LinerMockApi {
    [CmdletBinding()]
    param(
        [ValidateSet('Release', 'Debug')]
        [string] $Configuration = 'Release',
        # Serve this many generated numbers instead of the sample account.
        [int] $Count,
        # Serve the numbers in this JSON file (an array, or a whole envelope).
        [string] $DataFile,
        [string] $ApiKey = $DefaultApiKey,
        # Also serve https, with server certificates issued by the test CA in this folder
        # (New-LinerTestCertificateAuthority): HttpsUrl, and ExpiredUrl, WrongHostUrl and UntrustedUrl.
        [string] $CertificateAuthority,
        # The same with a CA of the mock's own, which Stop-LinerMockApi removes (for a demo or a bench:
        # start its pwsh with SSL_CERT_FILE = the instance's CertificateFile).
        [switch] $NewCertificateAuthority,
        [int] $TimeoutSec = 60
    )
    $dll = Get-MockDll $Configuration
    $owned = if ($NewCertificateAuthority) { (New-LinerTestCertificateAuthority -Configuration $Configuration).Folder }
    if ($owned) { $CertificateAuthority = $owned }
    $arguments = @($dll, '--port', '0', '--key', $ApiKey, '--parent-pid', $PID)
    if ($Count) { $arguments += @('--count', $Count) }
    if ($DataFile) { $arguments += @('--data', $DataFile) }
    if ($CertificateAuthority) { $arguments += @('--tls', $CertificateAuthority) }

    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in $arguments) { $start.ArgumentList.Add([string]$argument) }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)

    $read = $process.StandardOutput.ReadLineAsync()
    if (-not $read.Wait([TimeSpan]::FromSeconds($TimeoutSec)) -or $null -eq $read.Result -or $read.Result -notmatch 'listening on (\S+)') {
        $errors = if ($process.HasExited) { $process.StandardError.ReadToEnd() } else { '' }
        if (-not $process.HasExited) { $process.Kill() }
        if ($owned) { Remove-Item $owned -Recurse -Force -ErrorAction Ignore }
        throw "Liner.MockApi did not start within $TimeoutSec s. $errors"
    }
    $url = $Matches[1].TrimEnd('/')
    # The rest of the banner: one line per https listener, then an empty line.
    $listeners = @{}
    while ($line = $process.StandardOutput.ReadLine()) {
        if ($line -match '^\s*(\S+)\s+(https://\S+)') { $listeners[$Matches[1]] = $Matches[2].TrimEnd('/') }
    }
    # The mock ignores Ctrl+C (the prompt's to handle) and lives as long as this process; if it goes
    # anyway, the session hears of it instead of meeting refused connections later.
    $process.EnableRaisingEvents = $true
    $watch = Register-ObjectEvent -InputObject $process -EventName Exited -MessageData $url -Action {
        Write-Host "The mock Liner API at $($Event.MessageData) has stopped (exit code $($Sender.ExitCode)). Start it again with Start-LinerMockApi." -ForegroundColor Yellow
    }
    [pscustomobject]@{
        PSTypeName                = 'Liner.MockApi.Instance'
        Url                       = $url
        HttpUrl                   = $url
        HttpsUrl                  = $listeners['https']
        ExpiredUrl                = $listeners['https-expired']
        WrongHostUrl              = $listeners['https-wrong-host']
        UntrustedUrl              = $listeners['https-untrusted']
        CertificateFile           = if ($CertificateAuthority) { Join-Path $CertificateAuthority 'liner-test-ca.pem' }
        OwnedCertificateAuthority = $owned
        ApiKey                    = $ApiKey
        Banner                    = $read.Result
        Process                   = $process
        Watch                     = $watch
    }
}

function Get-MockDll([string] $Configuration) {
    $dll = Join-Path $PSScriptRoot "Liner.MockApi/bin/$Configuration/$(Get-ProjectSetting TestTargetFramework)/Liner.MockApi.dll"
    if (-not (Test-Path $dll)) { throw "Liner.MockApi is not built: $dll is missing. Run ./build.ps1 -Task Build first." }
    $dll
}

# A new certificate authority for one test run, in a new temporary folder: the mock issues its https
# certificates from it, and a process trusts it when started with SSL_CERT_FILE = CertificateFile
# (nothing is added to the machine's trust store). Remove the Folder when the run ends.
function New-LinerTestCertificateAuthority {
    [CmdletBinding()]
    param([ValidateSet('Release', 'Debug')] [string] $Configuration = 'Release')
    $folder = Join-Path ([IO.Path]::GetTempPath()) "liner-test-ca-$([guid]::NewGuid().ToString('n').Substring(0, 12))"
    $file = & dotnet (Get-MockDll $Configuration) --make-ca $folder
    if ($LASTEXITCODE -ne 0 -or -not (Test-Path $file)) { throw "Liner.MockApi could not make a test CA in $folder (exit code $LASTEXITCODE)." }
    [pscustomobject]@{ Folder = $folder; CertificateFile = $file }
}

function Stop-LinerMockApi {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Instance)
    if ($Instance -and $Instance.Watch) {
        Unregister-Event -SourceIdentifier $Instance.Watch.Name -ErrorAction Ignore
        Remove-Job $Instance.Watch -Force -ErrorAction Ignore
    }
    if ($Instance -and -not $Instance.Process.HasExited) {
        $Instance.Process.Kill()
        $null = $Instance.Process.WaitForExit(5000)
    }
    if ($Instance -and $Instance.OwnedCertificateAuthority) { Remove-Item $Instance.OwnedCertificateAuthority -Recurse -Force -ErrorAction Ignore }
}

# The requests the mock received since the last Clear-LinerMockRequest.
function Get-LinerMockRequest {
    param([Parameter(Mandatory, Position = 0)] $Instance)
    # Written one by one: Invoke-RestMethod would write an empty JSON array as one object.
    foreach ($request in (Invoke-RestMethod "$($Instance.HttpUrl)/_mock/requests")) { $request }
}

# The TCP connections each listener (http, https, https-expired, ...) accepted since the last
# Clear-LinerMockRequest, as a hashtable; a refused TLS handshake counts as one without a request.
function Get-LinerMockConnection {
    param([Parameter(Mandatory, Position = 0)] $Instance)
    (Invoke-WebRequest "$($Instance.HttpUrl)/_mock/connections").Content | ConvertFrom-Json -AsHashtable
}

function Clear-LinerMockRequest {
    param([Parameter(Mandatory, Position = 0)] $Instance)
    $null = Invoke-RestMethod -Method Delete "$($Instance.HttpUrl)/_mock/requests"
}

Export-ModuleMember -Function Start-LinerMockApi, Stop-LinerMockApi, New-LinerTestCertificateAuthority, Get-LinerMockRequest, Get-LinerMockConnection, Clear-LinerMockRequest -Variable DefaultApiKey
