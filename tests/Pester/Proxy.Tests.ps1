# Proxies: a real forward proxy (tinyproxy, installed when missing) on loopback, open, with Basic
# authentication, and one that opens tunnels only to port 443. What the proxy received is read from
# its log (the request lines) and from a packet capture of its port (every byte).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module (Join-Path $PSScriptRoot '../TestProxy.psm1') -Force
    $Open = Start-TestProxy
    $Guarded = Start-TestProxy -UserName 'liner-proxy' -Password 'proxy-pass-7391'
    $Strict = Start-TestProxy -ConnectPort 443
    $ProxyCredential = [pscredential]::new('liner-proxy', (ConvertTo-SecureString 'proxy-pass-7391' -AsPlainText -Force))
    $WrongCredential = [pscredential]::new('liner-proxy', (ConvertTo-SecureString 'not-the-password' -AsPlainText -Force))
    $MockPort = ([uri]$Mock.HttpsUrl).Port

    # Connect-Liner with the given parameters; the error it threw, or $null.
    function Get-ConnectError([hashtable] $Parameters) {
        try { Connect-Liner @Parameters -ApiKey $TestKey -MaximumRetryCount 0 -ErrorAction Stop; $null } catch { $_ }
    }

    # Connects in a fresh pwsh with these environment variables (.NET reads HTTPS_PROXY and the like
    # once per process), once for each string of extra parameters of Connect-Liner, one after the
    # other; returns what each case said: how many numbers it read, what Get-LinerConnection says the
    # proxy is, any error id, and the request lines each test proxy logged during that case.
    function Invoke-WithEnvironment([string] $ApiHost, [hashtable] $Environment, [string[]] $Extra = @('')) {
        $logs = "@('$($Open.LogFile)', '$($Guarded.LogFile)')"
        $script = for ($case = 0; $case -lt $Extra.Count; $case++) {
            "foreach (`$log in $logs) { [IO.File]::WriteAllText(`$log, '') }; '<<case $case>>'"
            "try { Connect-Liner -ApiHost '$ApiHost' -ApiKey (ConvertTo-SecureString '$TestKeyText' -AsPlainText -Force) $($Extra[$case]) -ErrorAction Stop; 'count=' + @(Get-LinerVirtualNumber).Count; 'proxy=' + (Get-LinerConnection).Proxy; Get-LinerConnection | Format-List * | Out-String; Get-LinerConnection | Out-String } catch { 'error=' + `$_.FullyQualifiedErrorId; `$_ | Format-List * -Force | Out-String }"
            "foreach (`$log in $logs) { foreach (`$line in [IO.File]::ReadAllLines(`$log)) { if (`$line -match 'Request \(file descriptor \d+\): (.+)`$') { 'proxy-request=' + `$Matches[1] } } }; '<</case $case>>'"
        }
        $variables = @{ HTTPS_PROXY = $null; HTTP_PROXY = $null; NO_PROXY = $null; ALL_PROXY = $null }
        foreach ($entry in $Environment.GetEnumerator()) { $variables[$entry.Key] = $entry.Value }
        $output = (Invoke-ModuleScript -Script ($script -join "`n") -Environment $variables).Output
        for ($case = 0; $case -lt $Extra.Count; $case++) {
            if ($output -match "(?s)<<case $case>>(.*)<</case $case>>") { $Matches[1] } else { "case $case did not finish: $output" }
        }
    }

    # The request lines a case says the proxy logged.
    function Get-ProxyRequest([string] $Output) { @($Output -split '\r?\n' | Where-Object { $_ -like 'proxy-request=*' } | ForEach-Object { $_.Substring('proxy-request='.Length).TrimEnd() }) }
}
AfterAll {
    Disconnect-Liner
    Stop-TestProxy $Open
    Stop-TestProxy $Guarded
    Stop-TestProxy $Strict
    Stop-LinerMockApi $Mock
}

