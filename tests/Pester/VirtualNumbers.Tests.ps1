# Runs over http and over https (see tests/Invoke-PesterTests.ps1).
param([ValidateSet('http', 'https')] [string] $Scheme = 'http')

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
    function Expected-Ids([scriptblock] $Where) { @($SampleNumbers | Where-Object $Where | ForEach-Object { [long]$_.id }) }
}
AfterAll {
    Disconnect-Liner
    Stop-LinerMockApi $Mock
}

Describe 'Get-LinerVirtualNumber output' {
    BeforeAll {
        $numbers = @(Get-LinerVirtualNumber)
    }

    It 'writes one typed object per number of the account, in the API order' {
        $numbers.Count | Should -Be $SampleNumbers.Count
        $numbers | ForEach-Object { $_ | Should -BeOfType ([Liner.PowerShell.VirtualNumber]) }
        $numbers.Id | Should -Be ([long[]]$SampleNumbers.id)
        $numbers[0].PSObject.TypeNames[0] | Should -Be 'Liner.PowerShell.VirtualNumber'
    }

    It 'maps every documented field of number <Id>' -TestCases @(
        @{ Id = 101 }, @{ Id = 105 }, @{ Id = 106 }, @{ Id = 108 }, @{ Id = 110 }
    ) {
        $expected = $SampleNumbers | Where-Object id -EQ $Id
        $number = $numbers | Where-Object Id -EQ $Id
        $number.Id | Should -BeOfType ([long])
        $number.Title | Should -BeExactly $expected.title
        $number.OrderId | Should -Be $expected.orderId
        $number.ConnectionType | Should -BeExactly $expected.connectionType
        $number.IsDefault | Should -Be $expected.isDefault
        $number.Incoming | Should -Be $expected.incoming
        $number.Outgoing | Should -Be $expected.outgoing
        $number.Channels | Should -BeOfType ([int])
        $number.Channels | Should -Be $expected.channels
        foreach ($key in $expected.params.PSObject.Properties.Name) {
            $number.Params.$key | Should -Be $expected.params.$key
        }
        @($number.Params.Keys) | Should -Be @($expected.params.PSObject.Properties.Name)
    }

    It 'has OrderId as a nullable long, null when unassigned' {
        ($numbers | Where-Object Id -EQ 105).OrderId | Should -BeNullOrEmpty
        ($numbers | Where-Object Id -EQ 101).OrderId | Should -BeOfType ([long])
    }

    It 'has Phone from params.phone for pstn numbers and null for SIP numbers' {
        ($numbers | Where-Object Id -EQ 103).Phone | Should -BeExactly '+79001234567'
        ($numbers | Where-Object Id -EQ 106).Phone | Should -BeNullOrEmpty
    }

    It 'reads params case-insensitively and keeps every SIP key' {
        $sip = $numbers | Where-Object Id -EQ 106
        $sip.Params.LOGIN | Should -Be 'sip1001'
        $sip.Params.port | Should -Be 5060
        $sip.Params.Keys | Should -Contain 'transport'
        ($numbers | Where-Object Id -EQ 108).Params.codecs | Should -Be @('PCMA', 'PCMU')
    }

    It 'has Direction <Direction> for number <Id>' -TestCases @(
        @{ Id = 101; Direction = 'Both' }, @{ Id = 102; Direction = 'Incoming' }, @{ Id = 104; Direction = 'Outgoing' }, @{ Id = 105; Direction = 'None' }
    ) {
        $number = $numbers | Where-Object Id -EQ $Id
        # A name, so it compares, prints and converts to JSON the same everywhere.
        $number.Direction | Should -BeOfType ([string])
        $number.Direction | Should -BeExactly $Direction
        $number.Direction -eq $Direction.ToLower() | Should -BeTrue
    }

    It 'works with Where incoming, Where IsDefault and Where ConnectionType -eq sip-reg' {
        @($numbers | Where-Object incoming | Get-Ids) | Should -Be (Expected-Ids { $_.incoming })
        @($numbers | Where-Object IsDefault | Get-Ids) | Should -Be (Expected-Ids { $_.isDefault })
        @($numbers | Where-Object ConnectionType -EQ 'sip-reg' | Get-Ids) | Should -Be (Expected-Ids { $_.connectionType -eq 'sip-reg' })
    }

    It 'sorts by Channels and groups by ConnectionType' {
        $sorted = @($numbers | Sort-Object Channels)
        $sorted[0].Channels | Should -Be 2
        $sorted[-1].Channels | Should -Be 10
        $groups = $numbers | Group-Object ConnectionType
        ($groups | Where-Object Name -EQ 'pstn').Count | Should -Be 8
        ($groups | Where-Object Name -EQ 'sip-wo-reg').Count | Should -Be 2
    }

    It 'exports to CSV with every field as a column and SIP secrets masked' {
        $csv = @($numbers | ConvertTo-Csv -NoTypeInformation)
        $header = $csv[0] -replace '"', '' -split ','
        $header | Should -Be @('Id', 'Title', 'OrderId', 'ConnectionType', 'Params', 'IsDefault', 'Incoming', 'Outgoing', 'Channels', 'Phone', 'Direction', 'Number')
        $rows = $csv | ConvertFrom-Csv
        ($rows | Where-Object Id -EQ 103).Phone | Should -Be '+79001234567'
        ($rows | Where-Object Id -EQ 106).Params | Should -Match 'login=sip1001'
        $csv -join "`n" | Should -Not -Match 'pa55-Word!'
        $path = Join-Path $TestDrive 'numbers.csv'
        $numbers | Export-Csv -Path $path -NoTypeInformation
        @(Import-Csv $path).Count | Should -Be $numbers.Count
    }

    It 'converts to JSON with params as an object' {
        $json = $numbers | ConvertTo-Json -Depth 5 | ConvertFrom-Json
        $json.Count | Should -Be $numbers.Count
        ($json | Where-Object Id -EQ 103).Params.phone | Should -Be '+79001234567'
        ($json | Where-Object Id -EQ 102).Direction | Should -BeExactly 'Incoming'
    }
}

