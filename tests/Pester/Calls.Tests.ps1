# Runs over http and over https (see tests/Invoke-PesterTests.ps1).
param([ValidateSet('http', 'https')] [string] $Scheme = 'http')

# Calls, call records, recordings, statuses and number usage against the mock's sample calls: 120
# calls, one every 8 hours back from when the mock started, on every number but 105, 108, 110 and 112;
# four calls in five are answered and have a recording, every other recording on a second origin
# (localhost instead of 127.0.0.1), where the key must not go.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    # How many pages a paged list may ask for beyond the one being read (DESIGN.md: a bounded read-ahead).
    $ReadAhead = 6
    # Every call the mock has, read straight from it, to compare against.
    $All = @(1..2 | ForEach-Object {
            (Invoke-RestMethod -Headers @{ 'X-Api-Key' = $TestKeyText } "$($Mock.Url)/v2/call/?orderIds[]=5001&orderIds[]=5002&orderIds[]=5003&orderIds[]=5004&offset=$(($_ - 1) * 100)&limit=100").data.list
        })
    $Newest = [DateTimeOffset]::Parse($All[0].createdAt)

    # A script whose output is redirected, as a runbook or a scheduled task writes its log (80 wide,
    # no progress): a long read. (Every table at 80 columns: Views.Tests.ps1.)
    $key = "(ConvertTo-SecureString '$TestKeyText' -AsPlainText -Force)"
    $log = Invoke-ModuleScript -Script @"
Connect-Liner -ApiHost '$($Mock.Url)/page-delay=400' -ApiKey $key
'<<long-read>>'; (Get-LinerCall).Count; '<</long-read>>'
"@
    $RedirectedLog = @{ ExitCode = $log.ExitCode; Errors = $log.Errors }
    foreach ($part in @('long-read')) { $RedirectedLog[$part] = if ($log.Output -match "(?s)<<$part>>(.*)<</$part>>") { $Matches[1] } else { "no $part in: $($log.Output)" } }
}
AfterAll {
    Disconnect-Liner
    Stop-LinerMockApi $Mock
}

