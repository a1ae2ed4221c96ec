# The fault matrix: every way the Liner API, the network or a proxy can misbehave, each tried with
# -Verbose -Debug and every stream captured, over http and over https (tests/Invoke-PesterTests.ps1
# runs this file once for each). KeyLeak.Tests.ps1 runs the whole matrix again in a fresh pwsh inside
# Start-Transcript and searches everything it showed for the API key.
param([ValidateSet('http', 'https')] [string] $Scheme = 'http')

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $Recorder = Start-LinerMockApi    # another origin, to prove that redirects never carry the key there
    $RecorderPort = ([uri]$Recorder.Url).Port

    # Runs a cmdlet against a scenario with every stream captured. Returns the objects written, the
    # verbose messages, the terminating error (if any) and how many requests reached the mock.
    function Invoke-Fault {
        param(
            [Parameter(Mandatory)] [string] $Scenario,
            [int] $Retries = 0,
            [int] $TimeoutSec = 15,
            [switch] $Health,
            [string] $ApiHost = "$($Mock.Url)/$Scenario"
        )
        $connection = Connect-Liner -ApiHost $ApiHost -ApiKey $TestKey -SkipValidation -TimeoutSec $TimeoutSec -MaximumRetryCount $Retries -PassThru
        Clear-LinerMockRequest $Mock
        $records = [System.Collections.Generic.List[object]]::new()
        $failure = $null
        try {
            & {
                if ($Health) { Test-LinerConnection -Connection $connection -Verbose -Debug -ErrorAction Stop }
                else { Get-LinerVirtualNumber -Connection $connection -Verbose -Debug -ErrorAction Stop }
            } *>&1 | ForEach-Object { $records.Add($_) }
        }
        catch {
            $failure = $_
        }
        $log = @(Get-LinerMockRequest $Mock)
        # One pass over what was written (a list of 100,000 numbers is one of the faults).
        $output = [System.Collections.Generic.List[object]]::new()
        $verbose = [System.Collections.Generic.List[string]]::new()
        $debug = [System.Collections.Generic.List[string]]::new()
        foreach ($record in $records) {
            if ($record -is [Liner.PowerShell.VirtualNumber] -or $record -is [Liner.PowerShell.HealthReport]) { $output.Add($record) }
            elseif ($record -is [System.Management.Automation.VerboseRecord]) { $verbose.Add($record.Message) }
            elseif ($record -is [System.Management.Automation.DebugRecord]) { $debug.Add($record.Message) }
        }
        [pscustomobject]@{
            Output   = $output.ToArray()
            Verbose  = $verbose.ToArray()
            Debug    = $debug.ToArray()
            Error    = $failure
            Requests = $log.Count
            # When each request reached the mock (UTC), and the seconds between one and the next.
            Arrivals = @($log | ForEach-Object { ([DateTimeOffset]$_.at).UtcDateTime })
            Gaps     = @(for ($i = 1; $i -lt $log.Count; $i++) { (([DateTimeOffset]$log[$i].at) - ([DateTimeOffset]$log[$i - 1].at)).TotalSeconds })
        }
    }
}
AfterAll {
    Disconnect-Liner
    Stop-LinerMockApi $Recorder
    Stop-LinerMockApi $Mock
}

