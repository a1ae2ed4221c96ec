# Leads in and out against the mock: reading with server-side filters, creating from CSV rows with
# only the given fields sent, a failed row reported with the row itself, nothing ever created twice,
# throttled creates written in input order, and partial updates. Each test has a store of its own
# (the store=NAME token), so none depends on another.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    # The JSON bodies of the POSTs the mock received for this test's store, as objects, in the order
    # they came (a POST of an earlier test that arrives late is not this test's).
    function Get-Posted([string] $Like = '*') {
        @(Get-LinerMockRequest $Mock | Where-Object { $_.method -eq 'POST' -and $_.path -like $Like -and $_.path -like "*/$script:Store/*" }) | ForEach-Object { [pscustomobject]@{ Path = $_.path; Body = ($_.body | ConvertFrom-Json -AsHashtable); At = [datetime]$_.at } }
    }

    function ConvertFrom-CsvText([string] $Text) { $Text.Trim() | ConvertFrom-Csv }

    $Rows = ConvertFrom-CsvText @'
phone,name,comment,priority
+7 (999) 100-00-01,Anna Ivanova,spring fair,
8 999 100 00 02,Boris Petrov,,3
79991000003,Vera Sidorova,website form,0
'@
}
AfterAll {
    Disconnect-Liner
    Stop-LinerMockApi $Mock
}

