# What users of Az and Graph expect between cmdlets: objects bind as themselves (also after a job),
# a number belongs to every order that has it, phones match however they are written, totals are
# exact, and what Export-Csv writes is readable.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
    $AllCalls = @(Get-LinerCall)
}
AfterAll {
    Disconnect-Liner
    Stop-LinerMockApi $Mock
}

Describe 'Numbers and orders' {
    It 'a number an order lists but whose orderId is empty is not unassigned, and its order is found' {
        $number = Get-LinerVirtualNumber -Id 110
        $number.OrderId | Should -BeNullOrEmpty
        @(Get-LinerVirtualNumber -Unassigned | Get-Ids) | Should -Not -Contain 110
        @($number | Get-LinerOrder | Get-Ids) | Should -Be @(5003)
    }

    It 'number | Get-LinerOrder writes the order a number is assigned to and every order that lists it' {
        @(Get-LinerVirtualNumber -Id 104, 110 | Get-LinerOrder | Get-Ids) | Should -Be @(5003)
        @(Get-LinerVirtualNumber -Id 101, 103 | Get-LinerOrder | Get-Ids) | Should -Be @(5001, 5002)
    }

    It '-OrderId selects the numbers assigned to the order and the numbers it lists' {
        @(Get-LinerVirtualNumber -OrderId 5003 | Get-Ids) | Should -Be @(104, 110, 111)
    }

    It 'orders that come back from Start-Job bind as orders, never by their Id' {
        $orders = Start-Job -ScriptBlock {
            Import-Module $using:ModulePath
            Connect-Liner -ApiHost $using:Mock.HttpUrl -ApiKey (ConvertTo-SecureString $using:TestKeyText -AsPlainText -Force)
            Get-LinerOrder
        } | Receive-Job -Wait -AutoRemoveJob
        $orders | ForEach-Object { $_ | Should -BeOfType ([Liner.PowerShell.Order]) }
        $first = $orders | Where-Object Id -EQ 5001
        @($first | Get-LinerVirtualNumber -ErrorAction Stop | Get-Ids) | Should -Be @(101, 102, 106)
        @($first | Get-LinerUser -ErrorAction Stop | Get-Ids) | Should -Be @($first.AgentUserIds)
        @($first | Get-LinerCall -ErrorAction Stop | Get-Ids) | Should -Be @($AllCalls | Where-Object OrderId -EQ 5001 | ForEach-Object Id)
    }

    It 'Export-Csv writes list fields as their values, not type names' {
        $rows = @(Get-LinerOrder -Id 5001 | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv)
        $rows[0].VirtualNumberIds | Should -Be '101 102 106'
        $rows[0].AgentUserIds | Should -Be ((Get-LinerOrder -Id 5001).AgentUserIds -join ' ')
        $rows[0].CallSchedule | Should -Match '^\d\d:\d\d-\d\d:\d\d( \d\d:\d\d-\d\d:\d\d)*$'
        $rows[0].CallHolidayOverrides | Should -Match '^\d{4}-\d\d-\d\d( \d{4}-\d\d-\d\d)*$'
        (Get-LinerUser | ConvertTo-Csv -NoTypeInformation) -join "`n" | Should -Not -Match 'System\.|Liner\.PowerShell\.'
        # The views and the objects are unchanged: still lists.
        (Get-LinerOrder -Id 5001).VirtualNumberIds -contains 106 | Should -BeTrue
        (Get-LinerOrder -Id 5001).VirtualNumberIds[0] | Should -Be 101
    }
}