Describe 'The platform''s proxy (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), as Invoke-RestMethod uses it' {
    BeforeAll {
        # One fresh pwsh for each set of environment variables, its cases run one after the other.
        $ThroughOpen = Invoke-WithEnvironment $Mock.HttpsUrl @{ HTTPS_PROXY = $Open.Url } -Extra '', '-Verbose'
        $credential = "([pscredential]::new('liner-proxy', (ConvertTo-SecureString 'proxy-pass-7391' -AsPlainText -Force)))"
        $ThroughGuarded = Invoke-WithEnvironment $Mock.HttpsUrl @{ HTTPS_PROXY = $Guarded.Url } -Extra "-ProxyCredential $credential", ''
        $ThroughHttpProxy = Invoke-WithEnvironment $Mock.HttpUrl @{ HTTP_PROXY = $Open.Url }
        $ThroughNoProxy = Invoke-WithEnvironment $Mock.HttpsUrl @{ HTTPS_PROXY = $Open.Url; NO_PROXY = '127.0.0.1' }
        # A platform proxy that nothing answers on, and what a connection makes of it.
        $Unreachable = Invoke-WithEnvironment $Mock.HttpsUrl @{ HTTPS_PROXY = 'http://127.0.0.1:9' } -Extra '-NoProxy', "-Proxy '$($Open.Url)'", '-MaximumRetryCount 0'
        $WithPassword = Invoke-WithEnvironment $Mock.HttpsUrl @{ HTTPS_PROXY = "http://liner-proxy:proxy-pass-7391@127.0.0.1:$($Guarded.Port)" } -Extra '-Verbose'
        $Closed = Get-FreePort
        $WithPasswordClosed = Invoke-WithEnvironment $Mock.HttpsUrl @{ HTTPS_PROXY = "http://liner-proxy:proxy-pass-7391@127.0.0.1:$Closed" } -Extra '-MaximumRetryCount 0 -Verbose'
    }

    It 'goes through HTTPS_PROXY for an https host, in a CONNECT tunnel, and Get-LinerConnection names it' {
        $output = $ThroughOpen[0]
        $output | Should -Match "count=$($SampleNumbers.Count)"
        $output | Should -Match "proxy=$([regex]::Escape($Open.Url))"
        Get-ProxyRequest $output | Should -Contain "CONNECT 127.0.0.1:$MockPort HTTP/1.1"
    }

    It 'says in -Verbose which proxy it uses and where that came from' {
        $ThroughOpen[1] | Should -Match "go through the proxy $([regex]::Escape($Open.Url)) \(the platform's proxy settings\)"
    }

    It 'gives the platform''s proxy the credentials of -ProxyCredential' {
        $ThroughGuarded[0] | Should -Match "count=$($SampleNumbers.Count)"
        $ThroughGuarded[1] | Should -Match 'error=LinerProxyAuthenticationRequired'
    }

    It 'goes through HTTP_PROXY for an http host' {
        $ThroughHttpProxy | Should -Match "count=$($SampleNumbers.Count)"
        Get-ProxyRequest $ThroughHttpProxy | Should -Contain "GET $($Mock.HttpUrl)/v2/sip-endpoints/ HTTP/1.1"
    }

    It 'goes straight to a host that NO_PROXY lists' {
        $ThroughNoProxy | Should -Match "count=$($SampleNumbers.Count)"
        $ThroughNoProxy | Should -Match '(?m)^proxy=\r?$'
        @(Get-ProxyRequest $ThroughNoProxy).Count | Should -Be 0
    }

    It 'goes straight to the host with -NoProxy, whatever HTTPS_PROXY says' {
        $Unreachable[0] | Should -Match "count=$($SampleNumbers.Count)"
        $Unreachable[0] | Should -Match '(?m)^proxy=\r?$'
    }

    It 'uses -Proxy instead of HTTPS_PROXY' {
        $Unreachable[1] | Should -Match "count=$($SampleNumbers.Count)"
        Get-ProxyRequest $Unreachable[1] | Should -Contain "CONNECT 127.0.0.1:$MockPort HTTP/1.1"
    }

    It 'takes a user name and password from HTTPS_PROXY and never shows the password' {
        $WithPassword | Should -Match "count=$($SampleNumbers.Count)"
        $WithPassword | Should -Match "proxy=$([regex]::Escape($Guarded.Url))"
        $WithPassword | Should -Not -Match 'proxy-pass-7391'

        $WithPasswordClosed | Should -Match 'error=LinerNetworkError'
        $WithPasswordClosed | Should -Match "could not reach the proxy http://127\.0\.0\.1:$Closed"
        $WithPasswordClosed | Should -Not -Match 'proxy-pass-7391'
    }

    It 'names the proxy of HTTPS_PROXY when it cannot be reached' {
        $Unreachable[2] | Should -Match 'error=LinerNetworkError'
    }
}

