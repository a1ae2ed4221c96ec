# The fault matrix: every way the Liner API, the network or a proxy can misbehave, each tried with
# -Verbose -Debug inside Start-Transcript, every stream captured. The last test searches all of it,
# the transcript and $Error for the API key.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $Recorder = Start-LinerMockApi    # another origin, to prove that redirects never carry the key there
    $RecorderPort = ([uri]$Recorder.Url).Port
    $Transcript = Join-Path $TestDrive 'faults-transcript.txt'
    $null = Start-Transcript -Path $Transcript
    $Captured = [System.Collections.Generic.List[string]]::new()
    $Stats = @{ FaultsTried = 0 }
    $DebugPreference = 'Continue'

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
        $Stats.FaultsTried++
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
        $objects = @($records | Where-Object { $_ -is [Liner.PowerShell.VirtualNumber] })
        foreach ($record in $records) {
            if ($record -isnot [Liner.PowerShell.VirtualNumber]) { $Captured.Add(($record | Out-String -Width 400)) }
        }
        # Numbers come from the API's data, not from the key; formatting 100,000 of them would only add minutes.
        if ($objects.Count -le 1000) { $Captured.Add(($objects | Format-List | Out-String -Width 400)) }
        if ($failure) {
            $Captured.Add(($failure | Out-String -Width 400))
            $Captured.Add($failure.Exception.ToString())
            $Captured.Add(($failure.ErrorDetails | Out-String))
            foreach ($value in $failure.Exception.Data.Values) { $Captured.Add([string]$value) }
            $failure | Out-Host    # into the transcript as a user would see it
        }
        [pscustomobject]@{
            Output   = @($records | Where-Object { $_ -is [Liner.PowerShell.VirtualNumber] -or $_ -is [Liner.PowerShell.HealthReport] })
            Verbose  = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
            Debug    = @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
            Error    = $failure
            Requests = @(Get-LinerMockRequest $Mock).Count
        }
    }
}
AfterAll {
    if ((Get-Variable Transcript -ErrorAction SilentlyContinue)) { try { $null = Stop-Transcript } catch { } }
    Disconnect-Liner
    Stop-LinerMockApi $Recorder
    Stop-LinerMockApi $Mock
}

Describe 'Retries' {
    It 'retries 503 up to -MaximumRetryCount, says each retry in -Verbose, then fails with LinerHttpError' {
        $result = Invoke-Fault 'status=503' -Retries 2
        $result.Requests | Should -Be 3
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
        $result = Invoke-Fault "status=$Status/times=2/id=recover$Status" -Retries 3
        $result.Error | Should -BeNullOrEmpty
        $result.Output.Count | Should -Be $SampleNumbers.Count
        $result.Requests | Should -Be 3
    }

    It 'honours Retry-After in seconds and as an HTTP date' {
        $result = Invoke-Fault 'status=429/times=1/retry-after=1/id=ra-seconds' -Retries 1
        $result.Error | Should -BeNullOrEmpty
        $result.Debug | Where-Object { $_ -match 'Retry-After' } | Should -Not -BeNullOrEmpty
        $result.Debug | Where-Object { $_ -match '^Read [\d,]+ bytes of the body' } | Should -Not -BeNullOrEmpty
        $result.Verbose | Where-Object { $_ -match '^Retry 1 of 1 in 1\.0 s \(Retry-After\)' } | Should -Not -BeNullOrEmpty
        $date = [DateTime]::UtcNow.AddSeconds(2).ToString('r')
        $result = Invoke-Fault "status=503/times=1/retry-after=$([uri]::EscapeDataString($date))/id=ra-date" -Retries 1
        $result.Error | Should -BeNullOrEmpty
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
        $result = Invoke-Fault 'tls' -ApiHost ($Mock.Url -replace '^http:', 'https:')
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
        $result = Invoke-Fault 'redirect-https'
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LinerRedirectRefused,*'
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

Describe 'Stopping and sharing' {
    It 'Stop (Ctrl+C) cancels an in-flight request at once' {
        $connection = Connect-Liner -ApiHost "$($Mock.Url)/delay=20000" -ApiKey $TestKey -SkipValidation -TimeoutSec 60 -PassThru
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$ModulePath'; Get-LinerVirtualNumber -Connection `$args[0]").AddArgument($connection)
            $async = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 700
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $async.IsCompleted | Should -BeTrue
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            # Far less than the 20 s the server would take: the request was cancelled, not waited out.
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        }
        finally { $ps.Dispose() }
    }

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

Describe 'The key never leaks' {
    It 'appears in no stream, error record, exception, $Error or transcript of the whole fault matrix' {
        $null = Stop-Transcript
        $texts = [System.Collections.Generic.List[string]]::new($Captured)
        $texts.Add((Get-Content -Raw $Transcript))
        foreach ($record in $Error) {
            $texts.Add(($record | Out-String -Width 400))
            if ($record -is [System.Management.Automation.ErrorRecord]) {
                $texts.Add($record.Exception.ToString())
                foreach ($value in $record.Exception.Data.Values) { $texts.Add([string]$value) }
            }
        }
        $leaks = @($texts | Where-Object { $_ -and $_.Contains($TestKeyText) }).Count
        Write-Host "fault suite: $($Stats.FaultsTried) faults tried, $leaks leaked the key ($($texts.Count) texts searched)"
        $Stats.FaultsTried | Should -BeGreaterThan 30
        (Get-Content -Raw $Transcript) | Should -Match 'failed with 503'
        $leaks | Should -Be 0
    }
}