Describe 'Calls of numbers and orders' {
    It 'Get-LinerVirtualNumber | Get-LinerCall writes the calls made through those numbers' {
        $expected = @($AllCalls | Where-Object { $_.SipEndpointId -in 101, 102 } | ForEach-Object Id)
        $expected.Count | Should -BeGreaterThan 0
        @(Get-LinerVirtualNumber -Id 101, 102 | Get-LinerCall | Get-Ids) | Should -Be $expected
    }

    It 'Get-LinerOrder | Get-LinerCall asks the server for those orders only' {
        Clear-LinerMockRequest $Mock
        $calls = @(Get-LinerOrder -Id 5002, 5004 | Get-LinerCall)
        @($calls | Get-Ids) | Should -Be @($AllCalls | Where-Object { $_.OrderId -in 5002, 5004 } | ForEach-Object Id)
        $queries = @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/call/' | ForEach-Object query)
        $queries | Should -Not -BeNullOrEmpty
        $queries | ForEach-Object { [uri]::UnescapeDataString($_) | Should -Match 'orderIds\[\]=5002&orderIds\[\]=5004' }
    }

    It 'refuses a -Direction that is not incoming or outgoing, and completes the two' {
        { Get-LinerCall -Direction inbound -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        @(Get-LinerCall -Direction Incoming | Get-Ids) | Should -Be @($AllCalls | Where-Object Direction -EQ 'incoming' | ForEach-Object Id)
    }
}

Describe 'Phones however they are written' {
    It 'Get-LinerCall -Phone <Written> finds the calls with that client phone' -TestCases @(
        @{ Written = 'plus' }, @{ Written = 'digits' }, @{ Written = 'national' }
    ) {
        $phone = ($AllCalls | Where-Object ClientPhone | Select-Object -First 1).ClientPhone
        $digits = $phone -replace '\D'
        $text = switch ($Written) {
            'plus' { '+{0} ({1}) {2}-{3}-{4}' -f $digits[0], $digits.Substring(1, 3), $digits.Substring(4, 3), $digits.Substring(7, 2), $digits.Substring(9) }
            'digits' { $digits }
            'national' { '8 ({0}) {1}-{2}-{3}' -f $digits.Substring(1, 3), $digits.Substring(4, 3), $digits.Substring(7, 2), $digits.Substring(9) }
        }
        $expected = @($AllCalls | Where-Object { ($_.ClientPhone -replace '\D') -eq $digits } | ForEach-Object Id)
        @(Get-LinerCall -Phone $text | Get-Ids) | Should -Be $expected
    }

    It 'Get-LinerVirtualNumber -Phone finds +7 numbers written without + or with the national 8' {
        $number = Get-LinerVirtualNumber | Where-Object Phone | Select-Object -First 1
        $digits = $number.Phone -replace '\D'
        @(Get-LinerVirtualNumber -Phone $digits | Get-Ids) | Should -Be @($number.Id)
        @(Get-LinerVirtualNumber -Phone ('8 ({0}) {1}-{2}-{3}' -f $digits.Substring(1, 3), $digits.Substring(4, 3), $digits.Substring(7, 2), $digits.Substring(9)) | Get-Ids) | Should -Be @($number.Id)
    }
}

Describe 'Users' {
    It '-Active:$false writes the inactive users only, asked of the server' {
        Clear-LinerMockRequest $Mock
        $inactive = @(Get-LinerUser -Active:$false)
        $inactive | Should -Not -BeNullOrEmpty
        $inactive.IsActive | Should -Not -Contain $true
        @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/user/list/').query | Should -Match 'isActive=0'
        (@(Get-LinerUser -Active).Count + $inactive.Count) | Should -Be @(Get-LinerUser).Count
    }
}

Describe 'Totals and -First' {
    It '-IncludeTotalCount with -First gives the API''s total, read from the first page only' {
        Clear-LinerMockRequest $Mock
        $out = @(Get-LinerCall -OrderId 5001 -First 2 -IncludeTotalCount)
        $out.Count | Should -Be 3
        $out[-1].ToString() | Should -BeExactly "Total count: $(@($AllCalls | Where-Object OrderId -EQ 5001).Count)"
        @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/call/').Count | Should -Be 1
    }

    It '-IncludeTotalCount with -First and a filter of the module counts the rest: Get-LinerVirtualNumber' {
        $all = @(Get-LinerVirtualNumber -ConnectionType pstn)
        $out = @(Get-LinerVirtualNumber -ConnectionType pstn -First 3 -IncludeTotalCount)
        @($out[0..2] | Get-Ids) | Should -Be @($all[0..2] | Get-Ids)
        $out[-1].ToString() | Should -BeExactly "Total count: $($all.Count)"
    }

    It '-IncludeTotalCount with -First and a filter of the module counts the rest, not the API''s total: <Command> <Filter>' -TestCases @(
        @{ Command = 'Get-LinerCall'; Filter = '-Direction incoming'; Parameters = @{ Direction = 'incoming' } }
        @{ Command = 'Get-LinerLead'; Filter = '-Phone *1'; Parameters = @{ Phone = '*1' } }
    ) {
        $all = @(& $Command @Parameters)
        $all.Count | Should -BeLessThan @(& $Command).Count -Because 'the filter must leave some out for the test to mean anything'
        $out = @(& $Command @Parameters -First 2 -IncludeTotalCount)
        @($out[0..1] | Get-Ids) | Should -Be @($all[0..1] | Get-Ids)
        $out[-1].ToString() | Should -BeExactly "Total count: $($all.Count)"
    }

    It '-First 0 writes nothing, and with -IncludeTotalCount only the total: <Command>' -TestCases @(
        @{ Command = 'Get-LinerCallRecord' }, @{ Command = 'Get-LinerCall' }, @{ Command = 'Get-LinerVirtualNumber' }
    ) {
        @(& $Command -First 0) | Should -BeNullOrEmpty
        $out = @(& $Command -First 0 -IncludeTotalCount)
        $out.Count | Should -Be 1
        $out[0].ToString() | Should -BeExactly "Total count: $(@(& $Command).Count)"
    }

    It '-Skip on a list nothing filters here is asked of the server' {
        Clear-LinerMockRequest $Mock
        $expected = @($AllCalls | Where-Object OrderId -EQ 5001 | Select-Object -Skip 3 -First 2 | ForEach-Object Id)
        @(Get-LinerCall -OrderId 5001 -Skip 3 -First 2 | Get-Ids) | Should -Be $expected
        @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/call/').query | Should -Match 'offset=3&'
    }
}

Describe 'Tab completion against a host that never answers' {
    It 'gives up within 2 s, and does not wait again at the next Tab' {
        $silent = Connect-Liner -ApiHost "$($Mock.Url)/delay=30000" -ApiKey $TestKey -SkipValidation -PassThru
        $line = 'Get-LinerVirtualNumber -Connection $silent -Title Mo'
        $watch = [Diagnostics.Stopwatch]::StartNew()
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | Should -BeNullOrEmpty
        $first = $watch.Elapsed
        $watch.Restart()
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | Should -BeNullOrEmpty
        # The connection's timeout is 15 s and the host waits 30 s; the first Tab takes about 2.0 s here.
        $first.TotalSeconds | Should -BeLessThan 4
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 1.5
    }
}
