# What a user sees: tables in 80-column runbook logs and on wide hosts, objects after jobs and
# Import-Clixml, secrets in generic views, and tab completion.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    # Every line of a rendering, with the trailing blanks PowerShell pads tables with removed.
    function Get-Lines([string] $Text) { @($Text -split "`r?`n" | ForEach-Object { $_.TrimEnd() } | Where-Object { $_ }) }

    # The header line of a table rendering and the names in it.
    function Get-Header([string] $Text) {
        $lines = Get-Lines $Text
        for ($i = 0; $i -lt $lines.Count - 1; $i++) {
            if ($lines[$i + 1] -match '^[\s-]+$' -and $lines[$i + 1] -match '-') { return @($lines[$i] -split '\s+' | Where-Object { $_ }) }
        }
    }
}
AfterAll {
    Disconnect-Liner
    Stop-LinerMockApi $Mock
}

Describe 'Tables in an 80-column runbook log' {
    BeforeAll {
        # Every table the module defines, as the build wrote them from the models: type, column labels.
        $Tables = foreach ($view in ([xml](Get-Content -Raw (Join-Path (Split-Path $ModulePath) 'Liner.PowerShell.Tables.Format.ps1xml'))).Configuration.ViewDefinitions.View) {
            [pscustomobject]@{ Type = @($view.ViewSelectedBy.TypeName)[0]; Headers = @($view.TableControl.TableHeaders.TableColumnHeader.Label) }
        }
        # A script whose output is redirected, as a runbook or a scheduled task writes its log: its host
        # is 80 wide. It runs every Get- command that needs no argument but a start time (the first twenty
        # items of a paged one) and the health components, and prints each type's table under its name.
        $log = Invoke-ModuleScript -Script @"
`$key = ConvertTo-SecureString '$TestKeyText' -AsPlainText -Force
Connect-Liner -ApiHost '$($Mock.Url)' -ApiKey `$key
`$objects = [Collections.Generic.List[object]]::new()
foreach (`$command in Get-Command -Module Liner.PowerShell -Verb Get) {
    `$set = `$command.ParameterSets | Where-Object IsDefault
    `$arguments = @{}
    `$runnable = `$true
    foreach (`$parameter in `$set.Parameters | Where-Object IsMandatory) {
        if (`$parameter.ParameterType -eq [datetime]) { `$arguments[`$parameter.Name] = (Get-Date).AddDays(-30) } else { `$runnable = `$false }
    }
    if (-not `$runnable) { continue }
    if (`$command.Parameters.ContainsKey('First')) { `$arguments.First = 20 }
    & `$command @arguments | ForEach-Object { `$objects.Add(`$_) }
}
(Test-LinerConnection).Components | ForEach-Object { `$objects.Add(`$_) }
foreach (`$group in `$objects | Group-Object { `$_.PSObject.TypeNames[0] }) { "=== `$(`$group.Name)"; `$group.Group | Out-Host }
"@
        $sections = @{}
        foreach ($part in ($log.Output -split '=== ' | Where-Object { $_.Trim() })) {
            $name, $body = $part -split "`n", 2
            $sections[$name.Trim()] = $body
        }
        $sections['numbers'] = $sections['Liner.PowerShell.VirtualNumber']
    }

    It 'writes no line longer than 80 characters' {
        $log.ExitCode | Should -Be 0
        $long = @(Get-Lines $log.Output | Where-Object Length -GT 80)
        $long | Should -BeNullOrEmpty
    }

    It 'shows every table of the module with every header whole and no column dropped' {
        $Tables.Count | Should -BeGreaterOrEqual 10
        foreach ($table in $Tables) {
            $sections.ContainsKey($table.Type) | Should -BeTrue -Because "a Get- command (or Test-LinerConnection's components) should write $($table.Type)"
            Get-Header $sections[$table.Type] | Should -Be $table.Headers -Because "the table of $($table.Type) must show every header whole at 80 columns"
        }
    }

    It 'shows the columns the README names for <Type>' -TestCases @(
        @{ Type = 'Liner.PowerShell.VirtualNumber'; Columns = 'Id', 'Title', 'Number', 'ConnectionType', 'Direction', 'OrderId' }
        @{ Type = 'Liner.PowerShell.Order'; Columns = 'Id', 'Code', 'Title', 'Status', 'NumberCount', 'AgentCount', 'Modes' }
        @{ Type = 'Liner.PowerShell.User'; Columns = 'Id', 'FullName', 'Email', 'AccessGroup', 'IsActive', 'LastActivityAt' }
        @{ Type = 'Liner.PowerShell.Call'; Columns = 'CreatedAt', 'Direction', 'SipEndpointId', 'ClientPhone', 'TalkTime', 'StatusCode' }
        @{ Type = 'Liner.PowerShell.CallRecord'; Columns = 'Id', 'CallId', 'CreatedAt', 'Duration', 'IsTransfer', 'Summary' }
        @{ Type = 'Liner.PowerShell.VirtualNumberUsage'; Columns = 'VirtualNumberId', 'Title', 'Calls', 'IncomingCalls', 'TalkTime', 'LastCallAt' }
        @{ Type = 'Liner.PowerShell.LinerConnection'; Columns = 'ApiHost', 'Proxy', 'ApiKeyHint', 'ConnectedAt', 'IsOpen' }
    ) {
        Get-Header $sections[$Type] | Should -Be $Columns
    }

    It 'drops no column: every row of the numbers table has its values' {
        $rows = Get-Lines $sections['numbers'] | Where-Object { $_ -match '^\s*\d+ ' }
        $rows.Count | Should -Be $SampleNumbers.Count
        $rows | Where-Object { $_ -match '^\s*101\s' } | Should -Match '101\s+Moscow office\s+\+74951234567\s+pstn\s+Both\s+5001$'
        $rows | Where-Object { $_ -match '^\s*108\s' } | Should -Match '108\s+Asterisk peer\s+203\.0\.113\.10:5060\s+sip-wo-reg\s+Outgoing$'
    }

    It 'uses a wide host: at 160 columns a SIP number is shown whole' {
        Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
        $text = Get-LinerVirtualNumber -Id 106, 107 | Out-String -Width 160
        $text | Should -Match 'sip1001@sip\.liner\.example:5060\s'
        $text | Should -Match 'sip1002@sip\.liner\.example:5060\s'
        $text | Should -Not -Match '…'
    }

    It 'names its columns after properties, so Select-Object and Where-Object work on what is shown' {
        Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
        $number = Get-LinerVirtualNumber -Id 106
        foreach ($header in 'Id', 'Title', 'Number', 'ConnectionType', 'Direction', 'OrderId') {
            $number.PSObject.Properties.Name | Should -Contain $header
        }
        $number.Number | Should -Be 'sip1001@sip.liner.example:5060'
        $connection = Get-LinerConnection
        foreach ($header in 'ApiHost', 'ApiKeyHint', 'ConnectedAt', 'IsOpen') { $connection.PSObject.Properties.Name | Should -Contain $header }
    }
}

