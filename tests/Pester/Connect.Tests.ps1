# Runs over http and over https (see tests/Invoke-PesterTests.ps1).
param([ValidateSet('http', 'https')] [string] $Scheme = 'http')

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    # Connect-Liner where nobody can answer a prompt: one fresh non-interactive pwsh, a case at a time
    # with its own LINER_API_* variables; what each case said, by name.
    $cases = [ordered]@{
        credential = @{ Environment = @{}; Script = "Connect-Liner -ApiHost '$($Mock.Url)' -Credential 'liner'" }
        host       = @{ Environment = @{ LINER_API_KEY = 'some-key-123456789' }; Script = 'Connect-Liner' }
        key        = @{ Environment = @{ LINER_API_HOST = 'liner.example.com' }; Script = 'Connect-Liner' }
    }
    $script = foreach ($case in $cases.GetEnumerator()) {
        "Remove-Item env:LINER_API_HOST, env:LINER_API_KEY -ErrorAction Ignore"
        foreach ($variable in $case.Value.Environment.GetEnumerator()) { "`$env:$($variable.Key) = '$($variable.Value)'" }
        "'<<$($case.Key)>>'; try { $($case.Value.Script) -ErrorAction Stop; 'connected' } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }; '<</$($case.Key)>>'"
    }
    $output = (Invoke-ModuleScript -Script ($script -join "`n")).Output
    $NonInteractive = @{}
    foreach ($name in $cases.Keys) { $NonInteractive[$name] = if ($output -match "(?s)<<$name>>(.*)<</$name>>") { $Matches[1] } else { "no answer: $output" } }
}
AfterAll {
    Disconnect-Liner
    Stop-LinerMockApi $Mock
}

