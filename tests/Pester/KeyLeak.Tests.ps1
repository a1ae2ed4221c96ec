# The whole fault matrix of Faults.Tests.ps1 over http and over https, in one fresh pwsh inside
# Start-Transcript, each fault met by Connect-Liner, Get-LinerVirtualNumber and Test-LinerConnection
# with -Verbose -Debug; then everything it showed is searched for the API key. The server echoes the
# key back in some of them (echo-key, echo-key=quote): in a 401, a health report, a list and errors.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $Recorder = Start-LinerMockApi    # another origin, for a redirect the module must refuse
    $RecorderPort = ([uri]$Recorder.Url).Port
}
AfterAll {
    Stop-LinerMockApi $Recorder
    Stop-LinerMockApi $Mock
}

Describe 'The key never leaks' {
    It 'appears in no stream, error record, exception, $Error or transcript of the whole fault matrix, even when the server echoes it' {
        $scenarios = @(
            'status=503', 'status=401', 'status=403', 'status=404', 'status=400', 'status=502/html', 'status=429/retry-after=3600',
            'html', 'empty-body', 'truncate/count=300', 'reset', 'reset-mid/count=5000', 'delay=3000', 'stall=3000/count=2000',
            'fail=Integration%20is%20disabled', 'success-last-false', 'no-data', 'data-object', 'data-null', 'not-envelope',
            'wrong-types', 'odd-values', 'big-params', 'extra', "redirect=$RecorderPort", 'redirect-scheme', 'redirect-same',
            'echo-key', 'echo-key/html', 'unhealthy',
            'echo-key=quote', 'echo-key=quote/unhealthy', 'echo-key=quote/fail=Integration%20is%20disabled', 'echo-key=quote/status=503',
            'echo-key=quote/status=502/html', 'echo-key=quote/success-last-false'
        )
        # Every scenario over http and over https, then the failures only one scheme has.
        $hosts = @(foreach ($base in $Mock.HttpUrl, $Mock.HttpsUrl) { $scenarios | ForEach-Object { "$base/$_" } }) +
            @('http://127.0.0.1:9', ($Mock.HttpUrl -replace '^http:', 'https:'), 'https://liner-no-such-host.invalid') +
            @($Mock.ExpiredUrl, $Mock.WrongHostUrl, $Mock.UntrustedUrl, "$($Mock.HttpsUrl)/redirect=$(([uri]$Mock.HttpUrl).Port)")
        $transcript = Join-Path $TestDrive 'key-leak-transcript.txt'
        $script = {
            param($Hosts, $Transcript)
            $key = ConvertTo-SecureString $env:LINER_TEST_KEY -AsPlainText -Force
            Remove-Item Env:LINER_TEST_KEY
            $null = Start-Transcript -Path $Transcript
            foreach ($apiHost in $Hosts) {
                foreach ($command in 'Connect-Liner', 'Get-LinerVirtualNumber', 'Test-LinerConnection') {
                    try {
                        if ($command -eq 'Connect-Liner') { $null = Connect-Liner -ApiHost $apiHost -ApiKey $key -AllowUnencryptedConnection -TimeoutSec 1 -MaximumRetryCount 0 -Verbose -Debug -ErrorAction Stop }
                        else {
                            $connection = Connect-Liner -ApiHost $apiHost -ApiKey $key -AllowUnencryptedConnection -SkipValidation -TimeoutSec 1 -MaximumRetryCount 0 -PassThru
                            & $command -Connection $connection -Verbose -Debug -ErrorAction Stop | Select-Object -First 50 | Format-List * | Out-Host
                        }
                    }
                    catch {
                        $_ | Out-Host
                        $_.Exception.ToString() | Out-Host
                        $_.ErrorDetails | Format-List * | Out-Host
                        $_.Exception.Data.Values | Out-Host
                    }
                }
            }
            $null = Stop-Transcript
            $Error | ForEach-Object { $_ | Out-Host; $_.Exception.ToString() | Out-Host }
            "tried: $($Hosts.Count * 3)"
        }
        $result = Invoke-ModuleScript -Script "& { $script } -Hosts @('$($hosts -join "','")') -Transcript '$transcript'" -Environment @{ LINER_TEST_KEY = $TestKeyText } -TimeoutSec 240
        $texts = @($result.Output, $result.Errors, (Get-Content -Raw $transcript))
        $tried = if ($result.Output -match 'tried: (\d+)') { [int]$Matches[1] } else { 0 }
        $leaks = @($texts | Where-Object { $_.Contains($TestKeyText) }).Count
        Write-Host "fault suite: $tried faults tried, $leaks leaked the key ($([int](($texts | Measure-Object Length -Sum).Sum / 1024)) KB of output searched)"
        $tried | Should -Be ($hosts.Count * 3)
        $tried | Should -BeGreaterThan 200
        # The run really showed the failures and what the server echoed, with the key taken out.
        $texts[2] | Should -Match 'failed with 503'
        $texts[2] | Should -Match "Invalid API key '\*\*\*\*'"
        $texts[2] | Should -Match 'Unauthorized: \*\*\*\*'
        $texts[2] | Should -Match 'echo=\*\*\*\*'
        $texts[2] | Should -Match 'its certificate expired on'
        $texts[2] | Should -Match '\[X-Api-Key: \*\*\*\*\] linerMicroStt is not responding'
        $texts[2] | Should -Match "HTML page titled '\[X-Api-Key: \*\*\*\*\] 502 Bad Gateway'"
        $leaks | Should -Be 0
    }
}