Describe 'Objects after a serialization boundary' {
    BeforeAll {
        Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
        $live = @(Get-LinerVirtualNumber -Connection (Connect-Test -Scenario 'extra'))
        $path = Join-Path $TestDrive 'numbers.xml'
        $live | Export-Clixml $path
        $imported = @(Import-Clixml $path)
    }

    It 'Import-Clixml gives back numbers with the same table, Number filled' {
        $imported.Count | Should -Be $live.Count
        $imported[0] | Should -BeOfType ([Liner.PowerShell.VirtualNumber])
        ($imported | Out-String -Width 120) | Should -Be ($live | Out-String -Width 120)
        ($imported | Where-Object Id -EQ 106).Number | Should -Be 'sip1001@sip.liner.example:5060'
    }

    It 'Import-Clixml keeps Direction comparable by name, and Where incoming working' {
        @($imported | Where-Object Direction -EQ 'Incoming').Count | Should -Be @($live | Where-Object Direction -EQ 'Incoming').Count
        @($imported | Where-Object Direction -EQ 'Incoming').Count | Should -BeGreaterThan 0
        @($imported | Where-Object incoming).Count | Should -Be @($live | Where-Object incoming).Count
    }

    It 'Import-Clixml keeps params (secrets masked in views, readable by scripts) and extra fields' {
        $sip = $imported | Where-Object Id -EQ 106
        # A hashtable after the trip keeps no order: show every entry, wherever the password landed.
        $limit = $global:FormatEnumerationLimit
        try {
            $global:FormatEnumerationLimit = 20
            $list = $sip | Format-List | Out-String -Width 300
        }
        finally { $global:FormatEnumerationLimit = $limit }
        $list | Should -Match '\[password, \*\*\*\]'
        $list | Should -Not -Match 'pa55-Word!'
        $sip.Params.password | Should -Be 'pa55-Word!'
        $sip.region | Should -Be 'RU-MOW'
        $sip.tags | Should -Be @('main', 'billing')
    }

    It 'Import-Clixml gives back a connection and a health report with their views' {
        $connection = Get-LinerConnection
        $connection | Export-Clixml (Join-Path $TestDrive 'connection.xml')
        $text = Import-Clixml (Join-Path $TestDrive 'connection.xml') | Out-String -Width 120
        $text | Should -Match 'ApiHost\s+Proxy\s+ApiKeyHint\s+ConnectedAt\s+IsOpen'
        $text | Should -Match ([regex]::Escape($connection.ApiKeyHint))
        $text | Should -Match '\d{4}-\d\d-\d\d \d\d:\d\d'

        Test-LinerConnection | Export-Clixml (Join-Path $TestDrive 'health.xml')
        $report = Import-Clixml (Join-Path $TestDrive 'health.xml')
        $report | Should -BeOfType ([Liner.PowerShell.HealthReport])
        ($report | Out-String -Width 120) | Should -Match 'linerMicroRabbit: ok \(4\.5 ms\)'
    }

    It 'a real Start-Job brings back numbers and a health report that look and filter as at the prompt' {
        $job = Start-Job -ScriptBlock {
            Import-Module $using:ModulePath
            Connect-Liner -ApiHost $using:Mock.Url -ApiKey (ConvertTo-SecureString $using:TestKeyText -AsPlainText -Force)
            Get-LinerVirtualNumber
            Test-LinerConnection
        }
        $received = @($job | Receive-Job -Wait -AutoRemoveJob)
        $numbers = @($received | Where-Object { $_ -is [Liner.PowerShell.VirtualNumber] })
        $numbers.Count | Should -Be $SampleNumbers.Count
        ($numbers | Out-String -Width 120) | Should -Be (Get-LinerVirtualNumber | Out-String -Width 120)
        @($numbers | Where-Object Direction -EQ 'Incoming').Count | Should -BeGreaterThan 0
        $report = $received | Where-Object { $_ -is [Liner.PowerShell.HealthReport] }
        $report.Components.Count | Should -Be 3
        $report.Components[0] | Should -BeOfType ([Liner.PowerShell.HealthComponent])
    }

    It 'ConvertTo-Json writes Direction by name' {
        ($live | Where-Object Id -EQ 102 | ConvertTo-Json -Compress) | Should -Match '"Direction":"Incoming"'
    }
}

