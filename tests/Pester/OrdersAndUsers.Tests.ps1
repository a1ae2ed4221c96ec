# Runs over http and over https (see tests/Invoke-PesterTests.ps1).
param([ValidateSet('http', 'https')] [string] $Scheme = 'http')

# Get-LinerOrder and Get-LinerUser against the mock's sample account, whose orders, users and
# numbers join up: orders list numbers and agents; number 112 is assigned to an order (5009) the
# account does not have; order 5005 has no numbers; user 703 is inactive but an agent of 5002.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $SampleOrders = Get-Content -Raw (Join-Path $PSScriptRoot '../Liner.MockApi/sample-orders.json') | ConvertFrom-Json
    $SampleUsers = Get-Content -Raw (Join-Path $PSScriptRoot '../Liner.MockApi/sample-users.json') | ConvertFrom-Json
}
AfterAll {
    Disconnect-Liner
    Stop-LinerMockApi $Mock
}

Describe 'Get-LinerOrder' {
    BeforeEach { Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey }

    It 'writes every order of the account as Liner.PowerShell.Order' {
        $orders = @(Get-LinerOrder)
        $orders.Count | Should -Be $SampleOrders.Count
        $orders[0] | Should -BeOfType ([Liner.PowerShell.Order])
        @($orders | Get-Ids) | Should -Be @($SampleOrders.id)
    }

    It 'maps every documented field' {
        $order = Get-LinerOrder -Id 5001
        $order.Code | Should -Be 'SALES'
        $order.Title | Should -Be 'Sales campaign'
        $order.ServiceTitle | Should -Be 'sales-main'
        $order.Status | Should -Be 'success'
        $order.CallSchedule.Count | Should -Be 2
        $order.CallSchedule[0].Start | Should -Be ([timespan]'09:00')
        $order.CallSchedule[1].End | Should -Be ([timespan]'18:00')
        "$($order.CallSchedule[0])" | Should -Be '09:00-13:00'
        $order.CallHolidayOverrides | Should -Be @([datetime]'2026-12-31', [datetime]'2027-01-01')
        $order.AutoDialingEnabled | Should -BeTrue
        $order.PredictiveModeEnabled | Should -BeTrue
        $order.AiModeEnabled | Should -BeFalse
        $order.StandaloneAiModeEnabled | Should -BeFalse
        $order.AiDefaultLanguage | Should -Be 'ru'
        $order.AmdDetectionEnabled | Should -BeTrue
        $order.CallRecordRule | Should -Be 'client_is_connected'
        $order.CallCenterPhone | Should -Be '+74950000001'
        $order.AdditionalCallCenterPhones | Should -Be @('+74950000002')
        $order.SipEndpointUsageScheme | Should -Be 'even_loaded'
        $order.AgentUserIds | Should -Be @(701, 702)
        $order.VirtualNumberIds | Should -Be @(101, 102, 106)
        $order.NumberCount | Should -Be 3
        $order.AgentCount | Should -Be 2
        $order.Modes | Should -Be 'Auto Pred'
        (Get-LinerOrder -Id 5002).AiModePrompt | Should -Be 'You answer questions about orders.'
        (Get-LinerOrder -Id 5002).AiModeFirstPhrase | Should -Be 'Hello, this is support.'
    }

    It 'keeps fields the API sends that are not documented as extra properties' {
        (Get-LinerOrder -Id 5001).qualifiedLeadsPerDayLimit | Should -Be 50
    }

    It '-Title and -Code take wildcards: <Parameters>' -TestCases @(
        @{ Parameters = @{ Title = 'sales*' }; Expected = @(5001) }
        @{ Parameters = @{ Title = '*support*', 'Kazan*' }; Expected = @(5002, 5004) }
        @{ Parameters = @{ Code = 'OUT*' }; Expected = @(5003) }
        @{ Parameters = @{ Code = 'ARCHIVE'; Title = 'Archive*' }; Expected = @(5005) }
    ) {
        @(Get-LinerOrder @Parameters | Get-Ids) | Should -Be $Expected
    }

    It 'reports an -Id the account lacks as a non-terminating LinerOrderNotFound' {
        $orders = @(Get-LinerOrder -Id 5001, 9999 -ErrorVariable failures -ErrorAction SilentlyContinue)
        @($orders | Get-Ids) | Should -Be @(5001)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerOrderNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'Get-LinerOrder'
    }

    It 'reads every page of a long list' {
        $connection = Connect-Test -Scenario 'count=250/max-limit=40' -SkipValidation
        Clear-LinerMockRequest $Mock
        $orders = @(Get-LinerOrder -Connection $connection)
        $orders.Count | Should -Be 250
        @($orders.Id | Select-Object -Unique).Count | Should -Be 250
        @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/order/').Count | Should -Be 7
    }

    It 'has six pages read ahead on their way at once in a fresh pwsh (waits that blocked the thread pool would trickle)' {
        # Pages waited for on the thread pool's own threads leave no thread to complete the waits until
        # the pool grows: the read-ahead requests reach the server one by one over seconds. On threads of
        # their own, the six that follow the first page are all on their way before any of them could
        # have been answered (each page is held 1 s).
        Clear-LinerMockRequest $Mock
        $result = Invoke-ModuleScript -Environment @{ DOTNET_PROCESSOR_COUNT = '2' } -Script @"
Connect-Liner -ApiHost '$($Mock.Url)/count=800/page-delay=1000' -ApiKey (ConvertTo-SecureString '$TestKeyText' -AsPlainText -Force) -SkipValidation
@(Get-LinerOrder).Count
"@
        $result.Output.Trim() | Should -Be '800'
        $pages = @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/order/' | Sort-Object { [datetime]$_.at })
        $pages.Count | Should -Be 8
        $ahead = @($pages[1..6] | ForEach-Object { [datetime]$_.at })
        ($ahead[-1] - $ahead[0]).TotalMilliseconds | Should -BeLessThan 1000
    }

    It 'stops asking for pages when the pipeline has had enough (Select-Object -First)' {
        # 2,000 orders are 20 pages of 100; the module may read a few ahead (a bounded read-ahead).
        $connection = Connect-Test -Scenario 'count=2000' -SkipValidation
        Clear-LinerMockRequest $Mock
        @(Get-LinerOrder -Connection $connection | Select-Object -First 2).Count | Should -Be 2
        Start-Sleep -Milliseconds 300    # pages already on their way arrive
        @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/order/').Count | Should -BeLessOrEqual 7
    }

    It 'reads /v1/order/list/ on an older Liner, and says so with -Verbose' {
        $connection = Connect-Test -Scenario 'v1-orders' -SkipValidation
        $verbose = Get-LinerOrder -Connection $connection -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match '/v2/order/ answered 404; trying v1/order/list/ once: what an older Liner serves instead'
        $orders = @(Get-LinerOrder -Connection $connection)
        $orders.Count | Should -Be $SampleOrders.Count
        ($orders | Where-Object Id -EQ 5001).Title | Should -Be 'Sales campaign'
        ($orders | Where-Object Id -EQ 5001).CallsAllowed | Should -BeTrue
        ($orders | Where-Object Id -EQ 5005).CallsAllowed | Should -BeFalse
        ($orders | Where-Object Id -EQ 5001).AutoDialingEnabled | Should -BeNullOrEmpty
    }
}