Describe 'Get-LinerVirtualNumber filters' {
    BeforeEach { Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey }

    It '-Id <Ids> writes only those numbers' -TestCases @(@{ Ids = @(103) }, @{ Ids = @(101, 110) }) {
        @(Get-LinerVirtualNumber -Id $Ids | Get-Ids) | Should -Be $Ids
    }

    It '-Id is positional' {
        (Get-LinerVirtualNumber 104).Title | Should -Be 'Outbound campaigns'
    }

    It '-Id that is not in the account is a non-terminating ObjectNotFound error; the others are written' {
        $numbers = @(Get-LinerVirtualNumber -Id 101, 999, 102 -ErrorVariable failures -ErrorAction SilentlyContinue)
        $numbers.Id | Should -Be @(101, 102)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LinerVirtualNumberNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 999
        $failures[0].Exception.Message | Should -Match '999'
    }

    It 'takes ids from the pipeline by value, with one request for all of them' {
        Clear-LinerMockRequest $Mock
        @(101, 103, 105 | Get-LinerVirtualNumber | Get-Ids) | Should -Be @(101, 103, 105)
        @(Get-LinerMockRequest $Mock).Count | Should -Be 1
    }

    It 'takes ids from the pipeline by property name, Id or SipEndpointId' {
        @([pscustomobject]@{ Id = 102 }, [pscustomobject]@{ SipEndpointId = 107 } | Get-LinerVirtualNumber | Get-Ids) | Should -Be @(102, 107)
        @(Get-LinerVirtualNumber -ConnectionType pstn | Where-Object Channels -GT 5 | Get-LinerVirtualNumber | Get-Ids) | Should -Be @(102, 104)
    }

    It 'writes nothing when an empty pipeline is piped in' {
        @(@() | Get-LinerVirtualNumber).Count | Should -Be 0
    }

    It '-Title <Title> matches with wildcards, case-insensitively' -TestCases @(
        @{ Title = 'support line'; Expected = @(103) }
        @{ Title = '*trunk'; Expected = @(106, 107) }
        @{ Title = 'M*', 'night*'; Expected = @(101, 110, 112) }
        @{ Title = 'nothing*'; Expected = @() }
    ) {
        @(Get-LinerVirtualNumber -Title $Title | Get-Ids) | Should -Be $Expected
    }

    It '-Phone <Phone> compares without spaces, dashes, dots and parentheses' -TestCases @(
        @{ Phone = '+7 900 123-45-67'; Expected = @(103) }
        @{ Phone = '+7 (495) 123.45.67'; Expected = @(101) }
        @{ Phone = '*4567'; Expected = @(103, 101) | Sort-Object }
        @{ Phone = '+7495*', '+7800*'; Expected = @(101, 102, 112) }
    ) {
        @(Get-LinerVirtualNumber -Phone $Phone | Get-Ids | Sort-Object) | Should -Be ($Expected | Sort-Object)
    }

    It '-ConnectionType <Type> selects by the API spelling' -TestCases @(
        @{ Type = 'pstn' }, @{ Type = 'sip-reg' }, @{ Type = 'sip-wo-reg' }
    ) {
        @(Get-LinerVirtualNumber -ConnectionType $Type | Get-Ids) | Should -Be (Expected-Ids { $_.connectionType -eq $Type })
    }

    It '-ConnectionType takes several values and wildcards, and filters an unknown type literally' {
        @(Get-LinerVirtualNumber -ConnectionType sip-reg, sip-wo-reg | Get-Ids) | Should -Be @(106, 107, 108, 111)
        @(Get-LinerVirtualNumber -ConnectionType 'sip-*' | Get-Ids) | Should -Be @(106, 107, 108, 111)
        @(Get-LinerVirtualNumber -ConnectionType 'webrtc').Count | Should -Be 0
    }

    It '-ConnectionType completes pstn, sip-reg and sip-wo-reg' {
        $line = 'Get-LinerVirtualNumber -ConnectionType '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('pstn', 'sip-reg', 'sip-wo-reg')
        $line = 'Get-LinerVirtualNumber -ConnectionType sip-w'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('sip-wo-reg')
    }

    It '-Direction <Direction> selects <Description>' -TestCases @(
        @{ Direction = 'Incoming'; Description = 'incoming enabled, whatever outgoing'; Where = { $_.incoming } }
        @{ Direction = 'Outgoing'; Description = 'outgoing enabled, whatever incoming'; Where = { $_.outgoing } }
        @{ Direction = 'Both'; Description = 'both enabled'; Where = { $_.incoming -and $_.outgoing } }
        @{ Direction = 'None'; Description = 'neither enabled'; Where = { -not $_.incoming -and -not $_.outgoing } }
    ) {
        @(Get-LinerVirtualNumber -Direction $Direction | Get-Ids) | Should -Be (Expected-Ids $Where)
    }

    It '-Default selects the default numbers' {
        @(Get-LinerVirtualNumber -Default | Get-Ids) | Should -Be @(101, 106)
    }

    It '-OrderId selects numbers of those orders' {
        @(Get-LinerVirtualNumber -OrderId 5001 | Get-Ids) | Should -Be @(101, 102, 106)
        @(Get-LinerVirtualNumber -OrderId 5002, 5004 | Get-Ids) | Should -Be @(103, 107, 109)
    }

    It '-Unassigned selects numbers no order has (110 has no orderId, but order 5003 lists it), and cannot be combined with -OrderId' {
        @(Get-LinerVirtualNumber -Unassigned | Get-Ids) | Should -Be @(105, 108)
        { Get-LinerVirtualNumber -Unassigned -OrderId 5001 } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
    }

    It 'combines parameters with AND: <Name>' -TestCases @(
        @{ Name = 'type and direction'; Parameters = @{ ConnectionType = 'pstn'; Direction = 'Incoming' }; Expected = @(101, 102, 103, 109, 110, 112) }
        @{ Name = 'direction and unassigned'; Parameters = @{ Direction = 'Outgoing'; Unassigned = $true }; Expected = @(108) }
        @{ Name = 'order, title and type'; Parameters = @{ OrderId = 5001; Title = '*office*'; ConnectionType = 'sip-reg' }; Expected = @(106) }
        @{ Name = 'default and pstn'; Parameters = @{ Default = $true; ConnectionType = 'pstn' }; Expected = @(101) }
        @{ Name = 'ids and direction'; Parameters = @{ Id = 101, 102, 104; Direction = 'Outgoing' }; Expected = @(101, 104) }
    ) {
        @(Get-LinerVirtualNumber @Parameters -ErrorAction SilentlyContinue | Get-Ids) | Should -Be $Expected
    }

    It '-First <First> -Skip <Skip> writes numbers <Expected>' -TestCases @(
        @{ First = 3; Skip = 0; Expected = @(101, 102, 103) }
        @{ First = 2; Skip = 10; Expected = @(111, 112) }
        @{ First = 5; Skip = 11; Expected = @(112) }
        @{ First = 0; Skip = 0; Expected = @() }
    ) {
        @(Get-LinerVirtualNumber -First $First -Skip $Skip | Get-Ids) | Should -Be $Expected
    }

    It '-First and -Skip count the numbers that pass the filters' {
        @(Get-LinerVirtualNumber -ConnectionType pstn -Skip 1 -First 2 | Get-Ids) | Should -Be @(Expected-Ids { $_.connectionType -eq 'pstn' })[1..2]
    }

    It '-IncludeTotalCount writes the exact total after the numbers: <Name>' -TestCases @(
        @{ Name = 'every number'; Parameters = @{}; Where = { $true } }
        @{ Name = 'a filter'; Parameters = @{ ConnectionType = 'pstn' }; Where = { $_.connectionType -eq 'pstn' } }
        @{ Name = 'with -Skip'; Parameters = @{ Skip = 5 }; Where = { $true } }
    ) {
        $written = @(Get-LinerVirtualNumber @Parameters -IncludeTotalCount)
        $expected = @(Expected-Ids $Where).Count
        $total = $written[-1]
        $total.ToString() | Should -BeExactly "Total count: $expected"
        $total.PSObject.BaseObject | Should -BeExactly ([uint64]$expected)
        @($written | Select-Object -SkipLast 1 | Get-Ids) | Should -Be @(Expected-Ids $Where | Select-Object -Skip ($Parameters.Skip ?? 0))
    }

    It 'uses -Connection instead of the session default' {
        $other = Connect-Liner -ApiHost "$($Mock.Url)/count=25" -ApiKey $TestKey -PassThru
        Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
        @(Get-LinerVirtualNumber -Connection $other).Count | Should -Be 25
        @(Get-LinerVirtualNumber).Count | Should -Be $SampleNumbers.Count
    }
}

