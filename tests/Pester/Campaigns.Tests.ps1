# Setting up campaigns against the mock: orders with their numbers and agents, agent groups and
# call-attempt schemes. What is sent is asserted body by body: only the fields given, -WhatIf sending no
# POST, lists of numbers and agents read once and sent whole once with the others kept in their order,
# nothing at all when the change is already so, and errors per item carrying that item. Each test has a
# store of its own (the store=NAME token), so none depends on another.
# Sample account: order 5001 has numbers 101, 102, 106 and agents 701, 702; 5002 has 103, 107; 5003 has
# 104, 111, 110; 5004 has 109. Agent group 301 (Sales) holds 701, 702; 302 (Support) 702, 703; 303 none.
# Call-attempt schemes 401 (Standard, the default) and 402 (Persistent).

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    # The POSTs the mock received, in the order they came: the path below the store and the body as sent.
    function Get-Posted([string] $Like = '*') {
        @(Get-LinerMockRequest $Mock | Where-Object { $_.method -eq 'POST' -and $_.path -like $Like }) |
            ForEach-Object { [pscustomobject]@{ Path = $_.path -replace '^.*?(?=/v\d/)'; Body = $_.body; Json = ($_.body | ConvertFrom-Json -AsHashtable) } }
    }

    # The GETs the mock received: path below the store, and the query unescaped.
    function Get-Read([string] $Like = '*') {
        @(Get-LinerMockRequest $Mock | Where-Object { $_.method -eq 'GET' -and $_.path -like $Like }) |
            ForEach-Object { [pscustomobject]@{ Path = $_.path -replace '^.*?(?=/v\d/)'; Query = [uri]::UnescapeDataString("$($_.query)") } }
    }

}
AfterAll {
    Disconnect-Liner
    Stop-LinerMockApi $Mock
}

Describe 'Reading agent groups and call-attempt schemes' {
    BeforeAll { $null = Connect-Store }

    It 'lists the agent groups with the gb name as Name and the ru name as NameRu, and nothing called names' {
        $groups = @(Get-LinerAgentGroup)
        @($groups | Get-Ids) | Should -Be @(301, 302, 303)
        $groups[0] | Should -BeOfType ([Liner.PowerShell.AgentGroup])
        $groups[0].Name | Should -BeExactly 'Sales'
        $groups[0].NameRu | Should -BeExactly 'Продажи'
        @($groups[0].AgentIds) | Should -Be @(701, 702)
        $groups[0].AgentCount | Should -Be 2
        $groups[0].CreatedAt | Should -Be ([datetimeoffset]'2025-06-01T10:00:00+03:00')
        $groups[0].PSObject.Properties.Name | Should -Not -Contain 'names'
        (Get-LinerAgentGroup -Name 'ночная*').Id | Should -Be 303
    }

    It 'reads one group at /v2/agent-group/{id}/ and reports one the account lacks as LinerAgentGroupNotFound' {
        Clear-LinerMockRequest $Mock
        $groups = @(Get-LinerAgentGroup -Id 302, 999 -ErrorVariable failures -ErrorAction SilentlyContinue)
        @($groups | Get-Ids) | Should -Be @(302)
        (Get-Read).Path | Should -Be @('/v2/agent-group/302/', '/v2/agent-group/999/')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerAgentGroupNotFound,*'
        $failures[0].TargetObject | Should -Be 999
    }

    It 'gives the groups of piped users: one agentId query per user, each group once' {
        Clear-LinerMockRequest $Mock
        $groups = @(Get-LinerUser -Id 701, 702 | Get-LinerAgentGroup)
        @($groups | Get-Ids) | Should -Be @(301, 302)
        @(Get-Read '*/v2/agent-group/').Query | Should -Be @('?agentId=701&offset=0&limit=100', '?agentId=702&offset=0&limit=100')
        @(Get-LinerAgentGroup -UserId 703 | Get-Ids) | Should -Be @(302)
    }

    It 'lists the call-attempt schemes with their intervals in minutes, and one by id' {
        $schemes = @(Get-LinerCallAttemptGroup)
        @($schemes | Get-Ids) | Should -Be @(401, 402)
        $schemes[0] | Should -BeOfType ([Liner.PowerShell.CallAttemptGroup])
        @($schemes[1].Intervals) | Should -Be @(5, 10, 30, 60, 120)
        $schemes[1].Intervals[0] | Should -BeOfType ([int])
        $schemes[1].ResetAttemptsEnabled | Should -BeTrue
        (Get-LinerCallAttemptGroup -Default).Id | Should -Be 401
        Clear-LinerMockRequest $Mock
        (Get-LinerCallAttemptGroup -Id 402).Title | Should -Be 'Persistent'
        (Get-Read).Path | Should -Be '/v2/call-attempt/detail/402/'
    }

    It 'comes back as itself after Start-Job: AgentGroup and CallAttemptGroup' {
        $job = Start-Job -ScriptBlock {
            param($ModulePath, $ApiHost, $Key)
            Import-Module $ModulePath
            Connect-Liner -ApiHost $ApiHost -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force)
            Get-LinerAgentGroup -Id 301
            Get-LinerCallAttemptGroup -Id 402
        } -ArgumentList $ModulePath, "$($Mock.Url)/$Store", $TestKeyText
        $group, $scheme = @($job | Receive-Job -Wait -AutoRemoveJob)
        $group | Should -BeOfType ([Liner.PowerShell.AgentGroup])
        $group.Name | Should -BeExactly 'Sales'
        $group.NameRu | Should -BeExactly 'Продажи'
        @($group.AgentIds) | Should -Be @(701, 702)
        $group.AgentCount | Should -Be 2
        $scheme | Should -BeOfType ([Liner.PowerShell.CallAttemptGroup])
        @($scheme.Intervals) | Should -Be @(5, 10, 30, 60, 120)
        $scheme.IsDefault | Should -BeFalse
        ($scheme | Format-Table | Out-String -Width 80) | Should -Match '402 Persistent\s+5 10 30 60 120\s+False\s+True'
    }
}