Describe 'Pipelines between numbers, orders and users' {
    BeforeEach {
        Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
        Clear-LinerMockRequest $Mock
    }

    It 'Get-LinerVirtualNumber | Get-LinerOrder: each order once, unassigned skipped, a missing order named with its number' {
        $orders = @(Get-LinerVirtualNumber | Get-LinerOrder -ErrorVariable failures -ErrorAction SilentlyContinue)
        @($orders | Get-Ids) | Should -Be @(5001, 5002, 5003, 5004)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerOrderNotFound,*'
        $failures[0].Exception.Message | Should -Match '112 Marketing tracking.*order 5009'
        @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/order/').Count | Should -Be 1
    }

    It 'Get-LinerOrder | Get-LinerVirtualNumber: the numbers assigned to the orders and those they list, never an order id taken for a number id' {
        @(Get-LinerOrder -Title 'Outbound*' | Get-LinerVirtualNumber | Get-Ids) | Should -Be @(104, 110, 111)
        @(Get-LinerOrder -Id 5001, 5002 | Get-LinerVirtualNumber | Get-Ids) | Should -Be @(101, 102, 103, 106, 107)
        @(Get-LinerOrder -Id 5005 | Get-LinerVirtualNumber).Count | Should -Be 0
        @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/sip-endpoints/').Count | Should -Be 3
    }

    It 'Get-LinerOrder | Get-LinerUser: the agents of the orders, with one list request' {
        @(Get-LinerOrder -Id 5001, 5002 | Get-LinerUser | Get-Ids) | Should -Be @(701, 702, 703)
        @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/user/list/').Count | Should -Be 1
        @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/user/detail/*').Count | Should -Be 0
    }

    It 'binds objects with an OrderId or UserId property by name when they have no Id of their own' {
        @([pscustomobject]@{ OrderId = 5003 } | Get-LinerOrder | Get-Ids) | Should -Be @(5003)
        @([pscustomobject]@{ UserId = 704 }, [pscustomobject]@{ UserId = 705 } | Get-LinerUser | Get-Ids) | Should -Be @(704, 705)
    }

    It 'works on objects that came back from a job or Import-Clixml' {
        $path = Join-Path $TestDrive 'orders.xml'
        Get-LinerOrder -Id 5001 | Export-Clixml $path
        $order = Import-Clixml $path
        $order | Should -BeOfType ([Liner.PowerShell.Order])
        $order.CallSchedule[0].Start | Should -Be ([timespan]'09:00')
        $order.qualifiedLeadsPerDayLimit | Should -Be 50
        @($order | Get-LinerVirtualNumber | Get-Ids) | Should -Be @(101, 102, 106)
        Get-LinerUser -Id 701 | Export-Clixml (Join-Path $TestDrive 'user.xml')
        $user = Import-Clixml (Join-Path $TestDrive 'user.xml')
        $user | Should -BeOfType ([Liner.PowerShell.User])
        $user.LastActivityAt | Should -Be ([DateTimeOffset]'2026-11-26T17:40:00+03:00')
    }
}

Describe 'Get-LinerUser' {
    BeforeEach {
        Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
        Clear-LinerMockRequest $Mock
    }

    It 'writes every user of the account as Liner.PowerShell.User' {
        $users = @(Get-LinerUser)
        @($users | Get-Ids) | Should -Be @($SampleUsers.id)
        $users[0] | Should -BeOfType ([Liner.PowerShell.User])
    }

    It 'maps every documented field, times as DateTimeOffset, and FullName in Liner''s order' {
        $user = Get-LinerUser -Id 701
        $user.Name | Should -Be 'Ivan'
        $user.LastName | Should -Be 'Petrov'
        $user.SecondName | Should -Be 'Sergeevich'
        $user.FullName | Should -Be 'Ivan Petrov Sergeevich'
        $user.Email | Should -Be 'ivan.petrov@example.com'
        $user.IsActive | Should -BeTrue
        $user.AccessGroup | Should -Be 'call-center'
        $user.WebRtcEnabled | Should -BeTrue
        $user.InterfaceLanguageCode | Should -Be 'ru'
        $user.LanguageSkillCodes | Should -Be @('ru', 'en')
        $user.AutoAnswer | Should -Be 1
        $user.PhoneMode | Should -Be 'webrtc'
        $user.AvatarUrl | Should -BeNullOrEmpty
        $user.TelegramNotificationsEnabled | Should -BeFalse
        $user.EmailNotificationsEnabled | Should -BeTrue
        $user.EmailNotificationsType | Should -Be 'daily'
        $user.LastLoginAt | Should -BeOfType ([DateTimeOffset])
        $user.LastLoginAt | Should -Be ([DateTimeOffset]'2026-11-26T08:55:00+03:00')
        $user.CreatedAt | Should -Be ([DateTimeOffset]'2025-03-01T09:00:00+03:00')
        (Get-LinerUser -Id 702).FullName | Should -Be 'Maria Sidorova'
        (Get-LinerUser -Id 702).TelegramChatId | Should -Be '100702'
    }

    It 'looks up ids given alone one by one, and reports a missing one as LinerUserNotFound' {
        $users = @(Get-LinerUser -Id 701, 799 -ErrorVariable failures -ErrorAction SilentlyContinue)
        @($users | Get-Ids) | Should -Be @(701)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerUserNotFound,*'
        @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/user/detail/*').Count | Should -Be 2
        @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/user/list/').Count | Should -Be 0
    }

    It '-Name matches the full name or any part: <Name>' -TestCases @(
        @{ Name = 'Ivan Petrov*'; Expected = @(701) }
        @{ Name = 'sidorova'; Expected = @(702) }
        @{ Name = '*ovna'; Expected = @(704) }
        @{ Name = 'Ivan*'; Expected = @(701, 703) }
    ) {
        @(Get-LinerUser -Name $Name | Get-Ids) | Should -Be $Expected
    }

    It '-Email takes wildcards' {
        @(Get-LinerUser -Email '*@client.example' | Get-Ids) | Should -Be @(705)
    }

    It 'sends one -AccessGroup and -Active to the server, and filters on them too' {
        @(Get-LinerUser -AccessGroup call-center -Active | Get-Ids) | Should -Be @(701)
        $query = (Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/user/list/').query
        $query | Should -Match 'accessGroup=call-center'
        $query | Should -Match 'isActive=1'
        @(Get-LinerUser -AccessGroup admin, MODERATOR | Get-Ids) | Should -Be @(704, 706)
        @(Get-LinerUser -AccessGroup 'call-*').Count | Should -Be 0    # compared literally, not as a wildcard
    }

    It 'completes -AccessGroup with the six documented groups' {
        $line = 'Get-LinerUser -AccessGroup call'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('call-center', 'call-center-senior')
        $line = 'Get-LinerUser -AccessGroup '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.Count | Should -Be 6
    }

    It 'reads every page of a long list' {
        $connection = Connect-Test -Scenario 'count=230' -SkipValidation
        @(Get-LinerUser -Connection $connection).Count | Should -Be 230
    }
}

Describe 'Views of orders and users' {
    BeforeAll {
        $log = Invoke-ModuleScript -Script @"
Connect-Liner -ApiHost '$($Mock.Url)' -ApiKey (ConvertTo-SecureString '$TestKeyText' -AsPlainText -Force)
Get-LinerOrder | Out-Host
Get-LinerUser | Out-Host
"@
    }

    It 'show the values of each column in a redirected log' {
        $log.ExitCode | Should -Be 0
        $log.Output | Should -Match '5001 SALES\s+Sales campaign\s+success\s+3\s+2 Auto Pred'
        $log.Output | Should -Match '701 Ivan Petrov\S*\s'
    }

    It 'show every field in a list' {
        Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
        $text = Get-LinerOrder -Id 5001 | Format-List | Out-String -Width 200
        foreach ($name in 'Id', 'Code', 'Title', 'ServiceTitle', 'Status', 'CallSchedule', 'CallHolidayOverrides', 'AutoDialingEnabled', 'PredictiveModeEnabled', 'AiModeEnabled', 'StandaloneAiModeEnabled', 'AiModePrompt', 'AiModeFirstPhrase', 'AiDefaultLanguage', 'AmdDetectionEnabled', 'CallRecordRule', 'CallCenterPhone', 'AdditionalCallCenterPhones', 'SipEndpointUsageScheme', 'AgentUserIds', 'VirtualNumberIds', 'qualifiedLeadsPerDayLimit') {
            $text | Should -Match "(?m)^$name\s+:"
        }
        $text | Should -Match '09:00-13:00'
        $text = Get-LinerUser -Id 701 | Format-List | Out-String -Width 200
        foreach ($name in 'Id', 'Name', 'LastName', 'SecondName', 'Email', 'IsActive', 'AccessGroup', 'WebRtcEnabled', 'LastActivityAt', 'CreatedAt', 'FullName') {
            $text | Should -Match "(?m)^$name\s+:"
        }
    }
}
