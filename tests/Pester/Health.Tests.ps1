# Runs over http and over https (see tests/Invoke-PesterTests.ps1).
param([ValidateSet('http', 'https')] [string] $Scheme = 'http')

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}
AfterAll {
    Disconnect-Liner
    Stop-LinerMockApi $Mock
}

Describe 'Test-LinerConnection' {
    BeforeEach {
        Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
    }

    It 'writes a health report with every component' {
        $report = Test-LinerConnection
        $report | Should -BeOfType ([Liner.PowerShell.HealthReport])
        $report.ApiHost | Should -Be $Mock.Url
        $report.Success | Should -BeTrue
        $report.Components.Name | Should -Be @('linerMonolithPhpGateway', 'linerMicroRabbit', 'linerMicroStt')
        $rabbit = $report.Components | Where-Object Name -EQ 'linerMicroRabbit'
        $rabbit.Success | Should -BeTrue
        $rabbit.ExecutionTime | Should -BeOfType ([timespan])
        $rabbit.ExecutionTime.TotalMilliseconds | Should -BeGreaterThan 4.4
        $rabbit.ExecutionTime.TotalMilliseconds | Should -BeLessThan 4.6
        $rabbit.ReasonPhrase | Should -Be 'Ok'
        $rabbit.Data.consumers | Should -Be @('calls', 'sms')
    }

    It 'calls GET /v1/health/check/ with the key' {
        Clear-LinerMockRequest $Mock
        $null = Test-LinerConnection
        $request = Get-LinerMockRequest $Mock
        $request.path | Should -Be '/v1/health/check/'
        $request.apiKeyAccepted | Should -BeTrue
    }

    It 'reports an unhealthy API with Success false and the failing component' {
        $report = Test-LinerConnection -Connection (Connect-Test -Scenario 'unhealthy' -SkipValidation)
        $report.Success | Should -BeFalse
        $report.Message | Should -Match 'linerMicroStt'
        ($report.Components | Where-Object { -not $_.Success }).Name | Should -Be 'linerMicroStt'
    }

    It 'shows a list view with each component' {
        $text = Test-LinerConnection | Out-String -Width 200
        $text | Should -Match 'ApiHost\s+:'
        $text | Should -Match 'linerMicroRabbit: ok'
        (Test-LinerConnection).Components | Out-String -Width 200 | Should -Match 'Name\s+Success\s+ExecutionTime\s+ReasonPhrase\s+Message'
    }

    It '-Quiet writes only $true for a healthy API' {
        $result = @(Test-LinerConnection -Quiet)
        $result | Should -Be @($true)
    }

    It '-Quiet writes only $false, never an error, for <Case>' -TestCases @(
        @{ Case = 'an unhealthy API'; Make = { Connect-Test -Scenario 'unhealthy' -SkipValidation } }
        @{ Case = 'a wrong key'; Make = { Connect-Liner -ApiHost $Mock.Url -ApiKey (ConvertTo-SecureString 'wrong-key-1234567890' -AsPlainText -Force) -SkipValidation -PassThru } }
        @{ Case = 'an unreachable host'; Make = { Connect-Liner -ApiHost 'http://127.0.0.1:9' -ApiKey $TestKey -SkipValidation -MaximumRetryCount 0 -PassThru } }
    ) {
        $connection = & $Make
        $result = @(Test-LinerConnection -Connection $connection -Quiet -ErrorVariable failures)
        $result | Should -Be @($false)
        $failures.Count | Should -Be 0
    }

    It 'without -Quiet, a wrong key ends with LinerAuthenticationFailed' {
        $wrong = Connect-Liner -ApiHost $Mock.Url -ApiKey (ConvertTo-SecureString 'wrong-key-1234567890' -AsPlainText -Force) -SkipValidation -PassThru
        { Test-LinerConnection -Connection $wrong } | Should -Throw -ErrorId 'LinerAuthenticationFailed,*'
    }

    It '-Quiet writes $false when not connected; without it, LinerNotConnected' {
        Disconnect-Liner
        try {
            Test-LinerConnection -Quiet | Should -BeFalse
            { Test-LinerConnection } | Should -Throw -ErrorId 'LinerNotConnected,*'
        }
        finally {
            Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
        }
    }
}