Describe 'Get-LinerCall' {
    BeforeEach {
        Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
        Clear-LinerMockRequest $Mock
    }

    It 'reads the calls of every order of the account when no order or lead is given, page by page' {
        $calls = @(Get-LinerCall)
        $calls.Count | Should -Be $All.Count
        $calls[0] | Should -BeOfType ([Liner.PowerShell.Call])
        $query = @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/call/').query
        $query.Count | Should -Be 2    # two pages of one batch of order ids
        [uri]::UnescapeDataString($query[0]) | Should -Match 'orderIds\[\]=5001&orderIds\[\]=5002&orderIds\[\]=5003&orderIds\[\]=5004&orderIds\[\]=5005'
    }

    It 'maps every documented field, durations as TimeSpan with the seconds kept' {
        $call = Get-LinerCall -Id 800000
        $raw = $All | Where-Object id -EQ 800000
        $call.SipEndpointId | Should -Be 101
        $call.FinishInitiator | Should -Be $raw.finishInitiator
        $call.Direction | Should -Be 'outgoing'
        $call.LeadId | Should -Be $raw.leadId
        $call.UserId | Should -Be 701
        $call.OrderId | Should -Be 5001
        $call.StatusCode | Should -Be 'success'
        $call.TalkTimeDurationSeconds | Should -Be $raw.talkTimeDurationSeconds
        $call.TalkTime | Should -Be ([timespan]::FromSeconds($raw.talkTimeDurationSeconds))
        $call.WaitTime | Should -Be ([timespan]::FromSeconds($raw.waitTimeDurationSeconds))
        $call.TotalDuration | Should -Be ([timespan]::FromSeconds($raw.totalDurationSeconds))
        $call.IsPredictive | Should -BeTrue
        $call.ClientPhone | Should -Be '+79161000000'
        $call.HasRecords | Should -BeTrue
        $call.CreatedAt | Should -BeOfType ([DateTimeOffset])
        $call.CreatedAt | Should -Be ([DateTimeOffset]::Parse($raw.createdAt))
    }

    It 'sends -After and -Before as createdAt[0] and createdAt[1] in ISO 8601 with the offset' {
        $after = $Newest.LocalDateTime.AddDays(-2).AddMinutes(-1)
        $before = $Newest.LocalDateTime.AddDays(-1).AddMinutes(-1)
        $calls = @(Get-LinerCall -After $after -Before $before)
        $calls.Count | Should -Be 3
        $query = [uri]::UnescapeDataString((Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/call/')[0].query)
        $query | Should -Match 'createdAt\[0\]=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d'
        $query | Should -Match 'createdAt\[1\]='
    }

    It 'sends <Parameter> to the server as <Name>' -TestCases @(
        @{ Parameter = 'OrderId'; Value = @(5002); Name = 'orderIds[]'; Where = { $_.orderId -eq 5002 } }
        @{ Parameter = 'LeadId'; Value = @(9003, 9004); Name = 'leadIds[]'; Where = { $_.leadId -in 9003, 9004 } }
        @{ Parameter = 'UserId'; Value = @(702); Name = 'userIds[]'; Where = { $_.userId -eq 702 } }
        @{ Parameter = 'StatusId'; Value = @(3); Name = 'statusIds[]'; Where = { $_.statusCode -eq 'busy' } }
    ) {
        $parameters = @{ $Parameter = $Value }
        @(Get-LinerCall @parameters | Get-Ids) | Should -Be @($All | Where-Object $Where | ForEach-Object id)
        [uri]::UnescapeDataString((Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/call/')[0].query) | Should -Match ([regex]::Escape("$Name=$($Value[0])"))
    }

    It 'filters -VirtualNumberId and -Direction here' {
        @(Get-LinerCall -VirtualNumberId 103, 107 | Get-Ids) | Should -Be @($All | Where-Object sipEndpointId -In 103, 107 | ForEach-Object id)
        @(Get-LinerCall -Direction incoming | Get-Ids) | Should -Be @($All | Where-Object direction -EQ 'incoming' | ForEach-Object id)
        [uri]::UnescapeDataString((Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/call/')[0].query) | Should -Not -Match 'sipEndpoint|direction'
    }

    It 'completes -Direction with incoming and outgoing' {
        $line = 'Get-LinerCall -Direction '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('incoming', 'outgoing')
    }

    It 'honours -First and -Skip' {
        @(Get-LinerCall -First 3 -Skip 2 | Get-Ids) | Should -Be @($All[2..4].id)
        @(Get-LinerCall -Skip ($All.Count - 2) | Get-Ids) | Should -Be @($All[-2..-1].id)
        @(Get-LinerCall -First 0).Count | Should -Be 0
    }

    It 'stops asking for pages once -First is met' {
        # 2,000 calls are 20 pages of 100: -First needs the first page, and the module may read a few
        # pages ahead (a bounded read-ahead), never the rest of the list.
        $connection = Connect-Test -Scenario 'calls=2000' -SkipValidation
        Clear-LinerMockRequest $Mock
        @(Get-LinerCall -Connection $connection -First 150 -Skip 3 | Get-Ids) | Should -Be @(800003..800152)
        Start-Sleep -Milliseconds 300    # pages already on their way arrive
        @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/call/').Count | Should -BeLessOrEqual (2 + $ReadAhead)
    }

    It 'stops asking for pages when the pipeline has had enough (Select-Object -First)' {
        $connection = Connect-Test -Scenario 'calls=2000' -SkipValidation
        Clear-LinerMockRequest $Mock
        @(Get-LinerCall -Connection $connection | Select-Object -First 2 | Get-Ids) | Should -Be @(800000, 800001)
        Start-Sleep -Milliseconds 300
        @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/call/').Count | Should -BeLessOrEqual (1 + $ReadAhead)
        # The connection serves the next call.
        (Get-LinerCall -Connection $connection -Id 800004).Id | Should -Be 800004
    }

    It 'writes the exact total with -IncludeTotalCount' {
        $total = Get-LinerCall -IncludeTotalCount | Select-Object -Last 1
        $total.ToString() | Should -BeExactly "Total count: $($All.Count)"
        $total.PSObject.BaseObject | Should -BeExactly ([uint64]$All.Count)
        $total.Accuracy | Should -Be 1.0
    }

    It 'writes the total the API sent with -IncludeTotalCount -First, though it stopped early' {
        $written = @(Get-LinerCall -IncludeTotalCount -First 3)
        $written.Count | Should -Be 4
        $written[-1].ToString() | Should -BeExactly "Total count: $($All.Count)"
        $written[-1].PSObject.BaseObject | Should -BeExactly ([uint64]$All.Count)
    }

    It 'reports an -Id the account lacks as a non-terminating LinerCallNotFound' {
        $calls = @(Get-LinerCall -Id 800001, 1 -ErrorVariable failures -ErrorAction SilentlyContinue)
        @($calls | Get-Ids) | Should -Be @(800001)
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerCallNotFound,*'
    }

    It 'batches order ids so no URL grows past a few kilobytes' {
        $connection = Connect-Test -Scenario 'count=250' -SkipValidation    # 250 generated orders
        Clear-LinerMockRequest $Mock
        $null = @(Get-LinerCall -Connection $connection)
        $queries = @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/call/').query
        ($queries | Measure-Object Length -Maximum).Maximum | Should -BeLessThan 4096
        $batches = @($queries | ForEach-Object { ([regex]::Matches([uri]::UnescapeDataString($_), 'orderIds\[\]=(\d+)')).Count } )
        ($batches | Measure-Object -Maximum).Maximum | Should -Be 100
        @($queries | ForEach-Object { [regex]::Matches([uri]::UnescapeDataString($_), 'orderIds\[\]=(\d+)') | ForEach-Object { $_.Groups[1].Value } } | Select-Object -Unique).Count | Should -Be 250
    }

    It 'shows progress on a long read, and none of it in redirected output' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$ModulePath'; Connect-Liner -ApiHost '$($Mock.Url)/page-delay=400' -ApiKey `$args[0]; Get-LinerCall").AddArgument($TestKey)
            $calls = $ps.Invoke()
            $calls.Count | Should -Be $All.Count
            @($ps.Streams.Progress | Where-Object StatusDescription -Match "^\d+ of $($All.Count) calls").Count | Should -BeGreaterThan 0
        }
        finally { $ps.Dispose() }
        $RedirectedLog.ExitCode | Should -Be 0
        $RedirectedLog['long-read'].Trim() | Should -Be "$($All.Count)"
        $RedirectedLog['long-read'] | Should -Not -Match 'calls'
    }
}

Describe 'Get-LinerCallRecord' {
    BeforeEach { Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey }

    It 'lists the records of a call, noting the call, with every field' {
        $record = Get-LinerCallRecord -CallId 800000
        $record | Should -BeOfType ([Liner.PowerShell.CallRecord])
        $record.Id | Should -Be 300000
        $record.CallId | Should -Be 800000
        $record.UserId | Should -Be 701
        $record.LeadId | Should -Be 9000
        $record.IsTransfer | Should -BeTrue
        $record.Duration | Should -Be ([timespan]::FromSeconds($record.DurationSeconds))
        $record.FileUrl | Should -BeOfType ([uri])
        $record.FileUrl.AbsolutePath | Should -Be '/files/300000.mp3'
        $record.Summary | Should -Match 'winter plan'
        $record.CreatedAt | Should -BeOfType ([DateTimeOffset])
    }

    It 'takes piped calls as calls: Get-LinerCall | Where HasRecords | Get-LinerCallRecord' {
        $calls = @(Get-LinerCall -VirtualNumberId 101 | Where-Object HasRecords)
        $records = @($calls | Get-LinerCallRecord)
        $records.Count | Should -Be $calls.Count
        @($records.CallId) | Should -Be @($calls.Id)
    }

    It 'asks only for answering-machine records with -AnsweringMachine' {
        Clear-LinerMockRequest $Mock
        $records = @(Get-LinerCallRecord -AnsweringMachine)
        $records.Count | Should -BeGreaterThan 0
        $records | ForEach-Object { $_.isAmd | Should -BeTrue }
        (Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/call-record/')[0].query | Should -Match 'isAmd=1'
    }

    It 'looks records up by id, and reports a missing one as LinerCallRecordNotFound' {
        $records = @(Get-LinerCallRecord -Id 300002, 1 -ErrorVariable failures -ErrorAction SilentlyContinue)
        @($records | Get-Ids) | Should -Be @(300002)
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerCallRecordNotFound,*'
    }

    It 'honours -First, -Skip and -IncludeTotalCount, the total exact' {
        $records = @(Get-LinerCallRecord)
        $records.Count | Should -Be @($All | Where-Object hasRecords).Count
        @(Get-LinerCallRecord -First 4 | Get-Ids) | Should -Be @($records[0..3].Id)
        @(Get-LinerCallRecord -Skip 2 -First 2 | Get-Ids) | Should -Be @($records[2..3].Id)
        $total = Get-LinerCallRecord -IncludeTotalCount | Select-Object -Last 1
        $total.ToString() | Should -BeExactly "Total count: $($records.Count)"
        $total.PSObject.BaseObject | Should -BeExactly ([uint64]$records.Count)
    }

    It 'writes nothing with -First 0' {
        @(Get-LinerCallRecord -First 0).Count | Should -Be 0
    }

    It 'writes the total the API sent with -IncludeTotalCount -First, though it stopped early' {
        $written = @(Get-LinerCallRecord -IncludeTotalCount -First 2)
        $written.Count | Should -Be 3
        $written[-1].ToString() | Should -BeExactly "Total count: $(@($All | Where-Object hasRecords).Count)"
    }

    It 'stops asking for pages once -First is met' {
        $connection = Connect-Test -Scenario 'calls=2000' -SkipValidation    # 1,600 records: 16 pages
        Clear-LinerMockRequest $Mock
        @(Get-LinerCallRecord -Connection $connection -First 150 -Skip 3).Count | Should -Be 150
        Start-Sleep -Milliseconds 300
        @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/call-record/').Count | Should -BeLessOrEqual (2 + $ReadAhead)
    }

    It 'stops asking for pages when the pipeline has had enough (Select-Object -First)' {
        $connection = Connect-Test -Scenario 'calls=2000' -SkipValidation    # 1,600 records: 16 pages
        Clear-LinerMockRequest $Mock
        @(Get-LinerCallRecord -Connection $connection | Select-Object -First 2).Count | Should -Be 2
        Start-Sleep -Milliseconds 300
        @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/v2/call-record/').Count | Should -BeLessOrEqual (1 + $ReadAhead)
    }
}

Describe 'Save-LinerCallRecord' {
    BeforeEach {
        Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
        $Folder = Join-Path $TestDrive "save-$([guid]::NewGuid().ToString('n').Substring(0, 6))"
        $Records = @(Get-LinerCallRecord -First 6)
        Clear-LinerMockRequest $Mock
    }

    It 'saves each recording whole, named so names sort by time and never collide, and writes the files with -PassThru' {
        $files = @($Records | Save-LinerCallRecord -Destination $Folder -PassThru)
        $files.Count | Should -Be 6
        $files[0] | Should -BeOfType ([System.IO.FileInfo])
        foreach ($record in $Records) {
            # Listed without -CallId, a record does not know its call (the API's items do not say): 0 stands in.
            $name = '{0:yyyyMMdd\THHmmss\Z}_{1}_{2}.mp3' -f $record.CreatedAt.UtcDateTime, ($record.CallId ?? 0), $record.Id
            $file = Join-Path $Folder $name
            Test-Path $file | Should -BeTrue -Because $name
            (Get-Item $file).Length | Should -Be 4096
        }
        @(Get-ChildItem $Folder -Force | Where-Object Name -Like '*.partial').Count | Should -Be 0
    }

    It 'sends the key only to the connection''s own origin' {
        $null = $Records | Save-LinerCallRecord -Destination $Folder
        $downloads = @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/files/*')
        $downloads.Count | Should -Be 6
        foreach ($download in $downloads) {
            $recordId = [long]([regex]::Match($download.path, '(\d+)\.mp3').Groups[1].Value)
            $ownOrigin = ($Records | Where-Object Id -EQ $recordId).FileUrl.Host -eq '127.0.0.1'
            $download.apiKeyPresent | Should -Be $ownOrigin -Because "record $recordId"
        }
        @($downloads | Where-Object { -not $_.apiKeyPresent }).Count | Should -BeGreaterThan 0
    }

    It 'skips files that exist unless -Force' {
        $null = $Records | Save-LinerCallRecord -Destination $Folder
        $first = Get-ChildItem $Folder | Select-Object -First 1
        Set-Content $first.FullName 'mine'
        Clear-LinerMockRequest $Mock
        $null = $Records | Save-LinerCallRecord -Destination $Folder
        @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/files/*').Count | Should -Be 0
        (Get-Content $first.FullName) | Should -Be 'mine'
        $null = $Records | Save-LinerCallRecord -Destination $Folder -Force
        (Get-Item $first.FullName).Length | Should -Be 4096
    }

    It 'refuses a destination that cannot be made with one clear error' {
        $file = Join-Path $TestDrive 'a-file'
        Set-Content $file 'x'
        $failure = { $Records | Save-LinerCallRecord -Destination (Join-Path $file 'sub') } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerDestinationUnavailable,*'
        $failure.ErrorDetails.RecommendedAction | Should -Match 'Destination'
        @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/files/*').Count | Should -Be 0
    }

    It '-WhatIf says what would be saved, and writes nothing' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$ModulePath'; `$args[0] | Save-LinerCallRecord -Destination '$Folder' -Connection `$args[1] -WhatIf").AddArgument($Records).AddArgument((Get-LinerConnection))
            $null = $ps.Invoke()
            $ps.Streams.Error | Should -BeNullOrEmpty
        }
        finally { $ps.Dispose() }
        Test-Path $Folder | Should -BeFalse
        @(Get-LinerMockRequest $Mock | Where-Object path -Like '*/files/*').Count | Should -Be 0
    }

    It 'reports a recording that fails as a non-terminating error naming the record, leaves no partial file, and saves the others' {
        $broken = $Records[1].Id
        $cut = $Records[2].Id
        $connection = Connect-Test -Scenario "file-fail=$broken/file-reset=$cut" -MaximumRetryCount 0
        $records = @(Get-LinerCallRecord -First 6 -Connection $connection)
        $files = @($records | Save-LinerCallRecord -Destination $Folder -Connection $connection -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue)
        $files.Count | Should -Be 4
        $failures.Count | Should -Be 2
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'LinerDownloadFailed,*' }
        ($failures.Exception.Message -join "`n") | Should -Match "Call record $broken was not saved"
        ($failures.Exception.Message -join "`n") | Should -Match "Call record $cut was not saved"
        @(Get-ChildItem $Folder -Force).Count | Should -Be 4
    }

    It 'leaves no partial file when stopped (Ctrl+C)' {
        # The mock sends half of the first recording and then holds the download open until the client
        # goes away: the stop always lands mid-download.
        $held = $Records[0].Id
        $connection = Connect-Test -Scenario "file-hold=$held" -TimeoutSec 30
        $records = @(Get-LinerCallRecord -First 2 -Connection $connection)
        Clear-LinerMockRequest $Mock
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$ModulePath'; `$args[0] | Save-LinerCallRecord -Destination '$Folder' -Connection `$args[1]").AddArgument($records).AddArgument($connection)
            $async = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            $partial = { @(Get-ChildItem $Folder -Force -Filter '*.partial' -ErrorAction Ignore) }
            while (-not ((& $partial) -and @(Get-LinerMockRequest $Mock | Where-Object path -Like "*/files/$held.mp3")) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            @(& $partial).Count | Should -Be 1 -Because 'the download of the held recording is under way'
            $async.IsCompleted | Should -BeFalse
            $ps.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
        # The download ends on its own thread as the stop reaches it: give it a moment to clean up.
        $deadline = [DateTime]::UtcNow.AddSeconds(5)
        while ((& $partial) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        @(Get-ChildItem $Folder -Force -ErrorAction Ignore | Where-Object Name -Like '*.partial').Count | Should -Be 0
        @(Get-ChildItem $Folder -Force -ErrorAction Ignore | Where-Object Name -Like "*_$held.mp3").Count | Should -Be 0
    }
}

Describe 'Get-LinerCallStatus and Get-LinerLeadStatus' {
    BeforeEach { Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey }

    It 'lists call statuses with every documented field, filtered by -Code and -Title (wildcards)' {
        $statuses = @(Get-LinerCallStatus)
        $statuses.Count | Should -Be 4
        $callback = Get-LinerCallStatus -Code 'call*'
        $callback.Id | Should -Be 4
        $callback.Title | Should -Be 'Call back'
        $callback.Description | Should -Match 'call back'
        $callback.Sort | Should -Be 40
        $callback.CommentRequired | Should -BeTrue
        $callback.IsAvailableForAi | Should -BeFalse
        $callback.AgentCallAvailability | Should -Be 'after_call_transfer'
        $callback.PlanningTimeRequired | Should -BeTrue
        $callback.IsSystem | Should -BeFalse
        (Get-LinerCallStatus -Code success).LeadStatusCode | Should -Be 'qualified'
        @(Get-LinerCallStatus -Title '*answer*').Code | Should -Be @('no_answer')
    }

    It 'lists lead statuses with every documented field, filtered by -Code, -Title and -Category' {
        @(Get-LinerLeadStatus).Count | Should -Be 3
        $rejected = Get-LinerLeadStatus -Category disqualified
        $rejected.Code | Should -Be 'rejected'
        $rejected.Title | Should -Be 'Not interested'
        $rejected.Sort | Should -Be 30
        $rejected.Color | Should -Be '#f44336'
        $rejected.IsSystem | Should -BeFalse
        @(Get-LinerLeadStatus -Code 'q*' -Title 'Qual*').Id | Should -Be @(2)
    }

    It 'falls back to the singular path once when the plural answers 404' {
        $connection = Connect-Test -Scenario 'singular' -SkipValidation
        Clear-LinerMockRequest $Mock
        @(Get-LinerCallStatus -Connection $connection).Count | Should -Be 4
        @(Get-LinerLeadStatus -Connection $connection).Count | Should -Be 3
        (Get-LinerMockRequest $Mock).path | Should -Be @('/singular/v2/call-statuses/', '/singular/v2/call-status/', '/singular/v2/lead-statuses/', '/singular/v2/lead-status/')
    }
}

Describe 'Get-LinerVirtualNumberUsage' {
    BeforeEach { Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey }

    It 'writes one usage per number of the account, numbers without calls included' {
        $usage = @(Get-LinerVirtualNumberUsage -After (Get-Date).AddDays(-100))
        @($usage.VirtualNumberId) | Should -Be @($SampleNumbers.id)
        $usage[0] | Should -BeOfType ([Liner.PowerShell.VirtualNumberUsage])
        @($usage | Where-Object Calls -EQ 0 | ForEach-Object VirtualNumberId) | Should -Be @(105, 108, 110, 112)
        ($usage | Where-Object VirtualNumberId -EQ 105).LastCallAt | Should -BeNullOrEmpty
    }

    It 'counts calls, directions, talk time and the last call of a number as the API has them' {
        $after = $Newest.LocalDateTime.AddDays(-20)
        $usage = Get-LinerVirtualNumberUsage -After $after -Id 101
        $calls = @($All | Where-Object { $_.sipEndpointId -eq 101 -and [DateTimeOffset]::Parse($_.createdAt) -ge [DateTimeOffset]$after })
        $usage.Calls | Should -Be $calls.Count
        $usage.IncomingCalls | Should -Be @($calls | Where-Object direction -EQ 'incoming').Count
        $usage.OutgoingCalls | Should -Be @($calls | Where-Object direction -EQ 'outgoing').Count
        $usage.TalkTime | Should -Be ([timespan]::FromSeconds(($calls | Measure-Object talkTimeDurationSeconds -Sum).Sum))
        $usage.LastCallAt | Should -Be ([DateTimeOffset]::Parse($calls[0].createdAt))
        $usage.Title | Should -Be 'Moscow office'
        $usage.Phone | Should -Be '+74951234567'
        $usage.After | Should -Be ([DateTimeOffset]$after)
    }

    It 'counts only the calls before -Before' {
        $before = $Newest.LocalDateTime.AddDays(-10)
        $usage = Get-LinerVirtualNumberUsage -After (Get-Date).AddDays(-100) -Before $before -Id 101
        $usage.Calls | Should -Be @($All | Where-Object { $_.sipEndpointId -eq 101 -and [DateTimeOffset]::Parse($_.createdAt) -lt [DateTimeOffset]$before }).Count
        $usage.Before | Should -Be ([DateTimeOffset]$before)
    }

    It 'takes numbers from the pipeline' {
        $usage = @(Get-LinerVirtualNumber -ConnectionType sip-* | Get-LinerVirtualNumberUsage -After (Get-Date).AddDays(-100))
        @($usage.VirtualNumberId) | Should -Be @(106, 107, 108, 111)
    }

    It 'answers the headline question in one line' {
        @(Get-LinerVirtualNumberUsage -After (Get-Date).AddDays(-30) | Where-Object Calls -EQ 0).VirtualNumberId | Should -Contain 105
    }
}

Describe 'Views of calls, records, statuses and usage' {
    It 'come back as themselves after Export-Clixml' {
        Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
        $path = Join-Path $TestDrive 'calls.xml'
        @(Get-LinerCall -First 2) + @(Get-LinerCallRecord -First 1) + @(Get-LinerVirtualNumberUsage -After (Get-Date).AddDays(-30) -Id 101) | Export-Clixml $path
        $back = @(Import-Clixml $path)
        $back[0] | Should -BeOfType ([Liner.PowerShell.Call])
        $back[0].TalkTime | Should -BeOfType ([timespan])
        $back[2] | Should -BeOfType ([Liner.PowerShell.CallRecord])
        $back[2].FileUrl | Should -BeOfType ([uri])
        $back[3] | Should -BeOfType ([Liner.PowerShell.VirtualNumberUsage])
    }
}
