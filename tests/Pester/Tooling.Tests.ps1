# The project's own tools as a developer meets them: the test runner's exit code, the mock's command
# line and its behaviour under Ctrl+C, and the demo's interactive prompt.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $Runner = Join-Path $PSScriptRoot '../Invoke-PesterTests.ps1'
    $PesterManifest = Join-Path (Get-Module Pester).ModuleBase 'Pester.psd1'
    $MockDll = Join-Path $PSScriptRoot "../Liner.MockApi/bin/$($env:LINER_TEST_CONFIGURATION ?? 'Release')/$(Get-ProjectSetting TestTargetFramework)/Liner.MockApi.dll"

    # Runs the test runner on generated test files (name = body; a body may start with a param block)
    # in a fresh pwsh; returns its exit code and output. -Environment: LINER_TEST_CA = $null runs it as
    # a developer would, without the run's test CA.
    function Invoke-Runner([hashtable] $Files, [hashtable] $Environment = @{}, [int] $Workers = 3) {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive "run-$([guid]::NewGuid().ToString('n').Substring(0, 6))")
        foreach ($entry in $Files.GetEnumerator()) {
            $header, $body = if ($entry.Value -is [array]) { $entry.Value } else { '', $entry.Value }
            Set-Content -Path (Join-Path $folder "$($entry.Key).Tests.ps1") -Value "$header`nDescribe 'generated' { $body }"
        }
        Invoke-ModuleScript -NoImport -TimeoutSec 120 -Environment $Environment -Script "& '$Runner' -PesterPath '$PesterManifest' -ModulePath '$ModulePath' -Path '$folder' -Workers $Workers; exit `$LASTEXITCODE"
    }
}
AfterAll {
    Stop-LinerMockApi $Mock
}

Describe 'tests/Invoke-PesterTests.ps1' {
    BeforeAll {
        # One run with a failure of every kind, as a developer starts it (no test CA given): in two
        # workers at once, 253 + 1 + 2 failures = 256, where an exit code of the count would wrap to 0.
        # Its temporary folder is its own, so another run on this computer cannot change what is counted there.
        $temp = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'temp')
        $Failing = Invoke-Runner -Workers 2 -Environment @{ LINER_TEST_CA = $null; SSL_CERT_FILE = $null; TMPDIR = $temp.FullName } -Files @{
            GeneratedMany   = "It 'fails <_>' -ForEach (1..253) { 1 | Should -Be 2 }"
            GeneratedScheme = "param([string] `$Scheme = 'http')", "It 'trusts the test CA, fails over https only' { `$env:SSL_CERT_FILE | Should -Exist; `$Scheme | Should -Be 'http' }"
            GeneratedBroken = "BeforeAll { throw 'broken setup' }; It 'never runs' { }"
        }
        $casAfter = @(Get-ChildItem $temp -Filter 'liner-test-ca-*').Count
    }

    It 'exits 0 and prints the plain summary line when every test passes' {
        $run = Invoke-Runner -Files @{ GeneratedPass = "It 'passes' { 1 | Should -Be 1 }" }
        $run.Output | Should -Match '(?m)^pester: 1 passed, 0 failed\s*$'
        $run.ExitCode | Should -Be 0
    }

    It 'exits 1 when 256 tests fail, where an exit code of the failure count would wrap to 0' {
        $Failing.Output | Should -Match '(?m)^pester: 1 passed, 256 failed\s*$'
        $Failing.ExitCode | Should -Be 1
    }

    It 'runs a file with a -Scheme parameter over http and over https, names the run that failed, and makes and removes its own test CA' {
        $Failing.Output | Should -Match '(?m)^failed: GeneratedScheme\.Tests\.ps1 over https\s*$'
        $Failing.Output | Should -Not -Match '(?m)^failed: GeneratedScheme\.Tests\.ps1 over http\s*$'
        $Failing.Output | Should -Match '(?m)^\[\+\] .*GeneratedScheme\.Tests\.ps1 over http '
        $casAfter | Should -Be 0
    }

    It 'names a test file that cannot even be run, and counts it as failed' {
        $Failing.Output | Should -Match '(?m)^failed: GeneratedBroken\.Tests\.ps1\s*$'
        $Failing.Output | Should -Match 'broken setup'
    }

    It 'runs the containers in several workers at once and prints each one''s output whole' {
        $Failing.Output | Should -Match '(?m)^4 test containers, 2 at a time, in \d+ s'
        # The 253 failures of one file come together, not interleaved with another file's lines.
        $lines = @($Failing.Output -split '\r?\n' | Where-Object { $_ -match '^\[-\] generated\.fails \d+ ' })
        $lines.Count | Should -Be 253
        $first = [array]::IndexOf(($Failing.Output -split '\r?\n'), $lines[0])
        $last = [array]::IndexOf(($Failing.Output -split '\r?\n'), $lines[-1])
        @(($Failing.Output -split '\r?\n')[$first..$last] | Where-Object { $_ -match 'GeneratedScheme|GeneratedBroken' }) | Should -BeNullOrEmpty
    }
}