Describe 'Connect-Liner -Proxy' {
    BeforeEach { Disconnect-Liner; Clear-TestProxyRequest $Open }

    It 'sends https requests through a CONNECT tunnel: the proxy never receives the key' {
        $capture = Start-PacketCapture -Port $Open.Port
        try {
            Connect-Liner -ApiHost $Mock.HttpsUrl -ApiKey $TestKey -Proxy $Open.Url
            @(Get-LinerVirtualNumber).Count | Should -Be $SampleNumbers.Count
        }
        finally { $received = Stop-PacketCapture $capture }
        $received | Should -Match "CONNECT 127\.0\.0\.1:$MockPort HTTP/1\.1"
        $received | Should -Not -Match 'X-Api-Key'
        $received.Contains($TestKeyText) | Should -BeFalse
        @(Get-TestProxyRequest $Open) | Should -Be @("CONNECT 127.0.0.1:$MockPort HTTP/1.1")
    }

    It 'sends plain-http requests to the proxy whole, key included: why the API host must be https' {
        $capture = Start-PacketCapture -Port $Open.Port
        try {
            Connect-Liner -ApiHost $Mock.HttpUrl -ApiKey $TestKey -Proxy $Open.Url
        }
        finally { $received = Stop-PacketCapture $capture }
        $received | Should -Match "GET $([regex]::Escape($Mock.HttpUrl))/v2/sip-endpoints/ HTTP/1\.1"
        $received.Contains($TestKeyText) | Should -BeTrue
    }

    It 'takes host:port as an http proxy, and keeps the proxy in the connection' {
        $connection = Connect-Liner -ApiHost $Mock.HttpsUrl -ApiKey $TestKey -Proxy "127.0.0.1:$($Open.Port)" -PassThru
        $connection.Proxy | Should -Be $Open.Url
        $connection.NoProxy | Should -BeFalse
        (Get-LinerConnection).Proxy | Should -Be $Open.Url
        @(Get-LinerOrder -Connection $connection).Count | Should -BeGreaterThan 0
        @(Get-TestProxyRequest $Open | Where-Object { $_ -like 'CONNECT *' }).Count | Should -BeGreaterThan 0
    }

    It 'fetches recordings through the proxy too, from the API''s origin and from another' {
        $connection = Connect-Liner -ApiHost $Mock.HttpsUrl -ApiKey $TestKey -Proxy $Open.Url -PassThru
        $records = @(Get-LinerCallRecord -Connection $connection | Select-Object -First 6)
        Clear-TestProxyRequest $Open
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'through-proxy')
        $saved = @($records | Save-LinerCallRecord -Connection $connection -Destination $folder -PassThru)
        $saved.Count | Should -Be 6
        $tunnels = @(Get-TestProxyRequest $Open)
        $tunnels | Should -Contain "CONNECT 127.0.0.1:$MockPort HTTP/1.1"
        $tunnels | Should -Contain "CONNECT localhost:$MockPort HTTP/1.1"
        @($tunnels | Where-Object { $_ -notlike 'CONNECT *' }).Count | Should -Be 0
    }

    It 'refuses <Case> with LinerInvalidProxy' -TestCases @(
        @{ Case = '-Proxy with -NoProxy'; Parameters = @{ Proxy = 'http://127.0.0.1:3128'; NoProxy = $true } }
        @{ Case = '-ProxyCredential with -ProxyUseDefaultCredentials'; Parameters = @{ Proxy = 'http://127.0.0.1:3128'; ProxyCredential = [pscredential]::new('a', (ConvertTo-SecureString 'b' -AsPlainText -Force)); ProxyUseDefaultCredentials = $true } }
        @{ Case = 'an ftp:// proxy'; Parameters = @{ Proxy = 'ftp://127.0.0.1:21' } }
        @{ Case = 'a proxy address with a user name'; Parameters = @{ Proxy = 'http://user:pass@127.0.0.1:3128' } }
    ) {
        $failure = Get-ConnectError (@{ ApiHost = $Mock.HttpsUrl } + $Parameters)
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerInvalidProxy,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        ($failure | Format-List * -Force | Out-String) + $failure.TargetObject | Should -Not -Match 'pass@'
        Get-LinerConnection | Should -BeNullOrEmpty
    }
}

