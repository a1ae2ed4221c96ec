# Connection reuse, retries, timeouts and Stop (Ctrl+C) behave the same over http, over https, and
# through a real proxy (tinyproxy) over http and https. Faults.Tests.ps1 goes deeper over http.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module (Join-Path $PSScriptRoot '../TestProxy.psm1') -Force
    $Proxy = Start-TestProxy

    # A connection to a scenario over one of the transports: http, https, proxy-http or proxy-https.
    function Connect-Over {
        param([Parameter(Mandatory)] [string] $Transport, [string] $Scenario, [int] $TimeoutSec = 15, [int] $Retries = 0)
        $base = if ($Transport -like '*https') { $Mock.HttpsUrl } else { $Mock.HttpUrl }
        $parameters = @{
            ApiHost = if ($Scenario) { "$base/$Scenario" } else { $base }
            ApiKey = $TestKey; SkipValidation = $true; TimeoutSec = $TimeoutSec; MaximumRetryCount = $Retries; PassThru = $true
        }
        if ($Transport -like 'proxy-*') { $parameters.Proxy = $Proxy.Url } else { $parameters.NoProxy = $true }
        Connect-Liner @parameters
    }
}
AfterAll {
    Disconnect-Liner
    Stop-TestProxy $Proxy
    Stop-LinerMockApi $Mock
}

Describe 'Over <Transport>' -ForEach @(@{ Transport = 'http' }, @{ Transport = 'https' }, @{ Transport = 'proxy-http' }, @{ Transport = 'proxy-https' }) {
    BeforeEach {
        Clear-LinerMockRequest $Mock
        Clear-TestProxyRequest $Proxy
    }

    It 'retries 503 and recovers, each retry said in -Verbose' {
        $connection = Connect-Over $Transport -Scenario 'status=503/times=2' -Retries 3
        $verbose = @(Get-LinerVirtualNumber -Connection $connection -Verbose 4>&1)
        @($verbose | Where-Object { $_ -is [Liner.PowerShell.VirtualNumber] }).Count | Should -Be $SampleNumbers.Count
        @($verbose | Where-Object { "$_" -match '^Retry \d of 3' }).Count | Should -Be 2
        @(Get-LinerMockRequest $Mock).Count | Should -Be 3
    }

    It 'times out with LinerTimeout after -TimeoutSec, not later' {
        $connection = Connect-Over $Transport -Scenario 'delay=8000' -TimeoutSec 1
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $failure = try { Get-LinerVirtualNumber -Connection $connection -ErrorAction Stop } catch { $_ }
        $watch.Stop()
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerTimeout,*'
        $failure.Exception.Message | Should -Match 'took longer than 1 s to answer'
        if ($Transport -like 'proxy-*') { $failure.Exception.Message | Should -Match "through the proxy $([regex]::Escape($Proxy.Url))" }
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
    }

    It 'stops (Ctrl+C) an in-flight request at once' {
        $connection = Connect-Over $Transport -Scenario 'delay=20000' -TimeoutSec 60
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
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        }
        finally { $ps.Dispose() }
        # The connection still serves the next call.
        @(Get-LinerVirtualNumber -Connection (Connect-Over $Transport)).Count | Should -Be $SampleNumbers.Count
    }

    It 'says a response that broke off mid-way ended early' {
        $connection = Connect-Over $Transport -Scenario 'reset-mid/count=5000'
        $failure = try { Get-LinerVirtualNumber -Connection $connection -ErrorAction Stop | Out-Null } catch { $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerNetworkError,*'
        $failure.Exception.Message | Should -Match 'ended early'
    }
}

Describe 'Connection reuse over <Transport>' -ForEach @(@{ Transport = 'https' }, @{ Transport = 'proxy-https' }) {
    It 'sends five calls on one TLS connection (through one tunnel)' {
        $connection = Connect-Over $Transport
        Clear-LinerMockRequest $Mock
        Clear-TestProxyRequest $Proxy
        1..5 | ForEach-Object { @(Get-LinerVirtualNumber -Connection $connection).Count | Should -Be $SampleNumbers.Count }
        $requests = @(Get-LinerMockRequest $Mock)
        $requests.Count | Should -Be 5
        @($requests.ConnectionId | Sort-Object -Unique).Count | Should -Be 1
        (Get-LinerMockConnection $Mock)['https'] | Should -Be 1
        @(Get-TestProxyRequest $Proxy).Count | Should -Be $(if ($Transport -eq 'proxy-https') { 1 } else { 0 })
    }
}
