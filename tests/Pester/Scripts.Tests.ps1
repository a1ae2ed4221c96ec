# Scripts first: what a scheduled task or a runbook sees when something fails. Each case is a real
# `pwsh -File` (started side by side, then awaited), since only a fresh process shows what its exit
# code and its later lines do. Also the examples/ templates, run as a task would run them.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $Examples = Join-Path $PSScriptRoot '../../examples'
    # The staged module's parent folder, so that the templates' Import-Module Liner.PowerShell finds it.
    $ModulesFolder = Split-Path (Split-Path (Split-Path $ModulePath))

    # Starts every script at once in its own fresh pwsh (-File), then waits for all of them. Each run:
    # Name, Script (the file's text), Arguments, Environment. Returns Name, ExitCode, Output, Errors.
    function Invoke-Scripts {
        param([Parameter(Mandatory)] [hashtable[]] $Runs)
        $pwsh = @(Get-PwshCommand)
        $started = foreach ($run in $Runs) {
            $file = if ($run.File) { $run.File } else {
                $path = Join-Path $TestDrive "$($run.Name -replace '\W', '-').ps1"
                Set-Content -LiteralPath $path -Value $run.Script -Encoding utf8
                $path
            }
            $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
            foreach ($argument in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $file) + @($run.Arguments)) {
                if ($null -ne $argument) { $start.ArgumentList.Add([string]$argument) }
            }
            $start.UseShellExecute = $false
            $start.RedirectStandardOutput = $true
            $start.RedirectStandardError = $true
            $start.WorkingDirectory = $TestDrive
            $start.Environment['PSModulePath'] = "$ModulesFolder$([IO.Path]::PathSeparator)$($env:PSModulePath)"
            $null = $start.Environment.Remove('LINER_API_HOST'), $start.Environment.Remove('LINER_API_KEY')
            $start.Environment['NO_COLOR'] = '1'    # plain text, as in a log file
            if ($run.Environment) {
                foreach ($entry in $run.Environment.GetEnumerator()) { $start.Environment[$entry.Key] = $entry.Value }
            }
            $process = [System.Diagnostics.Process]::Start($start)
            [pscustomobject]@{ Name = $run.Name; Process = $process; Output = $process.StandardOutput.ReadToEndAsync(); Errors = $process.StandardError.ReadToEndAsync() }
        }
        foreach ($run in $started) {
            if (-not $run.Process.WaitForExit(90000)) { $run.Process.Kill($true); throw "$($run.Name) did not finish within 90 s." }
            $run.Process.WaitForExit()
            [pscustomobject]@{ Name = $run.Name; ExitCode = $run.Process.ExitCode; Output = $run.Output.Result; Errors = $run.Errors.Result }
        }
    }

    $Closed = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $Closed.Start(); $ClosedPort = $Closed.LocalEndpoint.Port; $Closed.Stop()
    $Key = "(ConvertTo-SecureString '$TestKeyText' -AsPlainText -Force)"
    $WrongKey = "(ConvertTo-SecureString 'not-the-key-0123' -AsPlainText -Force)"
    $Prelude = "Import-Module '$ModulePath'`n"
}
AfterAll {
    Stop-LinerMockApi $Mock
}

BeforeDiscovery {
    $Failing = @(
        @{ Name = 'closed port'; ErrorId = 'LinerNetworkError' }
        @{ Name = 'wrong key'; ErrorId = 'LinerAuthenticationFailed' }
        @{ Name = 'host never answers'; ErrorId = 'LinerTimeout' }
        @{ Name = 'proxy missing'; ErrorId = 'LinerNetworkError' }
        @{ Name = 'cut-off response'; ErrorId = 'LinerInvalidResponse' }
    )
}