Describe 'Retries' {
    It 'retries 503 up to -MaximumRetryCount, waiting a growing backoff between attempts, says each retry in -Verbose, then fails with LinerHttpError' {
        $result = Invoke-Fault 'status=503' -Retries 2
        $result.Requests | Should -Be 3
        # Exponential backoff with jitter: half to all of 0.5 s before the first retry, of 1 s before the
        # second; measured where the requests arrived, with a generous upper bound for a busy machine.
        $result.Gaps[0] | Should -BeGreaterOrEqual 0.25
        $result.Gaps[0] | Should -BeLessThan 3.5
        $result.Gaps[1] | Should -BeGreaterOrEqual 0.5
        $result.Gaps[1] | Should -BeLessThan 4
        @($result.Verbose | Where-Object { $_ -match '^Retry \d of 2' }).Count | Should -Be 2
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LinerHttpError,*'
        $result.Error.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $result.Error.Exception.StatusCode | Should -Be 503
        $result.Error.Exception.Message | Should -Match 'GET /status=503/v2/sip-endpoints/ failed with 503'
        $result.Error.Exception.Message | Should -Match 'Simulated failure 503'
        $result.Error.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'recovers from <Status> when a retry succeeds' -TestCases @(
        @{ Status = 408 }, @{ Status = 429 }, @{ Status = 500 }, @{ Status = 502 }, @{ Status = 503 }, @{ Status = 504 }
    ) {
        # retry-after=0: the waits themselves are measured by the tests around this one.
        $result = Invoke-Fault "status=$Status/times=2/retry-after=0/id=recover$Status" -Retries 3
        $result.Error | Should -BeNullOrEmpty
        $result.Output.Count | Should -Be $SampleNumbers.Count
        $result.Requests | Should -Be 3
    }

    It 'honours Retry-After in seconds: waits that long before the next attempt' {
        $result = Invoke-Fault 'status=429/times=1/retry-after=1/id=ra-seconds' -Retries 1
        $result.Error | Should -BeNullOrEmpty
        $result.Requests | Should -Be 2
        $result.Gaps[0] | Should -BeGreaterOrEqual 1.0
        $result.Gaps[0] | Should -BeLessThan 4
        $result.Debug | Where-Object { $_ -match 'Retry-After' } | Should -Not -BeNullOrEmpty
        $result.Debug | Where-Object { $_ -match '^Read [\d,]+ bytes of the body' } | Should -Not -BeNullOrEmpty
        $result.Verbose | Where-Object { $_ -match '^Retry 1 of 1 in 1\.0 s \(Retry-After\)' } | Should -Not -BeNullOrEmpty
    }

    It 'honours Retry-After as an HTTP date: waits until then before the next attempt' {
        # An HTTP date has whole seconds: this one is 1 to 2 s away.
        $until = [DateTime]::UtcNow.AddSeconds(2)
        $until = $until.AddTicks(-($until.Ticks % [TimeSpan]::TicksPerSecond))
        $result = Invoke-Fault "status=503/times=1/retry-after=$([uri]::EscapeDataString($until.ToString('r')))/id=ra-date" -Retries 1
        $result.Error | Should -BeNullOrEmpty
        $result.Requests | Should -Be 2
        ($result.Arrivals[1] - $until).TotalSeconds | Should -BeGreaterOrEqual -0.05
        ($result.Arrivals[1] - $until).TotalSeconds | Should -BeLessThan 3
        $result.Verbose | Where-Object { $_ -match '\(Retry-After\)' } | Should -Not -BeNullOrEmpty
    }

    It 'does not wait when Retry-After is longer than the cap, and says so' {
        $result = Invoke-Fault 'status=429/retry-after=3600/id=ra-long' -Retries 3
        $result.Requests | Should -Be 1
        $result.Error.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $result.Verbose | Where-Object { $_ -match 'Not retrying' } | Should -Not -BeNullOrEmpty
    }

    It 'does not retry <Status>' -TestCases @(@{ Status = 400 }, @{ Status = 409 }, @{ Status = 501 }) {
        $result = Invoke-Fault "status=$Status" -Retries 3
        $result.Requests | Should -Be 1
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LinerHttpError,*'
    }

    It 'retries a reset connection, then fails with LinerNetworkError' {
        $result = Invoke-Fault 'reset' -Retries 1
        $result.Requests | Should -Be 2
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LinerNetworkError,*'
        $result.Error.CategoryInfo.Category | Should -Be 'ConnectionError'
    }
}

Describe 'HTTP and network failures' {
    It 'a refused connection is LinerNetworkError' {
        $result = Invoke-Fault 'refused' -ApiHost 'http://127.0.0.1:9'
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LinerNetworkError,*'
        $result.Error.Exception.Message | Should -Match 'could not reach http://127\.0\.0\.1:9'
        $result.Error.ErrorDetails.RecommendedAction | Should -Match 'network'
    }

    It 'a TLS handshake that fails is LinerNetworkError' {
        $result = Invoke-Fault 'tls' -ApiHost ($Mock.HttpUrl -replace '^http:', 'https:')
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LinerNetworkError,*'
    }

    It 'a server slower than -TimeoutSec to answer is LinerTimeout' {
        $result = Invoke-Fault 'delay=4000' -TimeoutSec 1
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LinerTimeout,*'
        $result.Error.CategoryInfo.Category | Should -Be 'OperationTimeout'
        $result.Error.Exception.Message | Should -Match 'longer than 1 s'
    }

    It 'a body that stalls longer than -TimeoutSec is LinerTimeout' {
        $result = Invoke-Fault 'stall=4000/count=2000' -TimeoutSec 1
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LinerTimeout,*'
    }

    It 'a connection reset mid-body after numbers were written is not retried and is LinerNetworkError' {
        $result = Invoke-Fault 'reset-mid/count=5000' -Retries 3
        $result.Requests | Should -Be 1
        $result.Output.Count | Should -BeGreaterThan 0
        $result.Output.Count | Should -BeLessThan 5000
        $result.Error.FullyQualifiedErrorId | Should -BeIn @('LinerNetworkError,Liner.PowerShell.Commands.GetLinerVirtualNumberCommand', 'LinerInvalidResponse,Liner.PowerShell.Commands.GetLinerVirtualNumberCommand')
    }

    It '<Status> is LinerAuthenticationFailed (<Category>) with no retry' -TestCases @(
        @{ Status = 401; Category = 'AuthenticationError' }, @{ Status = 403; Category = 'PermissionDenied' }
    ) {
        $result = Invoke-Fault "status=$Status" -Retries 3
        $result.Requests | Should -Be 1
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LinerAuthenticationFailed,*'
        $result.Error.CategoryInfo.Category | Should -Be $Category
    }

    It '404 on both spellings of the path is LinerHttpError ObjectNotFound' {
        $result = Invoke-Fault 'status=404'
        $result.Requests | Should -Be 2
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LinerHttpError,*'
        $result.Error.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $result.Error.ErrorDetails.RecommendedAction | Should -Match 'path prefix'
    }

    It 'a gateway HTML error page is reported by its title' {
        $result = Invoke-Fault 'status=502/html'
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LinerHttpError,*'
        $result.Error.Exception.Message | Should -Match "HTML page titled '502 Bad Gateway'"
    }

    It 'the health check fails the same way: <Scenario>' -TestCases @(
        @{ Scenario = 'status=502/html'; ErrorId = 'LinerHttpError' }
        @{ Scenario = 'html'; ErrorId = 'LinerInvalidResponse' }
        @{ Scenario = 'delay=4000'; ErrorId = 'LinerTimeout' }
    ) {
        $result = Invoke-Fault $Scenario -Health -TimeoutSec 1
        $result.Error.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
    }
}

Describe 'Failures that retrying cannot mend' {
    It 'does not retry <Name>, and says what is wrong' -TestCases @(
        @{ Name = 'a host name that does not resolve'; ApiHost = 'https://liner-no-such-host.invalid'; Says = 'host name liner-no-such-host\.invalid was not found'; Action = 'spelling' }
        @{ Name = 'https to a port that speaks plain http'; ApiHost = ''; Says = 'does not seem to speak TLS.*Was http:// meant\?'; Action = 'http://' }
    ) {
        if (-not $ApiHost) { $ApiHost = $Mock.HttpUrl -replace '^http:', 'https:' }
        $result = Invoke-Fault 'permanent' -ApiHost $ApiHost -Retries 3
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LinerNetworkError,*'
        $result.Error.Exception.Message | Should -Match $Says
        $result.Error.Exception.Message | Should -Not -Match 'frame size|corrupted frame'
        $result.Error.ErrorDetails.RecommendedAction | Should -Match ([regex]::Escape($Action))
        @($result.Verbose | Where-Object { $_ -match '^Retry ' }) | Should -BeNullOrEmpty
    }

    It 'reports a body cut off mid-response as a response that ended early' {
        $result = Invoke-Fault 'reset-mid/count=5000/id=early' -Retries 0
        $result.Error.Exception.Message | Should -Match 'ended early.*after [\d,]+ bytes of the body'
        $result.Error.Exception.Message | Should -Not -Match 'could not reach'
    }
}

Describe 'Every error says what to do' {
    It '<Name> carries a recommended action' -TestCases @(
        @{ Name = 'success: false (LinerApiError)'; Scenario = 'fail=Integration%20is%20disabled'; ErrorId = 'LinerApiError' }
        @{ Name = 'a 400 (LinerHttpError)'; Scenario = 'status=400'; ErrorId = 'LinerHttpError' }
        @{ Name = 'a redirect refused (LinerRedirectRefused)'; Scenario = 'redirect-scheme'; ErrorId = 'LinerRedirectRefused' }
        @{ Name = 'a timeout (LinerTimeout)'; Scenario = 'delay=3000'; ErrorId = 'LinerTimeout' }
    ) {
        $result = Invoke-Fault $Scenario -TimeoutSec 1
        $result.Error.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $result.Error.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'an empty key carries a recommended action' {
        $failure = { Connect-Liner -ApiHost $Mock.Url -ApiKey ([securestring]::new()) } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerMissingApiKey,*'
        $failure.ErrorDetails.RecommendedAction | Should -Match 'integration'
    }

    It 'a 404 on both spellings of the path says both were tried' {
        $result = Invoke-Fault 'status=404/id=both404'
        $result.Error.Exception.Message | Should -Match '/v2/sip-endpoint/ failed with 404.*/v2/sip-endpoints/ was tried first'
    }

    It 'a timeout while connecting recommends what works when nothing is connected' {
        $failure = { Connect-Liner -ApiHost "$($Mock.Url)/delay=3000" -ApiKey $TestKey -TimeoutSec 1 -MaximumRetryCount 0 } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerTimeout,*'
        $failure.ErrorDetails.RecommendedAction | Should -Not -Match 'Test-LinerConnection'
        $failure.ErrorDetails.RecommendedAction | Should -Match 'TimeoutSec'
    }

    It '-Connection $null is an error on <Command>, not the session default' -TestCases @(
        @{ Command = 'Get-LinerVirtualNumber' }, @{ Command = 'Get-LinerOrder' }, @{ Command = 'Get-LinerUser' }, @{ Command = 'Test-LinerConnection' }, @{ Command = 'Disconnect-Liner' }
    ) {
        Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
        $failure = { & $Command -Connection $null } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        $failure.Exception.Message | Should -Match 'Connection'
        Get-LinerConnection | Should -Not -BeNullOrEmpty
    }
}

Describe 'Waiting for a slow server' {
    BeforeAll {
        # Connect-Liner in a runspace of its own, whose progress stream can be read; returns that stream.
        function Get-ConnectProgress([string] $Scenario) {
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript("Import-Module '$ModulePath'; Connect-Liner -ApiHost '$($Mock.Url)/$Scenario' -ApiKey `$args[0]").AddArgument($TestKey)
                $null = $ps.Invoke()
                $ps.Streams.Error | Should -BeNullOrEmpty
                $ps.Streams.Progress.ReadAll()
            }
            finally { $ps.Dispose() }
        }
    }

    It 'shows progress while Connect-Liner waits, and completes it' {
        $progress = @(Get-ConnectProgress 'delay=1500')
        @($progress | Where-Object StatusDescription -Match '^Waiting for 127\.0\.0\.1:\d+ to answer').Count | Should -BeGreaterThan 0
        $progress[-1].RecordType | Should -Be 'Completed'
    }

    It 'shows progress between retries' {
        $progress = @(Get-ConnectProgress 'status=503/times=1/id=progress-retry')
        @($progress | Where-Object StatusDescription -Match '^Retry 1 of 3 in').Count | Should -BeGreaterThan 0
    }

    It 'keeps progress out of redirected output' {
        $result = Invoke-ModuleScript -Script "Connect-Liner -ApiHost '$($Mock.Url)/delay=1500' -ApiKey (ConvertTo-SecureString '$TestKeyText' -AsPlainText -Force) -PassThru | Select-Object -ExpandProperty ApiHost"
        $result.ExitCode | Should -Be 0
        $result.Output.Trim() | Should -Be "$($Mock.Url)/delay=1500"
        $result.Output + $result.Errors | Should -Not -Match 'Waiting for'
    }
}

Describe 'Connect-Liner proves the key without reading the whole list' {
    It 'connects while the rest of a large list is still on its way' {
        # The mock sends half the body, then pauses for far longer than -TimeoutSec: reading the whole
        # list would time out; proving the key needs only the envelope's start and the first number.
        $connection = Connect-Liner -ApiHost "$($Mock.Url)/stall=30000/count=20000" -ApiKey $TestKey -TimeoutSec 2 -MaximumRetryCount 0 -PassThru
        $connection.IsOpen | Should -BeTrue
    }

    It 'still refuses a key the server does not accept' {
        $failure = { Connect-Liner -ApiHost "$($Mock.Url)/count=20000" -ApiKey (ConvertTo-SecureString 'not-the-key-123456' -AsPlainText -Force) } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerAuthenticationFailed,*'
    }
}

Describe 'Responses the module cannot trust' {
    It '<Scenario> is LinerInvalidResponse saying <Says>' -TestCases @(
        @{ Scenario = 'html'; Says = "HTML page titled 'Sign in - Corporate Proxy'" }
        @{ Scenario = 'empty-body'; Says = 'the body is empty' }
        @{ Scenario = 'truncate/count=300'; Says = 'ended before its JSON was complete' }
        @{ Scenario = 'no-data'; Says = "no 'data'" }
        @{ Scenario = 'data-object'; Says = "'data' is an object where an array" }
        @{ Scenario = 'data-null'; Says = "'data' is null where an array" }
        @{ Scenario = 'not-envelope'; Says = 'not the {"success", "message", "data"} object' }
        @{ Scenario = 'wrong-types'; Says = "virtual number 1 of 'data' cannot be read: field 'channels' is a string (four)" }
    ) {
        $result = Invoke-Fault $Scenario
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LinerInvalidResponse,*'
        $result.Error.CategoryInfo.Category | Should -Be 'InvalidResult'
        $result.Error.Exception.Message | Should -BeLike "*$Says*"
        $result.Error.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'success: false with HTTP 200 is LinerApiError carrying Liner''s message' {
        $result = Invoke-Fault 'fail=Integration%20is%20disabled'
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LinerApiError,*'
        $result.Error.Exception.Message | Should -Match 'Integration is disabled'
        $result.Error.Exception.ServerMessage | Should -Be 'Integration is disabled'
        $result.Output.Count | Should -Be 0
    }

    It 'success: false sent after the data still ends with LinerApiError' {
        $result = Invoke-Fault 'success-last-false'
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LinerApiError,*'
        $result.Error.Exception.Message | Should -Match 'Account suspended'
    }

    It 'reads values of other JSON types and outside the documented ranges without losing them' {
        $result = Invoke-Fault 'odd-values'
        $result.Error | Should -BeNullOrEmpty
        $first = $result.Output | Where-Object Id -EQ 101
        $first.Channels | Should -Be 64
        $first.Incoming | Should -BeTrue
        ($result.Output | Where-Object Id -EQ 102).ConnectionType | Should -Be 'webrtc'
        ($result.Output | Where-Object Id -EQ 102).Params.Count | Should -Be 0
    }

    It 'reads a number larger than its read buffer' {
        $result = Invoke-Fault 'big-params'
        $result.Error | Should -BeNullOrEmpty
        $result.Output.Count | Should -Be $SampleNumbers.Count
        ($result.Output | Where-Object Id -EQ 102).Params.note.Length | Should -Be 300000
    }

    It 'keeps extra fields' {
        $result = Invoke-Fault 'extra'
        $result.Error | Should -BeNullOrEmpty
        $result.Output[0].region | Should -Be 'RU-MOW'
    }

    It 'reads a very large list completely' {
        $result = Invoke-Fault 'count=100000'
        $result.Error | Should -BeNullOrEmpty
        $result.Output.Count | Should -Be 100000
    }
}

Describe 'Redirects' {
    It 'follows a redirect within the same origin' {
        $result = Invoke-Fault 'redirect-same'
        $result.Error | Should -BeNullOrEmpty
        $result.Output.Count | Should -Be $SampleNumbers.Count
        $result.Verbose | Where-Object { $_ -match 'Following the redirect' } | Should -Not -BeNullOrEmpty
    }

    It 'refuses a redirect to another port and sends it nothing' {
        Clear-LinerMockRequest $Recorder
        $result = Invoke-Fault "redirect=$RecorderPort"
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LinerRedirectRefused,*'
        $result.Error.CategoryInfo.Category | Should -Be 'SecurityError'
        $result.Error.Exception.Message | Should -Match "127\.0\.0\.1:$RecorderPort"
        @(Get-LinerMockRequest $Recorder).Count | Should -Be 0
    }

    It 'refuses a redirect to another scheme' {
        $result = Invoke-Fault 'redirect-scheme'
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LinerRedirectRefused,*'
        $result.Error.Exception.Message | Should -Match "redirected to another origin$(if ($Scheme -eq 'https') { ' \(from https to http\)' }), $(if ($Scheme -eq 'https') { 'http' } else { 'https' })://127\.0\.0\.1:"
        $result.Requests | Should -Be 1
    }
}

Describe 'Errors scripts can catch' {
    It 'is caught by try/catch, and $? is false after it' {
        $connection = Connect-Liner -ApiHost "$($Mock.Url)/status=500" -ApiKey $TestKey -SkipValidation -MaximumRetryCount 0 -PassThru
        $caught = $null
        try { Get-LinerVirtualNumber -Connection $connection } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'LinerHttpError,*'

        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$ModulePath'; Get-LinerVirtualNumber -Connection `$args[0]; `$?").AddArgument($connection)
            $results = $ps.Invoke()
            $results[-1] | Should -BeFalse
            $ps.Streams.Error[0].FullyQualifiedErrorId | Should -BeLike 'LinerHttpError,*'
        }
        finally { $ps.Dispose() }
    }

    It 'never uses a raw .NET exception text as the message' {
        $result = Invoke-Fault 'reset'
        $result.Error.Exception | Should -BeOfType ([Liner.PowerShell.Api.LinerApiException])
        $result.Error.Exception.Message | Should -Match '^GET /reset/v2/sip-endpoints/ could not reach'
        $result.Error.Exception.Message | Should -Not -Match '   at '
    }

    It 'refuses a plain-text -ApiKey without repeating it' {
        $plain = 'plain-text-key-never-shown-42'
        $failure = { Connect-Liner -ApiHost $Mock.Url -ApiKey $plain } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError*'
        ($failure | Out-String) + $failure.Exception.ToString() | Should -Not -Match $plain
        $failure.Exception.Message | Should -Match 'SecureString'
    }
}

Describe 'Sharing' {
    It 'shares one connection between 8 runspaces, 50 calls each, with every result complete' {
        $connection = Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey -PassThru
        $expected = $SampleNumbers.Count
        $results = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:ModulePath
            $failures = 0
            $counts = for ($i = 0; $i -lt 50; $i++) {
                try { @(Get-LinerVirtualNumber -Connection $using:connection -ErrorAction Stop).Count } catch { $failures++ }
            }
            [pscustomobject]@{ Counts = $counts; Failures = $failures }
        }
        ($results.Failures | Measure-Object -Sum).Sum | Should -Be 0
        $counts = @($results.Counts)
        $counts.Count | Should -Be 400
        @($counts | Where-Object { $_ -ne $expected }).Count | Should -Be 0
    }
}