Describe 'tests/Liner.MockApi' {
    It 'prints usage for --help, and usage with exit code 2 for an unknown argument, without a stack trace' {
        $help = & dotnet $MockDll --help 2>&1 | Out-String
        $LASTEXITCODE | Should -Be 0
        $help | Should -Match 'usage: dotnet Liner\.MockApi\.dll'
        $wrong = & dotnet $MockDll --no-such-option 2>&1 | Out-String
        $LASTEXITCODE | Should -Be 2
        $wrong | Should -Match 'Unknown argument --no-such-option'
        $wrong | Should -Not -Match '   at '
    }

    It 'prints the key it accepts with its URL' {
        $mock = Start-LinerMockApi -ApiKey 'printed-key-123456'
        try {
            $mock.ApiKey | Should -Be 'printed-key-123456'
            $mock.Banner | Should -Match 'listening on http://127\.0\.0\.1:\d+ \(API key: printed-key-123456\)'
        }
        finally { Stop-LinerMockApi $mock }
    }

    It 'keeps serving after Ctrl+C reaches it (SIGINT), since the prompt that started it handles that' -Skip:$IsWindows {
        $mock = Start-LinerMockApi
        try {
            & kill -s INT $mock.Process.Id
            Start-Sleep -Milliseconds 700
            $mock.Process.HasExited | Should -BeFalse
            (Invoke-RestMethod "$($mock.Url)/v2/sip-endpoints/" -Headers @{ 'X-Api-Key' = $mock.ApiKey }).success | Should -BeTrue
        }
        finally { Stop-LinerMockApi $mock }
    }

    It 'says so in the session that started it when it has gone' {
        $run = Invoke-ModuleScript -NoImport -Script @"
Import-Module '$(Join-Path $PSScriptRoot '../LinerMockApi.psm1')'
`$mock = Start-LinerMockApi
`$mock.Process.Kill()
`$null = `$mock.Process.WaitForExit(5000)
Start-Sleep -Milliseconds 500
'next statement'
"@
        $run.Output | Should -Match 'The mock Liner API at http://127\.0\.0\.1:\d+ has stopped'
    }
}

Describe 'The interactive demo' {
    It 'leaves a normal prompt: connected, $key a SecureString, no Stop preference, no plain-text key; and says when the mock has gone' {
        $run = Invoke-ModuleScript -NoImport -TimeoutSec 120 -Environment @{ LINER_DEMO_KEY = $TestKeyText } -Script @"
Import-Module '$(Join-Path $PSScriptRoot '../LinerMockApi.psm1')'
`$mock = Start-LinerMockApi
& '$(Join-Path $PSScriptRoot '../../tools/Demo.ps1')' -ModulePath '$ModulePath' -ApiHost `$mock.Url -MockProcessId `$mock.Process.Id -Interactive *> `$null
"EAP=`$ErrorActionPreference"
"KEYTYPE=`$(`$key.GetType().Name)"
"CONNECTED=`$([bool](Get-LinerConnection))"
"ENV=`$([bool]`$env:LINER_DEMO_KEY)"
"PLAINVARS=`$(@(Get-Variable | Where-Object { `$_.Name -notin 'mock', 'DefaultApiKey' -and "`$(`$_.Value)".Contains('$TestKeyText') } | ForEach-Object Name) -join ',')"
Unregister-Event -SourceIdentifier `$mock.Watch.Name
`$mock.Process.Kill(); `$null = `$mock.Process.WaitForExit(5000)
prompt
"@
        $run.Output | Should -Match 'EAP=Continue'
        $run.Output | Should -Match 'KEYTYPE=SecureString'
        $run.Output | Should -Match 'CONNECTED=True'
        $run.Output | Should -Match 'ENV=False'
        $run.Output | Should -Match '(?m)^PLAINVARS=\s*$'    # the harness's own $mock and $DefaultApiKey aside
        $run.Output | Should -Match 'The mock Liner API at http://127\.0\.0\.1:\d+ has stopped; run build\.ps1 -Task Demo -Interactive again'
    }
}