Describe 'Secrets in generic views' {
    BeforeAll {
        Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
        $numbers = @(Get-LinerVirtualNumber -Id 106, 108, 111)
        $imported = @($numbers | ForEach-Object { [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($_)) })
    }

    It 'masks secret-looking params in <Name>, before and after serialization' -TestCases @(
        @{ Name = 'the default table and list'; Render = { param($n) ($n | Out-String -Width 300) + ($n | Format-List | Out-String -Width 300) } }
        @{ Name = 'Select-Object *'; Render = { param($n) $n | Select-Object * | Out-String -Width 300 } }
        @{ Name = 'Format-List *'; Render = { param($n) $n | Format-List * | Out-String -Width 300 } }
        @{ Name = 'Format-Table Id, Params'; Render = { param($n) $n | Format-Table Id, Params | Out-String -Width 300 } }
        @{ Name = 'Format-Table *'; Render = { param($n) $n | Format-Table * | Out-String -Width 400 } }
        @{ Name = 'Export-Csv'; Render = { param($n) $n | ConvertTo-Csv -NoTypeInformation | Out-String } }
        @{ Name = 'string conversion'; Render = { param($n) ($n | ForEach-Object { "$($_.Params)" }) -join "`n" } }
    ) {
        foreach ($set in $numbers, $imported) {
            $text = & $Render $set
            $text | Should -Match '\*\*\*'
            $text | Should -Not -Match 'pa55-Word!|tok-legacy-123'
        }
    }

    It 'still gives scripts the value: $n.Params.password' {
        ($numbers | Where-Object Id -EQ 106).Params.password | Should -Be 'pa55-Word!'
        ($imported | Where-Object Id -EQ 106).Params.password | Should -Be 'pa55-Word!'
    }

    It 'ConvertTo-Json and Export-Clixml hold the data as the API sent it' {
        ($numbers | Where-Object Id -EQ 106 | ConvertTo-Json -Depth 4) | Should -Match 'pa55-Word!'
    }

    It 'shows params values that are arrays as compact JSON, never System.Object[]' {
        $asterisk = $numbers | Where-Object Id -EQ 108
        $asterisk.Params.ToString() | Should -Match 'codecs=\["PCMA","PCMU"\]'
        ($asterisk | Format-List | Out-String -Width 300) | Should -Match '\[codecs, \["PCMA","PCMU"\]\]'
        ($asterisk | ConvertTo-Csv -NoTypeInformation | Out-String) | Should -Match 'codecs=\[""PCMA"",""PCMU""\]'
        ($numbers | Out-String -Width 300) + ($numbers | Format-List * | Out-String -Width 300) | Should -Not -Match 'System\.Object\[\]'
    }
}