Describe 'Get-LinerVirtualNumber views' {
    BeforeEach { Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey }

    It 'shows a table with Id, Title, Number, ConnectionType, Direction, OrderId' {
        $text = Get-LinerVirtualNumber | Out-String -Width 200
        $text | Should -Match 'Id\s+Title\s+Number\s+ConnectionType\s+Direction\s+OrderId'
        $text | Should -Match '103\s+Support line\s+\+79001234567\s+pstn\s+Both\s+5002'
    }

    It 'shows a short SIP summary as the Number, never a secret value' {
        $text = Get-LinerVirtualNumber -Id 106, 111 | Out-String -Width 200
        $text | Should -Match '106\s+Office PBX trunk\s+sip1001@sip\.liner\.example:5060\s+sip-reg'
        $text | Should -Match '198\.51\.100\.7:5080'
        $text | Should -Not -Match 'pa55-Word!|tok-legacy-123'
        $list = Get-LinerVirtualNumber -Id 106, 111 | Format-List | Out-String -Width 200
        $list | Should -Match '\[password, \*\*\*\]'
        $list | Should -Match '\[authToken, \*\*\*\]'
        $list | Should -Not -Match 'pa55-Word!|tok-legacy-123'
    }

    It 'has a list view with every field' {
        $text = Get-LinerVirtualNumber -Id 103 | Format-List | Out-String -Width 200
        foreach ($label in 'Id', 'Title', 'ConnectionType', 'Number', 'Phone', 'Params', 'Direction', 'Incoming', 'Outgoing', 'Channels', 'IsDefault', 'OrderId') {
            $text | Should -Match "(?m)^$label\s+:"
        }
    }
}

