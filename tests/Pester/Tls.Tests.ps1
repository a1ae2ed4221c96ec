# HTTPS end to end: the mock's https listeners carry certificates issued at run time by the test CA,
# which this pwsh trusts through SSL_CERT_FILE only (tests/Invoke-PesterTests.ps1 makes both).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $HttpPort = ([uri]$Mock.HttpUrl).Port

    # Connect-Liner (with -Verbose) against an https listener: the error, the verbose lines, and how
    # many TCP connections the listener accepted (a refused handshake is one connection, no request).
    function Invoke-Tls {
        param([Parameter(Mandatory)] [string] $ApiHost, [int] $Retries = 3, [string] $Listener)
        Clear-LinerMockRequest $Mock
        $failure = $null
        $verbose = @(try { Connect-Liner -ApiHost $ApiHost -ApiKey $TestKey -MaximumRetryCount $Retries -Verbose -ErrorAction Stop 4>&1 } catch { $failure = $_ })
        [pscustomobject]@{
            Error       = $failure
            Verbose     = @($verbose | ForEach-Object { "$_" })
            Connections = (Get-LinerMockConnection $Mock)[$Listener]
        }
    }
}
AfterAll {
    Disconnect-Liner
    Stop-LinerMockApi $Mock
}

Describe 'A trusted certificate' {
    It 'connects over https and reads the account, on one TLS connection' {
        Clear-LinerMockRequest $Mock
        $connection = Connect-Liner -ApiHost $Mock.HttpsUrl -ApiKey $TestKey -PassThru
        @(Get-LinerVirtualNumber -Connection $connection).Count | Should -Be $SampleNumbers.Count
        @(Get-LinerOrder -Connection $connection).Count | Should -BeGreaterThan 0
        $requests = @(Get-LinerMockRequest $Mock)
        $requests.Count | Should -Be 3
        @($requests | Where-Object Scheme -NE 'https').Count | Should -Be 0
        @($requests.ConnectionId | Sort-Object -Unique).Count | Should -Be 1
        (Get-LinerMockConnection $Mock)['https'] | Should -Be 1
    }

    It 'is refused as untrusted by a pwsh that does not trust the test CA: the trust comes from SSL_CERT_FILE, nothing else' {
        $elsewhere = Join-Path $TestDrive 'other-ca.pem'
        Set-Content -Path $elsewhere -Value (Get-Content -Raw (Join-Path $env:LINER_TEST_CA 'liner-test-ca.pem')).Replace('CERTIFICATE', 'NOTHING')
        $result = Invoke-ModuleScript -Script "try { Connect-Liner -ApiHost '$($Mock.HttpsUrl)' -ApiKey (ConvertTo-SecureString '$TestKeyText' -AsPlainText -Force) -ErrorAction Stop; 'connected' } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }" -Environment @{ SSL_CERT_FILE = $elsewhere }
        $result.Output | Should -Match 'LinerTlsError'
        $result.Output | Should -Match "issued by 'CN=Liner.MockApi test CA, O=Liner.PowerShell tests', a certificate authority this computer does not trust"
    }
}