Describe 'Tab completion of -Title and -Id' {
    BeforeEach { Disconnect-Liner }

    It 'completes -Title with the account''s titles, quoted where needed' {
        Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
        $line = 'Get-LinerVirtualNumber -Title Mo'
        $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $found.CompletionText | Should -Be @("'Moscow office'")
    }

    It 'completes -Id with the ids, the title as tooltip' {
        Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
        $line = 'Get-LinerVirtualNumber -Id 10'
        $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $found.CompletionText | Should -Be @('101', '102', '103', '104', '105', '106', '107', '108', '109')
        ($found | Where-Object CompletionText -EQ '106').ToolTip | Should -Be 'Office PBX trunk'
    }

    It 'uses the connection given with -Connection, and asks the server once in a short while' {
        $other = Connect-Test -Scenario 'count=30' -SkipValidation
        Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey    # the default: its ids are 101 to 112
        Clear-LinerMockRequest $Mock
        $line = 'Get-LinerVirtualNumber -Connection $other -Id 1000'
        $first = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $again = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $first.CompletionText | Should -Contain '100000'
        $again.CompletionText | Should -Be $first.CompletionText
        @(Get-LinerMockRequest $Mock).Count | Should -Be 1
    }

    It 'offers nothing, and no file names, when not connected' {
        Push-Location $TestDrive
        try {
            New-Item -ItemType File -Path (Join-Path $TestDrive 'Moscow.txt') -Force | Out-Null
            $line = 'Get-LinerVirtualNumber -Title Mo'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | Should -BeNullOrEmpty
        }
        finally { Pop-Location }
    }

    It 'offers nothing when the server does not answer within the connection''s timeout' {
        $slow = Connect-Liner -ApiHost "$($Mock.Url)/delay=5000" -ApiKey $TestKey -SkipValidation -TimeoutSec 1 -PassThru
        $line = 'Get-LinerVirtualNumber -Connection $slow -Title Mo'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | Should -BeNullOrEmpty
    }
}