Describe 'A proxy that asks for a user name and password' {
    BeforeEach { Disconnect-Liner }

    It 'works over <Scheme> with -ProxyCredential' -ForEach @(@{ Scheme = 'https' }, @{ Scheme = 'http' }) {
        $url = if ($Scheme -eq 'https') { $Mock.HttpsUrl } else { $Mock.HttpUrl }
        Connect-Liner -ApiHost $url -ApiKey $TestKey -Proxy $Guarded.Url -ProxyCredential $ProxyCredential
        @(Get-LinerVirtualNumber).Count | Should -Be $SampleNumbers.Count
        (Get-LinerConnection).ProxyUserName | Should -Be 'liner-proxy'
    }

    It 'fails over <Scheme> without credentials: LinerProxyAuthenticationRequired naming the proxy' -ForEach @(@{ Scheme = 'https' }, @{ Scheme = 'http' }) {
        $url = if ($Scheme -eq 'https') { $Mock.HttpsUrl } else { $Mock.HttpUrl }
        $failure = Get-ConnectError @{ ApiHost = $url; Proxy = $Guarded.Url }
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerProxyAuthenticationRequired,*'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.Exception.Message | Should -Match "the proxy $([regex]::Escape($Guarded.Url)) asks for a user name and password \(407 Proxy Authentication Required\)"
        $failure.ErrorDetails.RecommendedAction | Should -Match '-ProxyCredential'
    }

    It 'fails over <Scheme> with a wrong password, saying the credentials were not accepted' -ForEach @(@{ Scheme = 'https' }, @{ Scheme = 'http' }) {
        $url = if ($Scheme -eq 'https') { $Mock.HttpsUrl } else { $Mock.HttpUrl }
        $failure = Get-ConnectError @{ ApiHost = $url; Proxy = $Guarded.Url; ProxyCredential = $WrongCredential }
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerProxyAuthenticationRequired,*'
        $failure.Exception.Message | Should -Match "the proxy $([regex]::Escape($Guarded.Url)) did not accept the user name and password of -ProxyCredential \(liner-proxy\)"
        $failure.Exception.Message | Should -Not -Match 'not-the-password'
    }

    It 'says so when the proxy does not take this account''s default credentials' {
        $failure = Get-ConnectError @{ ApiHost = $Mock.HttpsUrl; Proxy = $Guarded.Url; ProxyUseDefaultCredentials = $true }
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerProxyAuthenticationRequired,*'
        $failure.Exception.Message | Should -Match 'did not accept this account''s default credentials'
    }

    It 'never shows the proxy password: views, Format-List *, JSON, CSV, Clixml, the object as text' {
        $connection = Connect-Liner -ApiHost $Mock.HttpsUrl -ApiKey $TestKey -Proxy $Guarded.Url -ProxyCredential $ProxyCredential -PassThru
        $clixml = Join-Path $TestDrive 'connection.xml'
        $connection | Export-Clixml -Path $clixml
        $texts = @(
            ($connection | Out-String), ($connection | Format-List * | Out-String), ($connection | Select-Object * | Out-String),
            ($connection | ConvertTo-Json), ($connection | ConvertTo-Csv | Out-String), (Get-Content -Raw $clixml), "$connection"
        )
        foreach ($text in $texts) { $text.Contains('proxy-pass-7391') | Should -BeFalse }
        ($connection | Format-List * | Out-String) | Should -Match 'ProxyUserName\s+: liner-proxy'
    }
}