Describe 'Certificates the module refuses' {
    BeforeEach { Disconnect-Liner }

    It 'refuses <Case>: LinerTlsError (SecurityError), not retried, one line saying which and what to do' -TestCases @(
        @{ Case = 'an expired certificate'; Listener = 'https-expired'; Url = 'ExpiredUrl'; Says = 'its certificate expired on \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$'; Action = 'must be renewed.*check this computer''s clock' }
        @{ Case = 'a certificate for another host name'; Listener = 'https-wrong-host'; Url = 'WrongHostUrl'; Says = 'its certificate is for liner\.example\.invalid, not for 127\.0\.0\.1\.$'; Action = 'host name the certificate names \(liner\.example\.invalid\)' }
        @{ Case = 'a certificate from a CA this computer does not trust'; Listener = 'https-untrusted'; Url = 'UntrustedUrl'; Says = "issued by 'CN=Liner\.MockApi untrusted CA, O=Liner\.PowerShell tests', a certificate authority this computer does not trust\.$"; Action = 'trust it on this computer.*SSL_CERT_FILE.*Trusted Root' }
    ) {
        $result = Invoke-Tls -ApiHost $Mock.$Url -Retries 3 -Listener $Listener
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LinerTlsError,*'
        $result.Error.CategoryInfo.Category | Should -Be 'SecurityError'
        $message = $result.Error.Exception.Message
        $message | Should -Match "^GET /v2/sip-endpoints/ could not connect securely to $([regex]::Escape($Mock.$Url)): "
        $message | Should -Match $Says
        $message | Should -Not -Match "`n"
        $result.Error.ErrorDetails.RecommendedAction | Should -Match $Action
        # One handshake: no retry, though three were allowed.
        $result.Connections | Should -Be 1
        @($result.Verbose | Where-Object { $_ -match '^Retry' }).Count | Should -Be 0
        Get-LinerConnection | Should -BeNullOrEmpty
    }

    It 'refuses every later request of a connection made with -SkipValidation the same way' {
        $connection = Connect-Liner -ApiHost $Mock.ExpiredUrl -ApiKey $TestKey -SkipValidation -PassThru
        { Get-LinerOrder -Connection $connection } | Should -Throw -ErrorId 'LinerTlsError*'
        { Test-LinerConnection -Connection $connection } | Should -Throw -ErrorId 'LinerTlsError*'
    }

    It 'offers no parameter that skips certificate validation' {
        $parameters = (Get-Command Connect-Liner).Parameters.Keys
        @($parameters | Where-Object { $_ -match 'Certificate|Insecure|Tls|Ssl' }).Count | Should -Be 0
    }
}

Describe 'Redirects over https' {
    It 'follows a redirect within the same https origin' {
        Clear-LinerMockRequest $Mock
        @(Get-LinerVirtualNumber -Connection (Connect-Liner -ApiHost "$($Mock.HttpsUrl)/redirect-same" -ApiKey $TestKey -SkipValidation -PassThru)).Count | Should -Be $SampleNumbers.Count
        @(Get-LinerMockRequest $Mock | Where-Object Scheme -EQ 'https').Count | Should -Be 2
    }

    It 'refuses a redirect from https to http and sends the plain-http address nothing' {
        Clear-LinerMockRequest $Mock
        $failure = { Connect-Liner -ApiHost "$($Mock.HttpsUrl)/redirect=$HttpPort" -ApiKey $TestKey } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerRedirectRefused,*'
        $failure.CategoryInfo.Category | Should -Be 'SecurityError'
        $failure.Exception.Message | Should -Match "redirected to another origin \(from https to http\), http://127\.0\.0\.1:$HttpPort\."
        $requests = @(Get-LinerMockRequest $Mock)
        $requests.Count | Should -Be 1
        $requests[0].Scheme | Should -Be 'https'
    }

    It 'refuses recordings whose https address redirects to http, on the API''s origin and on another, and saves nothing' {
        $connection = Connect-Liner -ApiHost "$($Mock.HttpsUrl)/file-redirect=$HttpPort" -ApiKey $TestKey -PassThru
        # Some recordings live on the API's origin (they get the key), some on localhost (they do not).
        $all = @(Get-LinerCallRecord -Connection $connection)
        $records = @(($all | Where-Object FileUrl -Like 'https://127.0.0.1:*')[0], ($all | Where-Object FileUrl -Like 'https://localhost:*')[0])
        $records | Should -Not -Contain $null
        Clear-LinerMockRequest $Mock
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'downgrade')
        $errors = @()
        $saved = @($records | Save-LinerCallRecord -Connection $connection -Destination $folder -PassThru -ErrorAction SilentlyContinue -ErrorVariable errors)
        $saved.Count | Should -Be 0
        $errors.Count | Should -Be 2
        foreach ($failure in $errors) {
            $failure.FullyQualifiedErrorId | Should -BeLike 'LinerDownloadFailed,*'
            $failure.CategoryInfo.Category | Should -Be 'SecurityError'
            $failure.Exception.Message | Should -Match "from https to .*http://127\.0\.0\.1:$HttpPort"
        }
        @($errors.Exception.Message -match 'which is not encrypted. The module does not follow a redirect from https to http').Count | Should -Be 1
        @(Get-ChildItem $folder -Force).Count | Should -Be 0
        @(Get-LinerMockRequest $Mock | Where-Object Scheme -EQ 'http').Count | Should -Be 0
    }
}