Describe 'A failure ends a script run with pwsh -File' {
    BeforeAll {
        $Commands = @{
            'closed port'        = "Connect-Liner -ApiHost http://127.0.0.1:$ClosedPort -ApiKey $Key -MaximumRetryCount 0"
            'wrong key'          = "Connect-Liner -ApiHost '$($Mock.Url)' -ApiKey $WrongKey"
            'host never answers' = "Connect-Liner -ApiHost '$($Mock.Url)/delay=20000' -ApiKey $Key -TimeoutSec 1 -MaximumRetryCount 0"
            'proxy missing'      = "Connect-Liner -ApiHost '$($Mock.Url)' -ApiKey $Key -Proxy http://127.0.0.1:$ClosedPort -MaximumRetryCount 0"
            'cut-off response'   = "Connect-Liner -ApiHost '$($Mock.Url)/truncate' -ApiKey $Key -SkipValidation; Get-LinerVirtualNumber"
        }
        # Ending the script needs a process per case; failures that do not end it share one process per mode.
        $runs = @(foreach ($case in $Commands.GetEnumerator()) {
                @{ Name = "stop $($case.Key)"; Script = "$Prelude$($case.Value) -ErrorAction Stop`n'after'" }
            }
            foreach ($name in 'wrong key', 'cut-off response') {
                @{ Name = "preference $name"; Script = "$Prelude`$ErrorActionPreference = 'Stop'`n$($Commands[$name])`n'after'" }
            }
            @{ Name = 'silent'; Script = $Prelude + (@(foreach ($case in $Commands.GetEnumerator()) {
                            "`$failure = `$null; $($case.Value) -ErrorAction SilentlyContinue -ErrorVariable failure | Out-Null; '<<$($case.Key)>> after: ' + `$failure[0].FullyQualifiedErrorId"
                        }) -join "`n") }
            @{ Name = 'catch'; Script = $Prelude + (@(foreach ($case in $Commands.GetEnumerator()) {
                            "try { $($case.Value) -ErrorAction Stop | Out-Null; '<<$($case.Key)>> not caught' } catch { '<<$($case.Key)>> caught: ' + `$_.FullyQualifiedErrorId }"
                        }) -join "`n") })
        $Results = @{}
        foreach ($result in Invoke-Scripts $runs) { $Results[$result.Name] = $result }
        # The line a mode's shared process printed for one case.
        function Get-CaseLine([string] $Mode, [string] $Name) { @($Results[$Mode].Output -split '\r?\n' | Where-Object { $_.StartsWith("<<$Name>> ") }) }
    }

    It 'ends at the failing line with exit code 1 under -ErrorAction Stop: <Name>' -TestCases $Failing {
        $result = $Results["stop $Name"]
        $result.ExitCode | Should -Be 1
        $result.Output | Should -Not -Match 'after'
        $result.Errors | Should -Not -BeNullOrEmpty
    }

    It "ends at the failing line with exit code 1 under `$ErrorActionPreference = 'Stop': <Name>" -TestCases @(@{ Name = 'wrong key' }, @{ Name = 'cut-off response' }) {
        $result = $Results["preference $Name"]
        $result.ExitCode | Should -Be 1
        $result.Output | Should -Not -Match 'after'
    }

    It 'is silenced by -ErrorAction SilentlyContinue, and -ErrorVariable gets it with its id: <Name>' -TestCases $Failing {
        $Results['silent'].ExitCode | Should -Be 0
        $Results['silent'].Errors | Should -BeNullOrEmpty
        Get-CaseLine 'silent' $Name | Should -BeLike "<<$Name>> after: $ErrorId,Liner.PowerShell.Commands.*"
    }

    It 'is caught by try/catch under -ErrorAction Stop, with its error id: <Name>' -TestCases $Failing {
        $Results['catch'].ExitCode | Should -Be 0
        Get-CaseLine 'catch' $Name | Should -BeLike "<<$Name>> caught: $ErrorId,*"
    }
}