Describe 'A proxy that refuses or cannot reach the host' {
    It 'says the proxy refused (403), naming the proxy and not retrying' {
        Clear-LinerMockRequest $Mock
        $failure = try { Connect-Liner -ApiHost $Mock.HttpsUrl -ApiKey $TestKey -Proxy $Strict.Url -MaximumRetryCount 3 -ErrorAction Stop } catch { $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerNetworkError,*'
        $failure.Exception.Message | Should -Match "could not reach $([regex]::Escape($Mock.HttpsUrl)): the proxy $([regex]::Escape($Strict.Url)) refused to open a connection to it \(403 Forbidden\)"
        $failure.ErrorDetails.RecommendedAction | Should -Match "allow 127\.0\.0\.1 on port $MockPort"
        @(Get-TestProxyRequest $Strict | Where-Object { $_ -like 'CONNECT *' }).Count | Should -Be 1
        (Get-LinerMockConnection $Mock)['https'] | Should -BeNullOrEmpty
    }

    It 'says the proxy could not reach the host, naming both' {
        $closed = Get-FreePort
        $failure = Get-ConnectError @{ ApiHost = "https://127.0.0.1:$closed"; Proxy = $Open.Url }
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerNetworkError,*'
        $failure.Exception.Message | Should -Match "could not reach https://127\.0\.0\.1:$closed`: the proxy $([regex]::Escape($Open.Url)) could not open a connection to it \(500 "
    }

    It 'names the proxy, not the API host, when the proxy cannot be reached' {
        $closed = Get-FreePort
        $failure = Get-ConnectError @{ ApiHost = $Mock.HttpsUrl; Proxy = "http://127.0.0.1:$closed" }
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerNetworkError,*'
        $failure.Exception.Message | Should -Match "could not reach the proxy http://127\.0\.0\.1:$closed \(on the way to $([regex]::Escape($Mock.HttpsUrl))\)"
        $failure.ErrorDetails.RecommendedAction | Should -Match '-Proxy of Connect-Liner.*-NoProxy'
    }

    It 'names the proxy whose host name is not found' {
        $failure = Get-ConnectError @{ ApiHost = $Mock.HttpsUrl; Proxy = 'http://liner-no-such-proxy.invalid:3128' }
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerNetworkError,*'
        $failure.Exception.Message | Should -Match 'could not reach the proxy http://liner-no-such-proxy\.invalid:3128: its host name liner-no-such-proxy\.invalid was not found'
    }

    It 'still checks the certificate of the host behind the proxy' {
        $failure = Get-ConnectError @{ ApiHost = $Mock.ExpiredUrl; Proxy = $Open.Url }
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerTlsError,*'
        $failure.Exception.Message | Should -Match 'its certificate expired on'
    }
}

Describe 'The connection table with a proxy' {
    It 'fits 80 columns in a redirected log, with the proxy, and no column dropped' {
        $script = @"
Connect-Liner -ApiHost '$($Mock.HttpsUrl)' -ApiKey (ConvertTo-SecureString '$TestKeyText' -AsPlainText -Force) -Proxy '$($Open.Url)'
Get-LinerConnection
Connect-Liner -ApiHost '$($Mock.HttpsUrl)/a/longer/gateway/prefix' -ApiKey (ConvertTo-SecureString '$TestKeyText' -AsPlainText -Force) -NoProxy
Get-LinerConnection
"@
        $lines = @((Invoke-ModuleScript -Script $script).Output -split "`r?`n" | Where-Object { $_ })
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $lines[0] | Should -Match '^ApiHost\s+Proxy\s+ApiKeyHint\s+ConnectedAt\s+IsOpen$'
        @($lines | Where-Object { $_ -match "^$([regex]::Escape($Mock.HttpsUrl))\s+127\.0\.0\.1:$($Open.Port)\s+\*{4}\d{4}\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+True$" }).Count | Should -Be 1
        ($lines -join "`n") | Should -Match 'none \(-NoProxy\)'
        # The long host wraps inside its column (27 wide) rather than push the other columns out.
        $row = [array]::FindIndex([string[]]$lines, [Predicate[string]] { param($line) $line -match 'none \(-NoProxy\)' })
        ($lines[$row].Substring(0, 27).Trim() + $lines[$row + 1].Trim()) | Should -Be "$($Mock.HttpsUrl)/a/longer/gateway/prefix"
    }
}