Describe 'Get-LinerVirtualNumber against other API behaviour' {
    BeforeEach { Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey }

    It 'falls back to the singular path once when the plural answers 404, and remembers it' {
        $connection = Connect-Liner -ApiHost "$($Mock.Url)/singular" -ApiKey $TestKey -SkipValidation -PassThru
        Clear-LinerMockRequest $Mock
        @(Get-LinerVirtualNumber -Connection $connection).Count | Should -Be $SampleNumbers.Count
        (Get-LinerMockRequest $Mock).path | Should -Be @('/singular/v2/sip-endpoints/', '/singular/v2/sip-endpoint/')
        Clear-LinerMockRequest $Mock
        @(Get-LinerVirtualNumber -Connection $connection).Count | Should -Be $SampleNumbers.Count
        (Get-LinerMockRequest $Mock).path | Should -Be @('/singular/v2/sip-endpoint/')
    }

    It 'keeps fields the API sends that are not documented, each as a property' {
        $number = Get-LinerVirtualNumber -Connection (Connect-Test -Scenario 'extra') -Id 101
        $number.region | Should -Be 'RU-MOW'
        $number.createdAt | Should -Be '2026-01-15T10:00:00Z'
        $number.tags | Should -Be @('main', 'billing')
        $number.limits.maxCallMinutes | Should -Be 600
        $number | Should -BeOfType ([Liner.PowerShell.VirtualNumber])
        ($number | Out-String -Width 200) | Should -Match 'Id\s+Title\s+Number'
        ($number | Format-List | Out-String -Width 200) | Should -Match '(?m)^region\s+: RU-MOW'
        ($number | ConvertTo-Csv -NoTypeInformation)[0] | Should -Match '"region"'
    }

    It 'stops reading when the pipeline has had enough (Select-Object -First)' {
        # A million numbers, about 170 MB of JSON, made by the mock as it writes them; it notes how much
        # reached its socket before the module went away. The buffers between (the kernel's, up to
        # 32 MB here, and a short drain) hold far less than half; reading on to the end takes it all.
        $connection = Connect-Test -Scenario 'stream=1000000' -SkipValidation
        Clear-LinerMockRequest $Mock
        $first = @(Get-LinerVirtualNumber -Connection $connection | Select-Object -First 2)
        $first.Id | Should -Be @(1000000, 1000001)
        Start-Sleep -Milliseconds 500    # bytes already on their way arrive
        $request = @(Get-LinerMockRequest $Mock)
        $request.Count | Should -Be 1
        $request[0].bodyLength | Should -BeGreaterThan 150MB
        $request[0].bodyBytesSent | Should -BeLessThan ($request[0].bodyLength / 2)
        # The connection stays usable after the stopped call.
        (Test-LinerConnection -Connection $connection).Success | Should -BeTrue
    }

    It 'reads a streamed list completely (the mock''s stream=N is a list like any other)' {
        $numbers = @(Get-LinerVirtualNumber -Connection (Connect-Test -Scenario 'stream=3000' -SkipValidation))
        $numbers.Count | Should -Be 3000
        $numbers[-1].Id | Should -Be 1002999
        $numbers[-1].Phone | Should -Be '+79001002999'
    }

    It 'writes nothing for an account with no numbers' {
        @(Get-LinerVirtualNumber -Connection (Connect-Test -Scenario 'empty')).Count | Should -Be 0
    }

    It 'reads a large account completely' {
        $numbers = @(Get-LinerVirtualNumber -Connection (Connect-Test -Scenario 'count=20000'))
        $numbers.Count | Should -Be 20000
        ($numbers.Id | Sort-Object -Unique).Count | Should -Be 20000
        @($numbers | Where-Object ConnectionType -EQ 'sip-wo-reg').Count | Should -BeGreaterThan 0
    }

    It 'without a connection, ends with LinerNotConnected that says to run Connect-Liner' {
        Disconnect-Liner
        try {
            $failure = { Get-LinerVirtualNumber } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -BeLike 'LinerNotConnected,*'
            $failure.Exception.Message | Should -Match 'Connect-Liner'
            $failure.ErrorDetails.RecommendedAction | Should -Match 'Connect-Liner'
        }
        finally {
            Connect-Liner -ApiHost $Mock.Url -ApiKey $TestKey
        }
    }

    It 'with a key the API no longer accepts, ends with LinerAuthenticationFailed' {
        $wrong = Connect-Liner -ApiHost $Mock.Url -ApiKey (ConvertTo-SecureString 'revoked-key-1234567890' -AsPlainText -Force) -SkipValidation -PassThru
        $failure = { Get-LinerVirtualNumber -Connection $wrong } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'LinerAuthenticationFailed,*'
        $failure.Exception.Message | Should -Match 'GET /v2/sip-endpoints/'
        $failure.Exception.Message | Should -Not -Match 'revoked-key'
    }
}