Describe 'With default preferences' {
    It 'shows the error, writes nothing more, and the script goes on with $? false' {
        $result = Invoke-ModuleScript -Script "Connect-Liner -ApiHost '$($Mock.Url)/truncate' -ApiKey $Key -SkipValidation; `$numbers = @(Get-LinerVirtualNumber); `"ok=`$? count=`$(`$numbers.Count)`""
        $result.Output | Should -Match 'ok=False count=\d+'
        $result.Errors | Should -Match 'cannot read'
        $result.ExitCode | Should -Be 0
    }

    It 'every cmdlet fails the same way when not connected: <Command>' -TestCases @(
        @{ Command = 'Get-LinerVirtualNumber' }, @{ Command = 'Get-LinerOrder' }, @{ Command = 'Get-LinerUser' }, @{ Command = 'Get-LinerCall' },
        @{ Command = 'Get-LinerCallRecord' }, @{ Command = 'Get-LinerCallStatus' }, @{ Command = 'Get-LinerLeadStatus' },
        @{ Command = 'Get-LinerVirtualNumberUsage -After 2026-01-01' }, @{ Command = 'Test-LinerConnection' }
    ) {
        Disconnect-Liner
        $output, $errors = & ([scriptblock]::Create("`$out = @($Command -ErrorAction SilentlyContinue -ErrorVariable failures); ,`$out; ,@(`$failures)"))
        $output | Should -BeNullOrEmpty
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'LinerNotConnected,*'
        { & ([scriptblock]::Create("$Command -ErrorAction Stop")) } | Should -Throw -ErrorId 'LinerNotConnected,*'
    }
}

Describe 'What a failure after retries says' {
    It 'a timeout names the attempts and the whole wait, not only the timeout of one' {
        $failure = { Connect-Liner -ApiHost "$($Mock.Url)/delay=10000" -ApiKey $TestKey -TimeoutSec 1 -MaximumRetryCount 1 } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerTimeout,*'
        $failure.Exception.Message | Should -Match 'took longer than 1 s to answer.* \(2 attempts in [2-9] s\.\)$'
    }
}

Describe 'The templates in examples/' {
    BeforeAll {
        $Previous = "Title,Phone`r`n""old export"",+70000000000`r`n"
        function Reset-Export([string] $Path) { [IO.File]::WriteAllText($Path, $Previous) }
        $export = Join-Path $TestDrive 'no-incoming.csv'
        $runbookExport = Join-Path $TestDrive 'unassigned.csv'
        $cases = @(
            @{ Name = 'task wrong key'; Path = "$export.1"; Host = $Mock.Url; Key = 'not-the-key-0123' }
            @{ Name = 'task cut-off'; Path = "$export.2"; Host = "$($Mock.Url)/truncate"; Key = $TestKeyText }
            @{ Name = 'task works'; Path = "$export.3"; Host = $Mock.Url; Key = $TestKeyText }
            @{ Name = 'runbook unhealthy'; Path = "$runbookExport.1"; Host = "$($Mock.Url)/unhealthy"; Key = $TestKeyText; Runbook = $true }
            @{ Name = 'runbook cut-off'; Path = "$runbookExport.2"; Host = "$($Mock.Url)/truncate"; Key = $TestKeyText; Runbook = $true }
            @{ Name = 'runbook works'; Path = "$runbookExport.3"; Host = $Mock.Url; Key = $TestKeyText; Runbook = $true }
        )
        foreach ($case in $cases) { Reset-Export $case.Path }
        $runs = foreach ($case in $cases) {
            @{
                Name        = $case.Name
                File        = Join-Path $Examples $(if ($case.Runbook) { 'Invoke-LinerRunbook.ps1' } else { 'Export-NumbersWithoutIncoming.ps1' })
                Arguments   = @('-Path', $case.Path)
                Environment = @{ LINER_API_HOST = $case.Host; LINER_API_KEY = $case.Key }
            }
        }
        $Template = @{}
        foreach ($result in Invoke-Scripts $runs) { $Template[$result.Name] = $result }
        $Cases = $cases
    }

    It 'fails with exit code 1 and leaves the previous export byte for byte: <Name>' -TestCases @(
        @{ Name = 'task wrong key'; ErrorId = 'API\s+key\s+was\s+not\s+accepted' }
        @{ Name = 'task cut-off'; ErrorId = 'cannot\s+read' }
        @{ Name = 'runbook unhealthy'; ErrorId = 'not\s+healthy:\s+linerMicroStt' }
        @{ Name = 'runbook cut-off'; ErrorId = 'cannot\s+read' }
    ) {
        $case = $Cases | Where-Object Name -EQ $Name
        $Template[$Name].ExitCode | Should -Be 1
        # The host wraps the message at 80 columns behind '| ': read it as one line.
        ($Template[$Name].Errors -replace '\s*\r?\n\s*\|?\s*', ' ') | Should -Match $ErrorId
        [IO.File]::ReadAllText($case.Path) | Should -BeExactly $Previous
        Test-Path "$($case.Path).partial" | Should -BeFalse
    }

    It 'replaces the export when the run succeeds: <Name>' -TestCases @(
        @{ Name = 'task works'; Expected = { @($SampleNumbers | Where-Object { -not $_.incoming }).Count } }
        @{ Name = 'runbook works'; Expected = { 2 } }
    ) {
        $case = $Cases | Where-Object Name -EQ $Name
        $Template[$Name].ExitCode | Should -Be 0
        @(Import-Csv $case.Path).Count | Should -Be (& $Expected)
        Test-Path "$($case.Path).partial" | Should -BeFalse
    }
}