Describe 'New-LinerOrder' {
    It 'makes one order of the piped numbers, sends only what was given (-AutoDialingEnabled $false too), and writes it read back' {
        $null = Connect-Store
        $order = Get-LinerVirtualNumber -Id 105, 108 | New-LinerOrder -Title 'Kazan spring' -ServiceTitle kazan-2027 -Status info -CallSchedule '9:00-13:00', '14:00-18:30' -AutoDialingEnabled $false -AgentUserId 703 -CallAttemptGroupId 402
        $posted = @(Get-Posted)
        $posted.Count | Should -Be 1
        $posted[0].Path | Should -Be '/v2/order/create/'
        $body = $posted[0].Json
        $body.Keys | Sort-Object | Should -Be @('agentUserIds', 'autoDialingEnabled', 'callAttemptGroupId', 'callSchedule', 'serviceTitle', 'sipEndpointIds', 'status', 'title')
        $body.sipEndpointIds | Should -Be @(105, 108)
        $body.autoDialingEnabled | Should -BeExactly $false
        $posted[0].Body | Should -Match '"callSchedule":\[\["09:00","13:00"\],\["14:00","18:30"\]\]'
        $order | Should -BeOfType ([Liner.PowerShell.Order])
        $order.Id | Should -BeGreaterThan 5005
        @($order.VirtualNumberIds) | Should -Be @(105, 108)
        "$($order.CallSchedule)" | Should -Be '09:00-13:00 14:00-18:30'
        $order.AutoDialingEnabled | Should -BeFalse
        (Get-LinerOrder -Id $order.Id).Title | Should -Be 'Kazan spring'
    }

    It 'takes numbers by id, sends a value of a closed set as the API spells it, and with no number sends sipEndpointIds empty (the API requires it)' {
        $null = Connect-Store
        $null = New-LinerOrder 'By id' -ServiceTitle by-id -Status Success -VirtualNumberId 110, 105 -Code BYID
        $null = New-LinerOrder 'Empty' -ServiceTitle empty -Status secondary
        $posted = @(Get-Posted)
        $posted[0].Body | Should -BeExactly '{"title":"By id","serviceTitle":"by-id","status":"success","code":"BYID","sipEndpointIds":[110,105]}'
        $posted[1].Body | Should -BeExactly '{"title":"Empty","serviceTitle":"empty","status":"secondary","sipEndpointIds":[]}'
    }

    It '-WhatIf sends no POST; an empty pipeline creates nothing and says so' {
        $null = Connect-Store
        Get-LinerVirtualNumber -Id 105 | New-LinerOrder -Title T -ServiceTitle t -Status info -WhatIf
        Get-LinerVirtualNumber -Title 'no such number*' | New-LinerOrder -Title T -ServiceTitle t -Status info -WarningVariable warnings -WarningAction SilentlyContinue
        @(Get-Posted) | Should -BeNullOrEmpty
        "$warnings" | Should -Match 'no order was created'
    }

    It 'refuses a call window that is not HH:MM-HH:MM before sending anything' {
        $null = Connect-Store
        { New-LinerOrder -Title T -ServiceTitle t -Status info -CallSchedule '9am-5pm' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        @(Get-Posted) | Should -BeNullOrEmpty
    }

    It 'reports a refused create as LinerOrderNotCreated carrying the piped numbers' {
        $null = Connect-Store
        $numbers = @(Get-LinerVirtualNumber -Id 105)
        $out = @($numbers | New-LinerOrder -Title T -ServiceTitle t -Status info -AgentGroupId 999 -ErrorVariable failures -ErrorAction SilentlyContinue)
        $out | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerOrderNotCreated,*'
        $failures[0].Exception.Message | Should -Match "^Order 'T' was not created: .*agentGroupIds"
        @($failures[0].TargetObject)[0] | Should -Be $numbers[0]
    }

    It 'never sends a create twice after a 503 that came after the order was made, and says how to check' {
        $null = Connect-Store 'create-then=503'
        $out = @(New-LinerOrder -Title 'Maybe' -ServiceTitle maybe -Status info -ErrorVariable failures -ErrorAction SilentlyContinue)
        $out | Should -BeNullOrEmpty
        @(Get-Posted).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerOrderMayExist,*'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match "Get-LinerOrder -Title 'Maybe'"
        @(Get-LinerOrder -Title 'Maybe').Count | Should -Be 1
    }
}

Describe 'Set-LinerOrder' {
    It 'sends only the fields given, for -Id and for each piped order: $false, '''' and an empty list on purpose' {
        $null = Connect-Store
        Set-LinerOrder -Id 5001 -AutoDialingEnabled $false -AiModePrompt '' -AgentGroupId @()
        Get-LinerOrder -Id 5002, 5003 | Set-LinerOrder -Status secondary -CallHolidayOverride '2026-12-31'
        $posted = @(Get-Posted)
        $posted.Path | Should -Be @('/v2/order/update/5001/', '/v2/order/update/5002/', '/v2/order/update/5003/')
        $posted[0].Json.Keys | Sort-Object | Should -Be @('agentGroupIds', 'aiModePrompt', 'autoDialingEnabled')
        $posted[0].Json.autoDialingEnabled | Should -BeExactly $false
        $posted[0].Json.aiModePrompt | Should -BeExactly ''
        $posted[1].Body | Should -BeExactly '{"status":"secondary","callHolidayOverrides":["2026-12-31"]}'
        $posted[2].Body | Should -BeExactly $posted[1].Body
        (Get-LinerOrder -Id 5001).AutoDialingEnabled | Should -BeFalse
    }

    It 'reports an order that does not exist as LinerOrderNotFound carrying the input, changes the others, and -PassThru writes them' {
        $null = Connect-Store
        $rows = @([pscustomobject]@{ OrderId = 1 }, [pscustomobject]@{ OrderId = 5004 })
        $out = @($rows | Set-LinerOrder -Title 'Renamed' -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue)
        @($out | Get-Ids) | Should -Be @(5004)
        $out[0].Title | Should -Be 'Renamed'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerOrderNotFound,*'
        $failures[0].TargetObject | Should -Be $rows[0]
    }

    It 'sends nothing with -WhatIf, nor for a piped object of another kind' {
        $null = Connect-Store
        Set-LinerOrder -Id 5001 -Status info -WhatIf
        Get-LinerVirtualNumber -Id 101 | Set-LinerOrder -Status info -ErrorVariable failures -ErrorAction SilentlyContinue
        @(Get-Posted) | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerUnexpectedInput,*'
    }

    It 'says plainly when the server refuses sipEndpointIds on an update' {
        $null = Connect-Store 'order-update-refuses=sipEndpointIds'
        Set-LinerOrder -Id 5001 -VirtualNumberId 101 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerOrderNumbersNotChanged,*'
        $failures[0].Exception.Message | Should -Match 'does not take .*sipEndpointIds.* on an update'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'web interface'
    }
}

Describe 'Add-LinerOrderVirtualNumber and Remove-LinerOrderVirtualNumber' {
    It 'reads the order list once and sends the whole list once, the other numbers kept in their order' {
        $null = Connect-Store
        $order = Add-LinerOrderVirtualNumber -OrderId 5001 -VirtualNumberId 110, 102, 105 -PassThru
        @(Get-Read '*/v2/order/').Count | Should -Be 2    # the read, and the one of -PassThru
        $posted = @(Get-Posted)
        $posted.Count | Should -Be 1
        $posted[0].Path | Should -Be '/v2/order/update/5001/'
        $posted[0].Body | Should -BeExactly '{"sipEndpointIds":[101,102,106,110,105]}'
        @($order.VirtualNumberIds) | Should -Be @(101, 102, 106, 110, 105)
        Clear-LinerMockRequest $Mock
        Remove-LinerOrderVirtualNumber -OrderId 5001 -VirtualNumberId 102, 110 -Confirm:$false
        (Get-Posted)[0].Body | Should -BeExactly '{"sipEndpointIds":[101,106,105]}'
    }

    It 'sends nothing when the change is already so, and with -WhatIf' {
        $null = Connect-Store
        Add-LinerOrderVirtualNumber -OrderId 5001 -VirtualNumberId 106, 101
        Remove-LinerOrderVirtualNumber -OrderId 5001 -VirtualNumberId 103 -Confirm:$false
        Add-LinerOrderVirtualNumber -OrderId 5001 -VirtualNumberId 110 -WhatIf
        Remove-LinerOrderVirtualNumber -OrderId 5001 -VirtualNumberId 101 -WhatIf
        @(Get-Posted) | Should -BeNullOrEmpty
        @(Get-LinerOrder -Id 5001).VirtualNumberIds | Should -Be @(101, 102, 106)
    }

    It 'takes piped numbers as numbers and piped ids as ids, and never a piped order as a number' {
        $null = Connect-Store
        Get-LinerVirtualNumber -Id 110, 108 | Add-LinerOrderVirtualNumber -OrderId 5004    # in the account's order: 108, 110
        105 | Add-LinerOrderVirtualNumber -OrderId 5004
        $posted = @(Get-Posted)
        $posted.Body | Should -Be @('{"sipEndpointIds":[109,108,110]}', '{"sipEndpointIds":[109,108,110,105]}')
        Clear-LinerMockRequest $Mock
        Get-LinerOrder -Id 5002 | Add-LinerOrderVirtualNumber -OrderId 5004 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectNotBound,*'
        @(Get-Posted) | Should -BeNullOrEmpty
    }

    It 'retires a number from every campaign: only the orders that hold it get a POST, and Remove asks at High impact' {
        $null = Connect-Store
        $null = Add-LinerOrderVirtualNumber -OrderId 5002 -VirtualNumberId 110
        Clear-LinerMockRequest $Mock
        Get-LinerVirtualNumber -Id 110 | Get-LinerOrder | Remove-LinerOrderVirtualNumber -VirtualNumberId 110 -Confirm:$false
        $posted = @(Get-Posted)
        $posted.Path | Should -Be @('/v2/order/update/5002/', '/v2/order/update/5003/')
        $posted.Body | Should -Be @('{"sipEndpointIds":[103,107]}', '{"sipEndpointIds":[104,111]}')
        @(Get-Read '*/v2/order/').Count | Should -Be 2    # Get-LinerOrder's read, and Remove's one read
        [System.Management.Automation.CmdletAttribute]$attribute = (Get-Command Remove-LinerOrderVirtualNumber).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
    }

    It 'reports a missing order as LinerOrderNotFound carrying it, goes on with the others, and says plainly when sipEndpointIds is refused' {
        $null = Connect-Store
        $gone = Get-LinerOrder -Id 5004
        $missing = [Liner.PowerShell.Order]::new()
        $out = @($missing, $gone | Add-LinerOrderVirtualNumber -VirtualNumberId 105 -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue)
        @($out | Get-Ids) | Should -Be @(5004)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerOrderNotFound,*'
        $failures[0].TargetObject | Should -Be $missing
        $null = Connect-Store 'order-update-refuses=sipEndpointIds'
        $order = Get-LinerOrder -Id 5001
        $order | Remove-LinerOrderVirtualNumber -VirtualNumberId 101 -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'LinerOrderNumbersNotChanged,*'
        $refused[0].Exception.Message | Should -Match 'sipEndpointIds'
        $refused[0].TargetObject | Should -Be $order
        @(Get-Posted).Count | Should -Be 1
    }
}

Describe 'Agent groups: New, Set, Add and Remove members' {
    It 'New-LinerAgentGroup: -Name fills both languages unless -NameRu is given; piped users are the agents' {
        $null = Connect-Store
        $group = Get-LinerUser -Id 703, 701 | New-LinerAgentGroup -Name 'Day shift'
        $null = New-LinerAgentGroup -Name 'Evening' -NameRu 'Вечер' -UserId 702
        $null = New-LinerAgentGroup -Name 'Empty'
        $posted = @(Get-Posted)
        $posted.Path | Select-Object -Unique | Should -Be '/v2/agent-group/create/'
        $posted.Body | Should -Be @(
            '{"names":{"ru":"Day shift","gb":"Day shift"},"agentIds":[703,701]}'
            '{"names":{"ru":"Вечер","gb":"Evening"},"agentIds":[702]}'
            '{"names":{"ru":"Empty","gb":"Empty"}}'
        )
        $group | Should -BeOfType ([Liner.PowerShell.AgentGroup])
        $group.Id | Should -Be 304
        $group.Name | Should -Be 'Day shift'
        @($group.AgentIds) | Should -Be @(703, 701)
        New-LinerAgentGroup -Name 'Not sent' -WhatIf
        @(Get-Posted).Count | Should -Be 3
    }

    It 'Set-LinerAgentGroup: one name sends both (the other as it was); -UserId replaces the agents' {
        $null = Connect-Store
        $group = Set-LinerAgentGroup -Id 302 -NameRu 'Поддержка 2' -PassThru
        Set-LinerAgentGroup -Id 303 -UserId 704, 701
        $posted = @(Get-Posted)
        $posted.Body | Should -Be @('{"names":{"ru":"Поддержка 2","gb":"Support"}}', '{"agentIds":[704,701]}')
        $group.NameRu | Should -Be 'Поддержка 2'
        $group.Name | Should -Be 'Support'
        Get-LinerUser -Id 701 | Set-LinerAgentGroup -Name 'Not a group' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerUnexpectedInput,*'
        @(Get-Posted).Count | Should -Be 2
    }

    It 'Add-LinerAgentGroupMember: a piped user is a member, never the group; the others kept in their order' {
        $null = Connect-Store
        $group = Get-LinerUser -Id 704, 703 | Add-LinerAgentGroupMember -AgentGroupId 301 -PassThru
        $posted = @(Get-Posted)
        $posted.Count | Should -Be 1
        $posted[0].Path | Should -Be '/v2/agent-group/update/301/'
        $posted[0].Body | Should -BeExactly '{"agentIds":[701,702,704,703]}'
        @($group.AgentIds) | Should -Be @(701, 702, 704, 703)
        @(Get-Read '*/v2/agent-group/301/').Count | Should -Be 2    # the read, and the one of -PassThru
    }

    It 'Remove-LinerAgentGroupMember: from each piped group that holds them; nothing for a group without them, nor with -WhatIf' {
        $null = Connect-Store
        Get-LinerAgentGroup | Remove-LinerAgentGroupMember -UserId 702
        $posted = @(Get-Posted)
        $posted.Path | Should -Be @('/v2/agent-group/update/301/', '/v2/agent-group/update/302/')
        $posted.Body | Should -Be @('{"agentIds":[701]}', '{"agentIds":[703]}')
        Clear-LinerMockRequest $Mock
        Remove-LinerAgentGroupMember -AgentGroupId 301 -UserId 702
        Add-LinerAgentGroupMember -AgentGroupId 301 -UserId 701
        Add-LinerAgentGroupMember -AgentGroupId 301 -UserId 703 -WhatIf
        @(Get-Posted) | Should -BeNullOrEmpty
    }

    It 'reports a group that does not exist as LinerAgentGroupNotFound carrying it, and a refused update as LinerAgentGroupNotUpdated' {
        $null = Connect-Store
        Add-LinerAgentGroupMember -AgentGroupId 999 -UserId 701 -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'LinerAgentGroupNotFound,*'
        $missing[0].TargetObject | Should -Be 999
        $group = Get-LinerAgentGroup -Id 303
        $group | Add-LinerAgentGroupMember -UserId 12345 -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'LinerAgentGroupNotUpdated,*'
        $refused[0].Exception.Message | Should -Match 'agentIds'
        $refused[0].TargetObject | Should -Be $group
    }
}

Describe 'Call-attempt schemes: New and Set' {
    It 'sends the title and intervals, and a flag only when given: -IsDefault:$false too' {
        $null = Connect-Store
        $scheme = New-LinerCallAttemptGroup -Title 'Quick' -Interval 1, 5, 15
        $null = New-LinerCallAttemptGroup -Title 'Main' -Interval 30 -IsDefault -ResetAttemptsEnabled
        $changed = Set-LinerCallAttemptGroup -Id 402 -IsDefault:$false -Interval 10, 20 -PassThru
        $posted = @(Get-Posted)
        $posted.Path | Should -Be @('/v2/call-attempt/create/', '/v2/call-attempt/create/', '/v2/call-attempt/update/402/')
        $posted.Body | Should -Be @(
            '{"title":"Quick","intervals":[1,5,15]}'
            '{"title":"Main","intervals":[30],"isDefault":true,"resetAttemptsEnabled":true}'
            '{"intervals":[10,20],"isDefault":false}'
        )
        $scheme.Id | Should -Be 403
        @($scheme.Intervals) | Should -Be @(1, 5, 15)
        @($changed.Intervals) | Should -Be @(10, 20)
        (Get-LinerCallAttemptGroup -Default).Title | Should -Be 'Main'
    }

    It 'reports a scheme that does not exist as LinerCallAttemptGroupNotFound; -WhatIf sends nothing' {
        $null = Connect-Store
        Set-LinerCallAttemptGroup -Id 999 -Title 'X' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerCallAttemptGroupNotFound,*'
        Clear-LinerMockRequest $Mock
        New-LinerCallAttemptGroup -Title 'X' -Interval 5 -WhatIf
        Get-LinerCallAttemptGroup | Set-LinerCallAttemptGroup -Title 'Y' -WhatIf
        @(Get-Posted) | Should -BeNullOrEmpty
    }
}