Describe 'Get-LinerLead' {
    BeforeAll { $null = Connect-Store }

    It 'asks the server for orders, statuses by code (wildcards) and the period' {
        $leads = @(Get-LinerLead -OrderId 5001 -Status 'new', 'qual*' -After '2026-10-01' -Before '2026-10-20')
        $query = [uri]::UnescapeDataString((Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/lead/' | Select-Object -Last 1).query)
        $query | Should -Match 'orderIds\[\]=5001'
        $query | Should -Match 'statusIds\[\]=1&statusIds\[\]=2'
        $query | Should -Match 'createdAt\[0\]=2026-10-01T00:00:00'
        $leads | Should -Not -BeNullOrEmpty
        $leads.Status | Select-Object -Unique | Sort-Object | Should -Be @('new', 'qualified')
        $leads.OrderId | Select-Object -Unique | Should -Be 5001
    }

    It 'names the status by code and the custom values by the fields'' titles' {
        $lead = Get-LinerLead -Id 9000
        $lead.Status | Should -Be 'new'
        $lead.CustomValues['City'] | Should -Be 'Moscow'
        $lead.CustomValues['Source'] | Should -Be 'web'
        $lead.CustomValues.Keys | Should -Not -Contain '11'
    }

    It 'finds a lead by its phone however it is written, and by name' {
        @(Get-LinerLead -OrderId 5001 -Phone '8 (999) 000-00-01' | Get-Ids) | Should -Be @(9000)
        @(Get-LinerLead -Phone '*0002' | Get-Ids) | Should -Be @(9001)
        @(Get-LinerLead -Name 'Anna*' | ForEach-Object Name) | ForEach-Object { $_ | Should -BeLike 'Anna*' }
    }

    It 'reports an -Id the account lacks as a non-terminating LinerLeadNotFound and writes the others' {
        $leads = @(Get-LinerLead -Id 9001, 1, 9002 -ErrorVariable failures -ErrorAction SilentlyContinue)
        @($leads | Get-Ids) | Should -Be @(9001, 9002)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerLeadNotFound,*'
        $failures[0].TargetObject | Should -Be 1
    }

    It 'takes piped orders as orders and piped calls as calls' {
        Clear-LinerMockRequest $Mock
        $ofOrder = @(Get-LinerOrder -Id 5002 | Get-LinerLead)
        $ofOrder.OrderId | Select-Object -Unique | Should -Be 5002
        [uri]::UnescapeDataString((Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/lead/').query) | Should -Match 'orderIds\[\]=5002'
        $calls = @(Get-LinerCall -OrderId 5001 -First 3)
        @($calls | Get-LinerLead | Get-Ids) | Should -Be @($calls.LeadId | Select-Object -Unique)
    }

    It 'ends with LinerUnknownLeadStatus when no status matches -Status' {
        { Get-LinerLead -Status 'no-such-status' -ErrorAction Stop } | Should -Throw -ErrorId 'LinerUnknownLeadStatus,*'
    }

    It 'gives the exact total with -First, from the first page only' {
        Clear-LinerMockRequest $Mock
        $out = @(Get-LinerLead -OrderId 5001 -First 2 -IncludeTotalCount)
        $out[-1].ToString() | Should -BeExactly "Total count: $(@(Get-LinerLead -OrderId 5001).Count)"
    }
}

Describe 'Get-LinerCustomField' {
    It 'lists the fields of leads and of orders, by essence and title' {
        @(Get-LinerCustomField -Essence Leads).Essence | Select-Object -Unique | Should -Be 'leads'
        @(Get-LinerCustomField -Essence Orders).Essence | Select-Object -Unique | Should -Be 'orders'
        (Get-LinerCustomField -Essence Leads -Title Source).Choices.Code | Should -Be @('web', 'call', 'partner')
        @(Get-LinerCustomField).Count | Should -Be (@(Get-LinerCustomField -Essence Leads).Count + @(Get-LinerCustomField -Essence Orders).Count)
    }
}

Describe 'New-LinerLead: what is sent' {
    It 'sends only what each row gives: an empty cell is no value, the phone in E.164, leadType always' {
        $null = Connect-Store
        $created = @($Rows | New-LinerLead -OrderId 5001)
        $created.Count | Should -Be 3
        $posted = @(Get-Posted '*/v2/lead/create/')
        $bodies = $posted | Sort-Object { $_.Body.phone }
        $bodies[0].Body.Keys | Sort-Object | Should -Be @('leadType', 'name', 'orderId', 'phone', 'sourceComment')
        $bodies[0].Body.phone | Should -Be '+79991000001'
        $bodies[1].Body.Keys | Sort-Object | Should -Be @('leadType', 'name', 'orderId', 'phone', 'priority')
        $bodies[1].Body.phone | Should -Be '+79991000002'
        $bodies[1].Body.priority | Should -Be 3
        $bodies[2].Body.priority | Should -Be 0
        $bodies.Body.leadType | Select-Object -Unique | Should -Be 'straight'
    }

    It 'sends what the command line gives on purpose: 0, '''' and $false' {
        $null = Connect-Store
        $null = New-LinerLead -Phone '+79991000010' -OrderCode SALES -Priority 0 -SourceComment '' -LeadType Selection
        $body = (Get-Posted '*/v2/lead/create/')[0].Body
        $body.Keys | Sort-Object | Should -Be @('leadType', 'orderCode', 'phone', 'priority', 'sourceComment')
        $body.priority | Should -Be 0
        $body.sourceComment | Should -Be ''
        $body.leadType | Should -Be 'selection'
    }

    It 'sends a phone of another country as written: only 8 and ten digits is Russia''s national form' {
        $null = Connect-Store
        $null = New-LinerLead -Phone '+86 138 1234 5678' -OrderId 5001
        $null = New-LinerLead -Phone '8 (999) 100-00-20' -OrderId 5001
        @((Get-Posted '*/v2/lead/create/').Body.phone) | Should -Be @('+8613812345678', '+79991000020')
    }

    It 'turns a status code and custom field titles into ids before sending' {
        $null = Connect-Store
        $lead = New-LinerLead -Phone '+79991000011' -OrderId 5001 -Status new -CustomValue @{ City = 'Kazan'; 12 = 50000 }
        $body = (Get-Posted '*/v2/lead/create/')[0].Body
        $body.statusId | Should -Be 1
        $body.customValues['11'] | Should -Be 'Kazan'
        $body.customValues['12'] | Should -Be 50000
        $lead.Status | Should -Be 'new'
        $lead.CustomValues['City'] | Should -Be 'Kazan'
        (Get-LinerLead -Id $lead.Id).CustomValues['City'] | Should -Be 'Kazan'
    }

    It 'sends nothing for a row with an unknown status, a status of another category, or an unknown field, and names it' -TestCases @(
        @{ Case = 'unknown status'; Parameters = @{ Status = 'no-such' }; ErrorId = 'LinerUnknownLeadStatus'; Names = "no lead status 'no-such'" }
        @{ Case = 'qualified status'; Parameters = @{ Status = 'qualified' }; ErrorId = 'LinerUnknownLeadStatus'; Names = 'in-progress' }
        @{ Case = 'unknown field'; Parameters = @{ CustomValue = @{ Colour = 'red' } }; ErrorId = 'LinerUnknownCustomField'; Names = "'Colour'" }
    ) {
        $null = Connect-Store
        $created = @(New-LinerLead -Phone '+79991000012' -OrderId 5001 @Parameters -ErrorVariable failures -ErrorAction SilentlyContinue)
        $created | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $failures[0].Exception.Message | Should -BeLike "*$Names*"
        @(Get-Posted) | Should -BeNullOrEmpty
    }

    It '-WhatIf sends no POST and says what each row would create' {
        $store = Connect-Store
        $csv = Join-Path $TestDrive 'whatif.csv'
        $Rows | Export-Csv $csv -NoTypeInformation
        $result = Invoke-ModuleScript -Script "Connect-Liner -ApiHost '$($store.ApiHost)' -ApiKey $("(ConvertTo-SecureString '$TestKeyText' -AsPlainText -Force)"); Import-Csv '$csv' | New-LinerLead -OrderId 5001 -WhatIf"
        @(Get-Posted) | Should -BeNullOrEmpty
        $result.Output | Should -Match 'Row 1 \(\+79991000001\) in order 5001'
        $result.Output | Should -Match 'Row 3 \(\+79991000003\) in order 5001'
    }

    It 'takes the new id as a bare number or as {"id": n}' -TestCases @(@{ Tokens = '' }, @{ Tokens = 'create-id=object' }) {
        $null = Connect-Store $Tokens
        $lead = New-LinerLead -Phone '+79991000013' -OrderId 5001
        $lead.Id | Should -BeGreaterThan 9029
        (Get-LinerLead -Id $lead.Id).Phone | Should -Be '+79991000013'
    }
}

Describe 'New-LinerLead: many rows' {
    It 'writes the created leads in input order, with at most -ThrottleLimit creates at once' {
        $null = Connect-Store 'create-delay=150'
        $rows = 1..12 | ForEach-Object { [pscustomobject]@{ phone = '+7999200{0:0000}' -f $_; name = "Row $_" } }
        $created = @($rows | New-LinerLead -OrderId 5001 -ThrottleLimit 3)
        $created.Name | Should -Be @($rows.name)
        # Each create takes 150 ms: three at once, never a fourth.
        $times = @(Get-Posted '*/v2/lead/create/' | ForEach-Object At | Sort-Object)
        $times.Count | Should -Be 12
        for ($i = 3; $i -lt $times.Count; $i++) { ($times[$i] - $times[$i - 3]).TotalMilliseconds | Should -BeGreaterOrEqual 100 }
    }

    It 'reports a failed row as one error carrying the row, and the other rows go on' {
        $null = Connect-Store
        $rows = ConvertFrom-CsvText @'
phone,name
+79993000001,First
not-a-phone,Broken
+79993000003,Third
'@
        $created = @($rows | New-LinerLead -OrderId 5001 -ErrorVariable failures -ErrorAction SilentlyContinue)
        $created.Name | Should -Be @('First', 'Third')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerLeadNotCreated,*'
        $failures[0].Exception.Message | Should -Match '^Row 2 \(not-a-phone\) was not created: .*phone'
        $failures[0].TargetObject | Should -Be $rows[1]
        # The failed rows export as they came, and can be sent again.
        $path = Join-Path $TestDrive 'failed.csv'
        $failures.TargetObject | Export-Csv $path -NoTypeInformation
        (Import-Csv $path).name | Should -Be 'Broken'
    }

    It 'writes each row''s outcome in input order, however soon each answer came' {
        # The refused row is answered at once, the creates around it 400 ms later, and the rows come
        # 150 ms apart (a long file read as it is sent): the refusal is known while row 1 waits, and
        # still comes after it.
        $null = Connect-Store 'create-delay=400'
        $rows = ConvertFrom-CsvText @'
phone,name
+79993100001,Slow first
not-a-phone,Refused at once
+79993100003,Third
'@
        $out = @($rows | ForEach-Object { $_; Start-Sleep -Milliseconds 150 } | New-LinerLead -OrderId 5001 -ThrottleLimit 3 -ErrorAction Continue 2>&1)
        $out.Count | Should -Be 3
        $out[0].Name | Should -Be 'Slow first'
        $out[1] | Should -BeOfType ([System.Management.Automation.ErrorRecord])
        $out[1].TargetObject | Should -Be $rows[1]
        $out[2].Name | Should -Be 'Third'
    }

    It 'carries the row in a LinerLeadMayExist too, so the rows to check export as they came' {
        $null = Connect-Store 'create-then=503/times=1'
        $rows = ConvertFrom-CsvText @'
phone,name
+79993200001,Maybe created
+79993200002,Second
'@
        $created = @($rows | New-LinerLead -OrderId 5001 -ThrottleLimit 1 -ErrorVariable failures -ErrorAction SilentlyContinue)
        $created.Name | Should -Be @('Second')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerLeadMayExist,*'
        $failures[0].Exception.Message | Should -Match '^Row 1 \(\+79993200001\)'
        $failures[0].TargetObject | Should -Be $rows[0]
        $path = Join-Path $TestDrive 'check.csv'
        $failures | Where-Object { $_.FullyQualifiedErrorId -like 'LinerLeadMayExist*' } | ForEach-Object TargetObject | Export-Csv $path -NoTypeInformation
        (Import-Csv $path).name | Should -Be 'Maybe created'
    }

    It 'has -ThrottleLimit 16 creates on their way at once in a fresh pwsh (workers that blocked the thread pool would trickle)' {
        # Workers blocking on the thread pool's own threads wait for the pool to grow: their creates
        # reach the server one by one over seconds. On threads of their own, all 16 are on their way
        # before the first answer (each create is held 1 s) could have come back.
        $store = Connect-Store 'create-delay=1000'
        $result = Invoke-ModuleScript -Environment @{ DOTNET_PROCESSOR_COUNT = '2' } -Script @"
Connect-Liner -ApiHost '$($store.ApiHost)' -ApiKey (ConvertTo-SecureString '$TestKeyText' -AsPlainText -Force) -SkipValidation
`$rows = 1..16 | ForEach-Object { [pscustomobject]@{ phone = '+7999330{0:0000}' -f `$_ } }
@(`$rows | New-LinerLead -OrderId 5001 -ThrottleLimit 16).Count
"@
        $result.Output.Trim() | Should -Be '16'
        $arrived = @(Get-Posted '*/v2/lead/create/' | ForEach-Object At | Sort-Object)
        $arrived.Count | Should -Be 16
        ($arrived[-1] - $arrived[0]).TotalMilliseconds | Should -BeLessThan 1000
    }

    It 'skips rows whose phone the order has (also written another way), reading the order''s leads once' {
        $null = Connect-Store
        $rows = ConvertFrom-CsvText @'
phone,name
8 (999) 000-00-01,Existing
+79994000001,New
+7 999 400-00-01,Same again
'@
        $created = @($rows | New-LinerLead -OrderId 5001 -SkipExisting -WarningVariable warnings -WarningAction SilentlyContinue)
        $created.Name | Should -Be @('New')
        @(Get-Posted '*/v2/lead/create/').Count | Should -Be 1
        @(Get-LinerMockRequest $Mock | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/v2/lead/' }).Count | Should -Be 1
        $warnings | Should -Match '^2 of 3 rows were not sent'
    }

    It 'with -Async uses create-async, writes nothing, and warns that creation is only accepted' {
        $null = Connect-Store
        $out = @($Rows | New-LinerLead -OrderId 5001 -Async -WarningVariable warnings -WarningAction SilentlyContinue)
        $out | Should -BeNullOrEmpty
        @(Get-Posted '*/v2/lead/create-async/').Count | Should -Be 3
        @(Get-Posted '*/v2/lead/create/').Count | Should -Be 0
        $warnings | Should -Match 'accepted.*no ids'
    }
}

Describe 'New-LinerLead: Ctrl+C' {
    It 'stops an import cleanly: no create is sent after Stop, and the creates already sent are the only ones made' {
        $store = Connect-Store 'create-delay=400'
        $rows = 1..40 | ForEach-Object { [pscustomobject]@{ phone = '+7999700{0:0000}' -f $_ } }
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$ModulePath'; `$args[1] | New-LinerLead -OrderId 5001 -ThrottleLimit 2 -Connection `$args[0]").AddArgument($store).AddArgument($rows)
            $async = $ps.BeginInvoke()
            # Wait for the first creates to reach the mock (not for a clock).
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while (@(Get-Posted '*/v2/lead/create/').Count -lt 2 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $ps.Stop()
            $async.IsCompleted | Should -BeTrue
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
        $sent = @(Get-Posted '*/v2/lead/create/').Count
        $sent | Should -BeLessThan 40
        # The mock finishes the creates that reached it; nothing more arrives afterwards.
        Start-Sleep -Milliseconds 600
        @(Get-Posted '*/v2/lead/create/').Count | Should -Be $sent
        @(Get-LinerLead -Phone '+7999700*' -Connection $store).Count | Should -Be $sent
    }
}

Describe 'New-LinerLead: -ErrorAction Stop' {
    It 'writes a row refused before sending (an unknown status) in its turn among the outcomes' {
        $null = Connect-Store 'create-delay=300'
        $rows = @(
            [pscustomobject]@{ phone = '+79993500001'; name = 'First' }
            [pscustomobject]@{ phone = '+79993500002'; name = 'Refused'; status = 'no-such' }
            [pscustomobject]@{ phone = '+79993500003'; name = 'Third' }
        )
        $all = @($rows | New-LinerLead -OrderId 5001 -ErrorAction Continue 2>&1)
        $all.Count | Should -Be 3
        $all[0].Name | Should -Be 'First'
        $all[1] | Should -BeOfType ([System.Management.Automation.ErrorRecord])
        $all[1].FullyQualifiedErrorId | Should -BeLike 'LinerUnknownLeadStatus,*'
        $all[1].TargetObject | Should -Be $rows[1]
        $all[2].Name | Should -Be 'Third'
    }

    It 'sends no row after a failed row stopped the import' {
        # Row 1 is refused after 300 ms, while the next rows wait in the queue: once its error has ended
        # the statement, no worker may start another row (no one would hear of its outcome).
        $null = Connect-Store 'create-then=400/times=1/create-delay=300'
        $rows = 1..6 | ForEach-Object { [pscustomobject]@{ phone = '+7999340{0:0000}' -f $_ } }
        { $rows | New-LinerLead -OrderId 5001 -ThrottleLimit 1 -ErrorAction Stop } | Should -Throw -ErrorId 'LinerLeadNotCreated,*'
        $ended = Get-Date
        # A row queued behind the one in flight would reach the mock within a create's 300 ms.
        Start-Sleep -Milliseconds 800
        @(Get-Posted '*/v2/lead/create/').Count | Should -BeGreaterThan 0
        @(Get-Posted '*/v2/lead/create/' | Where-Object At -GT $ended.AddMilliseconds(200)) | Should -BeNullOrEmpty
    }
}

Describe 'New-LinerLead: never twice' {
    It 'retries a 429, which created nothing, after its Retry-After, and holds the other workers meanwhile' {
        $null = Connect-Store 'status=429/times=1/retry-after=1/create-delay=200'
        $rows = 1..6 | ForEach-Object { [pscustomobject]@{ phone = '+7999500000{0}' -f $_ } }
        $created = @($rows | New-LinerLead -OrderId 5001 -ThrottleLimit 2)
        $created.Count | Should -Be 6
        @(Get-LinerLead -Phone '+79995*').Count | Should -Be 6
        $posts = @(Get-Posted '*/v2/lead/create/' | Sort-Object At)
        $posts.Count | Should -Be 7
        # The first POST met the 429 and the second was already on its way; every later one waited
        # the second that the 429 asked for, the worker that was free too.
        $posts[2..6] | ForEach-Object { ($_.At - $posts[0].At).TotalMilliseconds | Should -BeGreaterOrEqual 900 }
    }

    It 'never sends a create again after <Case>, and says the lead may exist and how to check' -TestCases @(
        @{ Case = 'a 503 after the create was done'; Tokens = 'create-then=503'; TimeoutSec = 15 }
        @{ Case = 'a timeout'; Tokens = 'create-delay=3000'; TimeoutSec = 1 }
    ) {
        $store = Connect-Store $Tokens
        $connection = Connect-Liner -ApiHost $store.ApiHost -ApiKey $TestKey -TimeoutSec $TimeoutSec -MaximumRetryCount 3 -PassThru
        $created = @(New-LinerLead -Phone '+79996000001' -OrderId 5001 -Connection $connection -ErrorVariable failures -ErrorAction SilentlyContinue)
        $created | Should -BeNullOrEmpty
        @(Get-Posted '*/v2/lead/create/').Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerLeadMayExist,*'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match "Get-LinerLead -OrderId 5001 -Phone '\+79996000001'"
        @(Get-LinerLead -Phone '+79996000001' -Connection $connection).Count | Should -Be 1
    }
}

Describe 'Set-LinerLead' {
    It 'sends only the fields given, for each piped lead: never what the lead already holds' {
        $null = Connect-Store
        $leads = @(Get-LinerLead -OrderId 5001 -Status new -First 3)
        $leads | Set-LinerLead -Status rejected
        $posts = @(Get-Posted '*/v2/lead/update/*')
        $posts.Count | Should -Be 3
        $posts.Path | ForEach-Object { $_ | Should -Match '/v2/lead/update/(\d+)/$' }
        foreach ($post in $posts) { $post.Body.Keys | Should -Be @('statusId'); $post.Body.statusId | Should -Be 3 }
        @(Get-LinerLead -Id $leads.Id).Status | Select-Object -Unique | Should -Be 'rejected'
    }

    It 'takes the lead and its fields from CSV rows, and clears a field given as '''' on the command line' {
        $null = Connect-Store
        $rows = ConvertFrom-CsvText @'
LeadId,Status,Name
9000,qualified,
9001,,Boris Renamed
'@
        $rows | Set-LinerLead
        $posts = @(Get-Posted '*/v2/lead/update/*' | Sort-Object Path)
        $posts[0].Body.Keys | Should -Be @('statusId')
        $posts[1].Body.Keys | Should -Be @('name')
        Clear-LinerMockRequest $Mock
        $changed = Set-LinerLead -Id 9000 -SourceComment '' -PassThru
        (Get-Posted '*/v2/lead/update/*')[0].Body.sourceComment | Should -Be ''
        $changed.SourceComment | Should -BeNullOrEmpty
        $changed.Status | Should -Be 'qualified'
    }

    It 'takes piped leads whatever fields they lack (no UTC offset, no lead type), and sends only what was given' {
        $null = Connect-Store
        $bare = New-LinerLead -Phone '+79998000001' -OrderId 5001
        Clear-LinerMockRequest $Mock
        Get-LinerLead -Id $bare.Id, 9000 | Set-LinerLead -Priority 2 -ErrorAction Stop
        @(Get-Posted '*/v2/lead/update/*').Body | ForEach-Object { $_.Keys | Should -Be @('priority') }
        Set-LinerLead -Id $bare.Id -UtcOffset 20 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerLeadNotUpdated,*'
        $failures[0].Exception.Message | Should -Match 'UtcOffset is 20, outside -12 to 14'
    }

    It 'changes the lead of each piped call (its LeadId, never the call''s own Id), and refuses a piped user' {
        $null = Connect-Store
        $calls = @(Get-LinerCall -OrderId 5001 -First 3 | Where-Object LeadId)
        $calls.Count | Should -BeGreaterThan 1
        $calls | Set-LinerLead -Priority 4
        $posts = @(Get-Posted '*/v2/lead/update/*')
        @($posts.Path | ForEach-Object { [long]($_ -replace '^.*/v2/lead/update/(\d+)/$', '$1') }) | Should -Be @($calls.LeadId)
        foreach ($post in $posts) { $post.Body.Keys | Should -Be @('priority') }
        Clear-LinerMockRequest $Mock
        Get-LinerUser -Id 701 | Set-LinerLead -Priority 4 -ErrorVariable failures -ErrorAction SilentlyContinue
        @(Get-Posted) | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerUnexpectedInput,*'
        $failures[0].Exception.Message | Should -Match '^Set-LinerLead takes leads or objects with a LeadId'
    }

    It 'copies piped leads into another order with New-LinerLead: every field they have' {
        $null = Connect-Store
        $copy = Get-LinerLead -Id 9000 | New-LinerLead -OrderId 5002
        $body = (Get-Posted '*/v2/lead/create/')[0].Body
        $body.orderId | Should -Be 5002
        $body.name | Should -Be (Get-LinerLead -Id 9000).Name
        $copy.OrderId | Should -Be 5002
    }

    It 'reports a lead that does not exist as LinerLeadNotFound and changes the others; -WhatIf sends nothing' {
        $null = Connect-Store
        Set-LinerLead -Id 1 -Priority 5 -ErrorVariable failures -ErrorAction SilentlyContinue
        [pscustomobject]@{ Id = 9002 } | Set-LinerLead -Priority 5
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerLeadNotFound,*'
        (Get-LinerLead -Id 9002).Priority | Should -Be 5
        Clear-LinerMockRequest $Mock
        Set-LinerLead -Id 9002 -Priority 7 -WhatIf
        @(Get-Posted) | Should -BeNullOrEmpty
    }
}