Describe 'A server that echoes the key' {
    BeforeAll {
        # Everything a user, a log or a script could see of an error: the record as shown, its
        # exception (with the server's own message), its details, category, target and data.
        function Get-ErrorText($Failure) {
            @(
                $Failure | Out-String -Width 300
                $Failure | Format-List * -Force | Out-String -Width 300
                $Failure.Exception.ToString()
                $Failure.Exception | Format-List * -Force | Out-String -Width 300
                $Failure.ErrorDetails | Format-List * | Out-String -Width 300
                $Failure.CategoryInfo | Out-String -Width 300
                "$($Failure.TargetObject)"
                $Failure.Exception.Data.Values | Out-String -Width 300
            ) -join "`n"
        }
    }

    It 'scrubs the key from a health report whose messages quote it, from its views and from every stream' {
        $result = Invoke-Fault 'echo-key=quote/unhealthy' -Health
        $result.Error | Should -BeNullOrEmpty
        $report = $result.Output[0]
        $report.Success | Should -BeFalse
        $report.Message | Should -BeExactly '[X-Api-Key: ****] linerMicroStt is not responding'
        ($report.Components | Where-Object Name -EQ 'linerMicroStt').Message | Should -BeExactly '[X-Api-Key: ****] Connection refused'
        @($report.Components | Where-Object { $_.Message -notlike '`[X-Api-Key: `*`*`*`*`]*' }) | Should -BeNullOrEmpty
        $shown = @(
            $report | Out-String -Width 300
            $report | Format-List * -Force | Out-String -Width 300
            $report.Components | Format-Table * | Out-String -Width 300
            $report | ConvertTo-Json -Depth 6
            "$report"
            $result.Verbose + $result.Debug
        ) -join "`n"
        $shown.Contains($TestKeyText) | Should -BeFalse
        $shown | Should -Match 'echo=\*\*\*\*'
    }

    It 'scrubs the key from a list whose answer quotes it (its message and Content-Type), in every stream' {
        $result = Invoke-Fault 'echo-key=quote'
        $result.Error | Should -BeNullOrEmpty
        $result.Output.Count | Should -Be $SampleNumbers.Count
        $shown = @($result.Output | Format-List * -Force | Out-String -Width 300) + $result.Verbose + $result.Debug -join "`n"
        $shown.Contains($TestKeyText) | Should -BeFalse
        ($result.Debug -join "`n") | Should -Match 'echo=\*\*\*\*'
    }

    It 'scrubs the key from the error record and the exception of <Name>, and from every stream' -TestCases @(
        @{ Name = 'success: false'; Scenario = 'echo-key=quote/fail=Integration%20is%20disabled'; ErrorId = 'LinerApiError'; Health = $false }
        @{ Name = 'success: false after the data'; Scenario = 'echo-key=quote/success-last-false'; ErrorId = 'LinerApiError'; Health = $false }
        @{ Name = 'a 503 retried'; Scenario = 'echo-key=quote/status=503'; ErrorId = 'LinerHttpError'; Health = $false }
        @{ Name = 'a gateway''s HTML page'; Scenario = 'echo-key=quote/status=502/html'; ErrorId = 'LinerHttpError'; Health = $false }
        @{ Name = 'a 401 (the key refused)'; Scenario = 'echo-key=quote/status=401'; ErrorId = 'LinerAuthenticationFailed'; Health = $false }
        @{ Name = 'a failed health check'; Scenario = 'echo-key=quote/status=500'; ErrorId = 'LinerHttpError'; Health = $true }
    ) {
        $result = Invoke-Fault $Scenario -Retries 1 -Health:$Health
        $result.Error.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $shown = (Get-ErrorText $result.Error) + ($result.Verbose + $result.Debug -join "`n")
        $shown.Contains($TestKeyText) | Should -BeFalse
        # What the server said is still there, with the key taken out.
        $result.Error.Exception.Message | Should -Match '\[X-Api-Key: \*\*\*\*\]'
    }

    It 'scrubs the key from an error that ends a paged list part-way' {
        $connection = Connect-Test -Scenario 'echo-key=quote/count=250/fail-page=1' -SkipValidation -MaximumRetryCount 1
        $records = [System.Collections.Generic.List[object]]::new()
        $failure = try { Get-LinerOrder -Connection $connection -Verbose -Debug -ErrorAction Stop *>&1 | ForEach-Object { $records.Add($_) } } catch { $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerHttpError,*'
        @($records | Where-Object { $_ -is [Liner.PowerShell.Order] }).Count | Should -Be 100
        $shown = (Get-ErrorText $failure) + (($records | Where-Object { $_ -isnot [Liner.PowerShell.Order] } | Out-String -Width 300))
        $shown.Contains($TestKeyText) | Should -BeFalse
        $failure.Exception.Message | Should -Match '\[X-Api-Key: \*\*\*\*\] Simulated failure 503'
    }
}