Describe 'Connect-Liner' {
    BeforeEach { Disconnect-Liner }

    It 'connects, becomes the session default and writes the connection with -PassThru' {
        $connection = Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey -PassThru
        $connection | Should -BeOfType ([Liner.PowerShell.LinerConnection])
        $connection.ApiHost | Should -Be $Mock.Url
        $connection.ApiHost | Should -BeLike "${Scheme}://127.0.0.1:*"
        $connection.TimeoutSec | Should -Be 15
        $connection.MaximumRetryCount | Should -Be 3
        $connection.ConnectedAt | Should -BeGreaterThan ([DateTime]::Now.AddMinutes(-1))
        (Get-LinerConnection) | Should -Be $connection
    }

    It 'writes nothing without -PassThru' {
        $output = Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
        $output | Should -BeNullOrEmpty
        Get-LinerConnection | Should -Not -BeNullOrEmpty
    }

    It 'takes positional host and key' {
        Connect-Liner $Mock.Url $TestKey
        (Get-LinerConnection).ApiHost | Should -Be $Mock.Url
    }

    It 'takes the key as the password of -Credential' {
        $credential = [pscredential]::new('liner', $TestKey)
        Connect-Liner -ApiHost $Mock.Url -Credential $credential -PassThru | Should -Not -BeNullOrEmpty
    }

    It 'refuses a user name for -Credential instead of prompting for a password' {
        $NonInteractive.credential | Should -Match 'CannotConvertArgument'
        $NonInteractive.credential | Should -Not -Match 'connected'
    }

    It 'keeps -TimeoutSec and -MaximumRetryCount' {
        $connection = Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey -TimeoutSec 40 -MaximumRetryCount 0 -PassThru
        $connection.TimeoutSec | Should -Be 40
        $connection.MaximumRetryCount | Should -Be 0
    }

    It 'keeps a path prefix, so requests go to <prefix>/v2/...' {
        Clear-LinerMockRequest $Mock
        $connection = Connect-Liner -ApiHost "$($Mock.Url)/gateway/liner/" -ApiKey $TestKey -PassThru
        $connection.ApiHost | Should -Be "$($Mock.Url)/gateway/liner"
        (Get-LinerMockRequest $Mock).path | Should -Be '/gateway/liner/v2/sip-endpoints/'
    }

    It 'proves host and key with exactly one request that carries X-Api-Key and Accept: application/json' {
        Clear-LinerMockRequest $Mock
        Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
        $requests = @(Get-LinerMockRequest $Mock)
        $requests.Count | Should -Be 1
        $requests[0].method | Should -Be 'GET'
        $requests[0].path | Should -Be '/v2/sip-endpoints/'
        $requests[0].apiKeyAccepted | Should -BeTrue
        $requests[0].accept | Should -Match 'application/json'
        $requests[0].userAgent | Should -Match '^Liner\.PowerShell/'
    }

    It 'reuses one HTTP connection for the calls made on a connection' {
        $connection = Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey -PassThru
        Clear-LinerMockRequest $Mock
        1..5 | ForEach-Object { $null = Get-LinerVirtualNumber -Connection $connection }
        $requests = @(Get-LinerMockRequest $Mock)
        $requests.Count | Should -Be 5
        @($requests.connectionId | Select-Object -Unique).Count | Should -Be 1
    }

    It 'makes no request with -SkipValidation' {
        Clear-LinerMockRequest $Mock
        Connect-Liner -ApiHost $Mock.Url -ApiKey (ConvertTo-SecureString 'wrong-key-1234567890' -AsPlainText -Force) -SkipValidation
        @(Get-LinerMockRequest $Mock).Count | Should -Be 0
        Get-LinerConnection | Should -Not -BeNullOrEmpty
    }

    It 'fails with LinerAuthenticationFailed for a wrong key, registers nothing and keeps the previous default' {
        $previous = Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey -PassThru
        $wrong = ConvertTo-SecureString 'wrong-key-1234567890' -AsPlainText -Force
        $failure = { Connect-Liner -ApiHost "$($Mock.Url)/other" -ApiKey $wrong } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerAuthenticationFailed,*'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.Exception.Message | Should -Match 'Invalid API key'
        (Get-LinerConnection) | Should -Be $previous
    }

    It 'reads LINER_API_HOST and LINER_API_KEY when host and key are not given' {
        $env:LINER_API_HOST = $Mock.Url
        $env:LINER_API_KEY = $TestKeyText
        try {
            Connect-Liner
            (Get-LinerConnection).ApiHost | Should -Be $Mock.Url
        }
        finally {
            Remove-Item env:LINER_API_HOST, env:LINER_API_KEY -ErrorAction SilentlyContinue
        }
    }

    It 'prefers -ApiHost to LINER_API_HOST' {
        $env:LINER_API_HOST = 'https://unused.invalid'
        try {
            Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
            (Get-LinerConnection).ApiHost | Should -Be $Mock.Url
        }
        finally {
            Remove-Item env:LINER_API_HOST -ErrorAction SilentlyContinue
        }
    }

    It 'prefers -ApiKey to LINER_API_KEY: <Case>' -TestCases @(
        @{ Case = 'the right key given, a wrong one in the environment'; Given = 'right'; Environment = 'wrong'; Accepted = $true }
        @{ Case = 'a wrong key given, the right one in the environment'; Given = 'wrong'; Environment = 'right'; Accepted = $false }
    ) {
        $keys = @{ right = $TestKeyText; wrong = 'wrong-key-from-elsewhere-42' }
        $env:LINER_API_KEY = $keys[$Environment]
        Clear-LinerMockRequest $Mock
        try {
            $failure = try { Connect-Liner -ApiHost $Mock.Url -ApiKey (ConvertTo-SecureString $keys[$Given] -AsPlainText -Force) -ErrorAction Stop; $null } catch { $_ }
        }
        finally {
            Remove-Item env:LINER_API_KEY -ErrorAction SilentlyContinue
        }
        $requests = @(Get-LinerMockRequest $Mock)
        $requests.Count | Should -Be 1
        $requests[0].apiKey | Should -BeExactly $keys[$Given]
        $requests[0].apiKeyAccepted | Should -Be $Accepted
        if ($Accepted) {
            $failure | Should -BeNullOrEmpty
            Get-LinerConnection | Should -Not -BeNullOrEmpty
        }
        else {
            $failure.FullyQualifiedErrorId | Should -BeLike 'LinerAuthenticationFailed,*'
            Get-LinerConnection | Should -BeNullOrEmpty
        }
    }

    It 'names the missing <Missing> in a terminating error and never prompts (pwsh -NonInteractive)' -TestCases @(
        @{ Missing = 'host'; ErrorId = 'LinerMissingApiHost'; Variable = 'LINER_API_HOST' }
        @{ Missing = 'key'; ErrorId = 'LinerMissingApiKey'; Variable = 'LINER_API_KEY' }
    ) {
        $NonInteractive[$Missing] | Should -Match $ErrorId
        $NonInteractive[$Missing] | Should -Match $Variable
        $NonInteractive[$Missing] | Should -Not -Match 'connected'
    }

    It 'rejects -ApiHost <ApiHost> with an argument error that says what is accepted' -TestCases @(
        @{ ApiHost = '' }
        @{ ApiHost = 'ftp://liner.example.com' }
        @{ ApiHost = 'liner example.com' }
        @{ ApiHost = 'https://liner.example.com/?a=1' }
        @{ ApiHost = 'https://user@liner.example.com' }
    ) {
        $failure = { Connect-Liner -ApiHost $ApiHost -ApiKey $TestKey -SkipValidation } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        $failure.Exception.Message | Should -Match 'https://|host'
    }

    It 'refuses http:// to a host that is not this computer unless -AllowUnencryptedConnection' {
        $failure = { Connect-Liner -ApiHost 'http://liner.example.com' -ApiKey $TestKey -SkipValidation } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerInvalidApiHost,*'
        $failure.Exception.Message | Should -Match 'AllowUnencryptedConnection'
        $connection = Connect-Liner -ApiHost 'http://liner.example.com' -ApiKey $TestKey -SkipValidation -AllowUnencryptedConnection -PassThru
        $connection.ApiHost | Should -Be 'http://liner.example.com'
    }

    It 'reads <Given> as <Expected>' -TestCases @(
        @{ Given = 'liner.example.com'; Expected = 'https://liner.example.com' }
        @{ Given = 'liner.example.com:8443/api'; Expected = 'https://liner.example.com:8443/api' }
        @{ Given = 'https://liner.example.com:8443/api/'; Expected = 'https://liner.example.com:8443/api' }
        @{ Given = 'http://localhost:5000'; Expected = 'http://localhost:5000' }
        @{ Given = 'http://[::1]:5000'; Expected = 'http://[::1]:5000' }
    ) {
        (Connect-Liner -ApiHost $Given -ApiKey $TestKey -SkipValidation -PassThru).ApiHost | Should -Be $Expected
    }

    It 'rejects an empty key' {
        $failure = { Connect-Liner -ApiHost $Mock.Url -ApiKey ([securestring]::new()) } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerMissingApiKey,*'
    }

    It 'rejects -<Parameter> <Value>, just outside its range' -TestCases @(
        @{ Parameter = 'TimeoutSec'; Value = 0 }, @{ Parameter = 'TimeoutSec'; Value = 3601 }
        @{ Parameter = 'MaximumRetryCount'; Value = -1 }, @{ Parameter = 'MaximumRetryCount'; Value = 11 }
    ) {
        $parameters = @{ $Parameter = $Value }
        $failure = { Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey -SkipValidation @parameters } | Should -Throw -ErrorId 'ParameterArgumentValidationError*' -PassThru
        $failure.Exception.Message | Should -Match $Parameter
        Get-LinerConnection | Should -BeNullOrEmpty
    }

    It 'takes -<Parameter> <Value>, the end of its range' -TestCases @(
        @{ Parameter = 'TimeoutSec'; Value = 1 }, @{ Parameter = 'TimeoutSec'; Value = 3600 }
        @{ Parameter = 'MaximumRetryCount'; Value = 0 }, @{ Parameter = 'MaximumRetryCount'; Value = 10 }
    ) {
        $parameters = @{ $Parameter = $Value }
        $connection = Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey -SkipValidation -PassThru @parameters
        $connection.$Parameter | Should -Be $Value
    }
}

Describe 'The connection object' {
    BeforeAll {
        $connection = Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey -PassThru
    }

    It 'shows at most the last four characters of the key' {
        $connection.ApiKeyHint | Should -Be ('****' + $TestKeyText.Substring($TestKeyText.Length - 4))
    }

    It 'never shows the key in ToString, its views, Format-List * -Force, or its JSON' {
        $texts = @(
            $connection.ToString()
            $connection | Out-String -Width 300
            $connection | Format-List * -Force | Out-String -Width 300
            $connection | Format-Table * -Force | Out-String -Width 300
            $connection | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue
        )
        foreach ($text in $texts) { $text | Should -Not -Match ([regex]::Escape($TestKeyText)) }
        $connection.PSObject.Properties.Name | Should -Not -Contain 'ApiKey'
    }

    It 'has a table view with the host, the proxy and the key hint' {
        $text = $connection | Out-String -Width 200
        $text | Should -Match 'ApiHost\s+Proxy\s+ApiKeyHint\s+ConnectedAt\s+IsOpen'
        $text | Should -Match '\snone\s'
        $text | Should -Match ([regex]::Escape($connection.ApiKeyHint))
    }
}

Describe 'Disconnect-Liner and Get-LinerConnection' {
    It 'forgets the default connection and closes it' {
        $connection = Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey -PassThru
        Disconnect-Liner
        Get-LinerConnection | Should -BeNullOrEmpty
        $connection.IsOpen | Should -BeFalse
        $failure = { Get-LinerVirtualNumber -Connection $connection } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerConnectionClosed,*'
    }

    It 'succeeds silently with nothing connected, so it can sit in a finally block' {
        Disconnect-Liner
        { Disconnect-Liner -ErrorAction Stop } | Should -Not -Throw
        Disconnect-Liner | Should -BeNullOrEmpty
    }

    It 'closes only the given connection, and clears the default only if it is that one' {
        $first = Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey -PassThru
        $second = Connect-Liner -ApiHost "$($Mock.Url)/second" -ApiKey $TestKey -PassThru
        Disconnect-Liner -Connection $first
        $first.IsOpen | Should -BeFalse
        (Get-LinerConnection) | Should -Be $second
        $second | Disconnect-Liner
        Get-LinerConnection | Should -BeNullOrEmpty
    }

    It 'Get-LinerConnection writes nothing when not connected' {
        Disconnect-Liner
        @(Get-LinerConnection).Count | Should -Be 0
    }
}
