# The mock's own contract, spoken to with Invoke-WebRequest (not through the module): its routes,
# the writes' checks and envelopes, stores that are independent, state after writes, the write knobs
# (create-then, 429, create-delay, create-id) and the bodies in the request log. The module's tests
# build on these promises; `dotnet Liner.MockApi.dll --help` lists them.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    # One request to the mock: the status, the envelope as a hashtable (numbers stay numbers), the headers.
    function Send {
        param(
            [string] $Path,
            [string] $Method = 'GET',
            # A hashtable (sent as JSON) or the body's text.
            $Body,
            # Scenario tokens in front of the path ('store=x/create-then=503').
            [string] $Scenario,
            [string] $ContentType = 'application/json; charset=utf-8',
            [switch] $NoKey
        )
        $uri = if ($Scenario) { "$($Mock.HttpUrl)/$Scenario$Path" } else { "$($Mock.HttpUrl)$Path" }
        $request = @{ Uri = $uri; Method = $Method; SkipHttpErrorCheck = $true; Headers = @{} }
        if (-not $NoKey) { $request.Headers['X-Api-Key'] = $TestKeyText }
        if ($null -ne $Body) {
            $request.Body = if ($Body -is [string]) { $Body } else { $Body | ConvertTo-Json -Depth 10 -Compress }
            $request.ContentType = $ContentType
        }
        $response = Invoke-WebRequest @request
        $text = if ($response.Content -is [byte[]]) { [Text.Encoding]::UTF8.GetString($response.Content) } else { $response.Content }
        [pscustomobject]@{
            Status  = [int]$response.StatusCode
            Json    = if ($text -and $text.StartsWith('{')) { $text | ConvertFrom-Json -AsHashtable -Depth 20 }
            Text    = $text
            Headers = $response.Headers
        }
    }

    # A store of its own for one test: the sample account, fresh.
    function New-Store { "store=$([guid]::NewGuid().ToString('n').Substring(0, 12))" }

    # Every item of a paged list (pages of 100).
    function Get-All([string] $Path, [string] $Scenario) {
        $offset = 0
        do {
            $separator = if ($Path.Contains('?')) { '&' } else { '?' }
            $page = (Send "$Path${separator}offset=$offset&limit=100" -Scenario $Scenario).Json.data
            $page.list
            $offset += $page.list.Count
        } while ($page.list.Count -gt 0 -and $offset -lt $page.total)
    }

    function Should-BeRefused($Response, [int] $Status, [string] $Message) {
        $Response.Status | Should -Be $Status
        $Response.Json.success | Should -BeFalse
        $Response.Json.message | Should -BeLike $Message
        $Response.Json.ContainsKey('data') | Should -BeTrue
        $Response.Json.data | Should -BeNullOrEmpty
    }

    $NewLead = @{ leadType = 'straight'; phone = '+79995550001'; orderId = 5001 }
}
AfterAll {
    Stop-LinerMockApi $Mock
}

Describe 'The mock API: routes' {
    It '--help lists every route and every token' {
        $dll = Join-Path $PSScriptRoot "../Liner.MockApi/bin/$($env:LINER_TEST_CONFIGURATION ?? 'Release')/$(Get-ProjectSetting TestTargetFramework)/Liner.MockApi.dll"
        $help = (& dotnet $dll --help) -join "`n"
        foreach ($route in 'GET  /v2/lead/ ', 'POST /v2/lead/create/ ', 'POST /v2/lead/create-async/', 'POST /v2/lead/update/{id}/',
            'GET  /v2/custom-fields/', 'POST /v2/order/create/', 'POST /v2/order/update/{id}/', 'GET  /v2/agent-group/{id}/',
            'GET  /v2/call-attempt/detail/{id}/', 'GET  /v2/sip-endpoints/', 'GET  /files/{id}.mp3') {
            $help | Should -BeLike "*$route*"
        }
        foreach ($token in 'store=NAME', 'leads=N', 'create-delay=MS', 'create-then=CODE', 'create-id=object', 'order-update-refuses=FIELD', 'status=CODE', 'last-next=') {
            $help | Should -BeLike "*$token*"
        }
    }

    It 'answers 405 with the envelope for a method the path does not take, 404 HTML for no path' {
        $response = Send '/v2/lead/create/'
        Should-BeRefused $response 405 'Method GET is not allowed here: use POST'
        $response.Headers['Allow'] | Should -Be 'POST'
        Should-BeRefused (Send '/v2/lead/' -Method POST -Body @{}) 405 '*use GET*'
        $missing = Send '/v2/no-such-thing/'
        $missing.Status | Should -Be 404
        $missing.Text | Should -BeLike '<!DOCTYPE html>*'
    }

    It 'asks for the key on writes too' {
        Should-BeRefused (Send '/v2/lead/create/' -Method POST -Body $NewLead -Scenario (New-Store) -NoKey) 401 'Invalid API key'
    }
}

Describe 'The mock API: leads' {
    It 'serves 30 sample leads in orders 5001 and 5002, filtered on the server' {
        $all = @(Get-All '/v2/lead/')
        $all.Count | Should -Be 30
        $all[0].Keys | Should -Be @('id', 'name', 'phone', 'sourceComment', 'ip', 'externalIdBitrix24', 'externalIdAmo', 'externalIdMacro', 'externalIdDomoplaner', 'statusId', 'leadType', 'createMethod', 'isSecondary', 'planningCallDateTime', 'priority', 'utcOffset', 'createdAt', 'updatedAt', 'orderId', 'orderCode', 'customValues')
        $all.id | Should -Be (9000..9029)
        $all.phone | Should -Be (1..30 | ForEach-Object { '+7999' + $_.ToString('0000000') })
        ($all | Group-Object { $_.orderId } -NoElement | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Count)" }) | Should -Be @('5001=20', '5002=10')
        ($all | Group-Object { $_.statusId } -NoElement | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Count)" }) | Should -Be @('1=18', '2=6', '3=6')
        $all[0].customValues['13'] | Should -Be 'web'

        (Send '/v2/lead/?orderIds[]=5002&limit=100').Json.data.total | Should -Be 10
        (Send '/v2/lead/?orderIds[]=5001&orderIds[]=5002&statusIds[]=2&statusIds[]=3').Json.data.total | Should -Be 12
        $range = (Send '/v2/lead/?createdAt[0]=2026-10-05T09:00:00%2B03:00&createdAt[1]=2026-10-10T09:00:00%2B03:00').Json.data
        $range.list.id | Should -Be (9004..9008)
        Should-BeRefused (Send '/v2/lead/?createdAt[0]=yesterday') 400 'Query parameter ''createdAt`[0`]'' is invalid*'
    }

    It 'serves one lead at /v2/lead/detail/{id}/, and 404 with the envelope for one that is not there' {
        $lead = (Send '/v2/lead/detail/9002/').Json
        $lead.success | Should -BeTrue
        $lead.data.orderId | Should -Be 5002
        $lead.data.orderCode | Should -Be 'SUPPORT'
        Should-BeRefused (Send '/v2/lead/detail/8999/') 404 'Lead 8999 not found'
    }

    It 'leads=N: N generated leads, all in order 5001' {
        $page = (Send '/v2/lead/?offset=240' -Scenario 'leads=250/store=generated').Json.data
        $page.total | Should -Be 250
        $page.list.Count | Should -Be 10
        $page.list[-1].id | Should -Be 9249
        $page.list[-1].phone | Should -Be '+79990000250'
        @($page.list.orderId | Sort-Object -Unique) | Should -Be @(5001)
        (Send '/v2/lead/' -Scenario 'leads=0/store=generated').Json.data.total | Should -Be 0
    }

    It 'creates a lead that later reads see, with its order''s code and its custom values' {
        $store = New-Store
        $body = @{ leadType = 'selection'; phone = '79995550002'; orderCode = 'SUPPORT'; name = 'Nina'; priority = 2; utcOffset = -3; statusId = 1
            customValues = @{ '11' = 'Omsk'; '12' = '1500'; '13' = 'Phone call'; '15' = @('devices'); '16' = 1 }; vkId = 'id77'; externalIdAmo = 'amo-1' }
        $created = Send '/v2/lead/create/' -Method POST -Body $body -Scenario $store
        $created.Status | Should -Be 200
        $created.Json.success | Should -BeTrue
        $created.Json.message | Should -Be ''
        $created.Json.data | Should -Be 9030

        $lead = (Send '/v2/lead/detail/9030/' -Scenario $store).Json.data
        $lead.orderId | Should -Be 5002
        $lead.orderCode | Should -Be 'SUPPORT'
        $lead.name | Should -Be 'Nina'
        $lead.leadType | Should -Be 'selection'
        $lead.statusId | Should -Be 1
        $lead.utcOffset | Should -Be -3
        $lead.externalIdAmo | Should -Be 'amo-1'
        $lead.customValues['11'] | Should -Be 'Omsk'
        $lead.customValues['15'] | Should -Be @('devices')
        $lead.Keys | Should -Not -Contain 'vkId'
        (Send '/v2/lead/?orderIds[]=5002' -Scenario $store).Json.data.total | Should -Be 11
        (Send '/v2/lead/detail/9030/').Status | Should -Be 404   # the default store has no such lead
    }

    It 'answers {"id": n} under create-id=object, and data null from create-async, which creates all the same' {
        $store = New-Store
        (Send '/v2/lead/create/' -Method POST -Body $NewLead -Scenario "$store/create-id=object").Text | Should -Be '{"success":true,"message":"","data":{"id":9030}}'
        (Send '/v2/lead/create-async/' -Method POST -Body $NewLead -ContentType 'application/json' -Scenario $store).Text | Should -Be '{"success":true,"message":"","data":null}'
        (Send '/v2/lead/detail/9031/' -Scenario $store).Json.data.phone | Should -Be '+79995550001'
    }

    It 'refuses an unknown field with Liner''s envelope, before anything else' {
        $store = New-Store
        $response = Send '/v2/lead/create/' -Method POST -Body '{"phone":"bad","x":1}' -Scenario $store
        Should-BeRefused $response 400 "Unknown field 'x'"
        $response.Json.Keys | Should -Be @('success', 'message', 'data')
        Should-BeRefused (Send '/v2/lead/update/9000/' -Method POST -Body @{ Phone = '+79990000001' } -Scenario $store) 400 "Unknown field 'Phone'"
    }

    It 'refuses a create with <Case>, naming the field, and creates nothing' -ForEach @(
        @{ Case = 'no leadType'; Change = @{ leadType = $null }; Message = "Field 'leadType' is required" }
        @{ Case = 'an empty phone'; Change = @{ phone = '' }; Message = "Field 'phone' is required" }
        @{ Case = 'another leadType'; Change = @{ leadType = 'cold' }; Message = "Field 'leadType' is invalid: `"cold`" is not one of straight, selection" }
        @{ Case = 'a phone of 9 digits'; Change = @{ phone = '+799912345' }; Message = "Field 'phone' is invalid: *" }
        @{ Case = 'a phone with spaces'; Change = @{ phone = '+7 999 123 45 67' }; Message = "Field 'phone' is invalid: *" }
        @{ Case = 'a phone of 16 digits'; Change = @{ phone = '1234567890123456' }; Message = "Field 'phone' is invalid: *" }
        @{ Case = 'no order'; Change = @{ orderId = $null }; Message = "Field 'orderId' or 'orderCode' is required" }
        @{ Case = 'an order that is not there'; Change = @{ orderId = 5999 }; Message = "Field 'orderId' is invalid: no order has the id 5999" }
        @{ Case = 'an order code that is not there'; Change = @{ orderId = $null; orderCode = 'NOPE' }; Message = "Field 'orderCode' is invalid: no order has the code 'NOPE'" }
        @{ Case = 'orderId and orderCode of two orders'; Change = @{ orderCode = 'SUPPORT' }; Message = "Fields 'orderId' and 'orderCode' name different orders*" }
        @{ Case = 'a status of another category'; Change = @{ statusId = 2 }; Message = "Field 'statusId' is invalid: lead status 2 (qualified) is of the qualified category*" }
        @{ Case = 'a status that is not there'; Change = @{ statusId = 99 }; Message = "Field 'statusId' is invalid: no lead status has the id 99" }
        @{ Case = 'a utcOffset of 15'; Change = @{ utcOffset = 15 }; Message = "Field 'utcOffset' is invalid: 15 is not from -12 to 14" }
        @{ Case = 'a priority in a string'; Change = @{ priority = '1' }; Message = "Field 'priority' is invalid: expected a whole number*" }
        @{ Case = 'a vkId that is a number'; Change = @{ vkId = 5 }; Message = "Field 'vkId' is invalid: expected a string*" }
        @{ Case = 'a custom field that is not there'; Change = @{ customValues = @{ '99' = 'x' } }; Message = "Field 'customValues' is invalid: '99' is not the id of a custom field of leads" }
        @{ Case = 'a custom field of orders'; Change = @{ customValues = @{ '21' = 'x' } }; Message = "Field 'customValues' is invalid: '21' is not the id of a custom field of leads" }
        @{ Case = 'a custom field by title'; Change = @{ customValues = @{ City = 'x' } }; Message = "Field 'customValues' is invalid: 'City' is not*" }
        @{ Case = 'words in an int custom field'; Change = @{ customValues = @{ '12' = 'lots' } }; Message = "Field 'customValues' is invalid: custom field 12 (Budget, int) cannot take `"lots`"" }
        @{ Case = 'a choice that is not offered'; Change = @{ customValues = @{ '13' = 'radio' } }; Message = "Field 'customValues' is invalid: custom field 13 (Source, select)*" }
        @{ Case = 'customValues that are not an object'; Change = @{ customValues = @('x') }; Message = "Field 'customValues' is invalid: expected an object*" }
    ) {
        $store = New-Store
        $body = $NewLead.Clone()
        foreach ($entry in $Change.GetEnumerator()) { $body[$entry.Key] = $entry.Value }
        Should-BeRefused (Send '/v2/lead/create/' -Method POST -Body $body -Scenario $store) 400 $Message
        (Send '/v2/lead/' -Scenario $store).Json.data.total | Should -Be 30
    }

    It 'takes custom values loosely, as a PHP server would' {
        $store = New-Store
        $body = $NewLead.Clone()
        $body.customValues = @{ '11' = 12; '12' = '-5'; '13' = 'web'; '14' = '2026-12-01'; '15' = 'Roaming'; '16' = 'true'; '17' = '2026-12-01T10:00:00+03:00'; '18' = 2.5 }
        (Send '/v2/lead/create/' -Method POST -Body $body -Scenario $store).Status | Should -Be 200
    }

    It 'updates only the fields sent: "" and null clear one, a custom value sent changes that value only' {
        $store = New-Store
        $before = (Send '/v2/lead/detail/9000/' -Scenario $store).Json.data
        $before.customValues.Keys | Sort-Object | Should -Be @('11', '12', '13')
        $updated = Send '/v2/lead/update/9000/' -Method POST -Body @{ name = 'Anna K.'; sourceComment = ''; externalIdAmo = $null; statusId = 3; customValues = @{ '12' = $null; '11' = 'Tver' } } -Scenario $store
        $updated.Text | Should -Be '{"success":true,"message":"","data":9000}'
        $after = (Send '/v2/lead/detail/9000/' -Scenario $store).Json.data
        $after.name | Should -Be 'Anna K.'
        $after.sourceComment | Should -BeNullOrEmpty
        $after.externalIdAmo | Should -BeNullOrEmpty
        $after.statusId | Should -Be 3   # any category on update
        $after.customValues['11'] | Should -Be 'Tver'
        $after.customValues['13'] | Should -Be 'web'
        $after.customValues.Keys | Should -Not -Contain '12'
        foreach ($field in 'phone', 'externalIdBitrix24', 'leadType', 'orderId', 'createdAt', 'priority') { $after[$field] | Should -Be $before[$field] }
        $after.updatedAt | Should -Not -Be $before.updatedAt

        # Moving a lead to another order by its code sets both order fields.
        (Send '/v2/lead/update/9000/' -Method POST -Body @{ orderCode = 'SUPPORT' } -Scenario $store).Status | Should -Be 200
        $moved = (Send '/v2/lead/detail/9000/' -Scenario $store).Json.data
        "$($moved.orderId) $($moved.orderCode)" | Should -Be '5002 SUPPORT'
        (Send '/v2/lead/update/9000/' -Method POST -Body @{ customValues = $null } -Scenario $store).Status | Should -Be 200
        (Send '/v2/lead/detail/9000/' -Scenario $store).Json.data.customValues.Count | Should -Be 0
        (Send '/v2/lead/detail/9000/').Json.data.name | Should -Be 'Anna Orlova'   # the default store is untouched
    }

    It 'refuses an update that <Case>' -ForEach @(
        @{ Case = 'clears the phone'; Body = @{ phone = '' }; Status = 400; Message = "Field 'phone' cannot be empty" }
        @{ Case = 'clears the order'; Body = @{ orderId = $null }; Status = 400; Message = "Field 'orderId' cannot be empty" }
        @{ Case = 'sends a bad phone'; Body = @{ phone = 'call me' }; Status = 400; Message = "Field 'phone' is invalid: *" }
        @{ Case = 'is for a lead that is not there'; Id = 8000; Body = @{ name = 'x' }; Status = 404; Message = 'Lead 8000 not found' }
    ) {
        $store = New-Store
        Should-BeRefused (Send "/v2/lead/update/$($Id ?? 9001)/" -Method POST -Body $Body -Scenario $store) $Status $Message
        (Send '/v2/lead/detail/9001/' -Scenario $store).Json.data.phone | Should -Be '+79990000002'
    }
}

Describe 'The mock API: stores and writes' {
    It 'keeps stores apart from each other and from the default store' {
        $one, $two = (New-Store), (New-Store)
        (Send '/v2/lead/create/' -Method POST -Body $NewLead -Scenario $one).Json.data | Should -Be 9030
        (Send '/v2/lead/create/' -Method POST -Body $NewLead -Scenario $one).Json.data | Should -Be 9031
        (Send '/v2/lead/create/' -Method POST -Body $NewLead -Scenario $two).Json.data | Should -Be 9030
        (Send '/v2/lead/' -Scenario $one).Json.data.total | Should -Be 32
        (Send '/v2/lead/' -Scenario $two).Json.data.total | Should -Be 31
        (Send '/v2/lead/').Json.data.total | Should -Be 30
        # Other tokens do not change the store: the same name is the same store.
        (Send '/v2/lead/' -Scenario "delay=1/$one").Json.data.total | Should -Be 32
    }

    It 'create-then=503 does the create, then answers 503, for the first times=K creates' {
        $store = New-Store
        $scenario = "$store/create-then=503/times=1/retry-after=0"
        $failed = Send '/v2/lead/create/' -Method POST -Body $NewLead -Scenario $scenario
        Should-BeRefused $failed 503 'Simulated failure 503'
        $failed.Headers['Retry-After'] | Should -Be '0'
        $leads = @(Get-All '/v2/lead/' -Scenario $store | Where-Object { $_.phone -eq $NewLead.phone })
        $leads.Count | Should -Be 1
        (Send '/v2/lead/create/' -Method POST -Body $NewLead -Scenario $scenario).Json.data | Should -Be 9031
        # A create the mock refused (a bad body) is not one of the K.
        $again = "$(New-Store)/create-then=503/times=1"
        (Send '/v2/lead/create/' -Method POST -Body @{ phone = 'x' } -Scenario $again).Status | Should -Be 400
        (Send '/v2/lead/create/' -Method POST -Body $NewLead -Scenario $again).Status | Should -Be 503
    }

    It 'status=429 refuses a POST before anything is done' {
        $store = New-Store
        $scenario = "$store/status=429/times=2/retry-after=1"
        foreach ($attempt in 1, 2) {
            $refused = Send '/v2/lead/create/' -Method POST -Body $NewLead -Scenario $scenario
            Should-BeRefused $refused 429 'Simulated failure 429'
            $refused.Headers['Retry-After'] | Should -Be '1'
        }
        (Send '/v2/lead/' -Scenario $store).Json.data.total | Should -Be 30
        (Send '/v2/lead/create/' -Method POST -Body $NewLead -Scenario $scenario).Json.data | Should -Be 9030
        Should-BeRefused (Send '/v2/order/update/5001/' -Method POST -Body @{ title = 'x' } -Scenario "$store/status=429") 429 '*'
        (Send '/v1/order/list/' -Scenario $store).Json.data[0].title | Should -Be 'Sales campaign'
    }

    It 'create-delay=MS answers a create that long after doing it' {
        $store = New-Store
        $watch = [Diagnostics.Stopwatch]::StartNew()
        (Send '/v2/lead/create/' -Method POST -Body $NewLead -Scenario "$store/create-delay=300").Json.data | Should -Be 9030
        $watch.ElapsedMilliseconds | Should -BeGreaterOrEqual 300
        $watch.Restart()
        (Send '/v2/lead/update/9030/' -Method POST -Body @{ name = 'x' } -Scenario "$store/create-delay=300").Status | Should -Be 200
        $watch.ElapsedMilliseconds | Should -BeLessThan 300
    }

    It 'keeps every request''s body in the log, as sent' {
        Clear-LinerMockRequest $Mock
        $text = '{"leadType":"straight", "phone":"+79995550009","orderId":5001,"name":"Ё"}'
        (Send '/v2/lead/create/' -Method POST -Body $text -ContentType 'application/json; charset=utf-8' -Scenario (New-Store)).Status | Should -Be 200
        $null = Send '/v2/lead/'
        $log = @(Get-LinerMockRequest $Mock)
        $log.Count | Should -Be 2
        $log[0].method | Should -Be 'POST'
        $log[0].body | Should -BeExactly $text
        $log[1].body | Should -BeNullOrEmpty
    }

    It 'refuses a body that is <Case>' -ForEach @(
        @{ Case = 'not JSON'; Body = '{"phone":'; ContentType = 'application/json'; Status = 400; Message = 'The body is not valid JSON*' }
        @{ Case = 'an array'; Body = '[]'; ContentType = 'application/json'; Status = 400; Message = 'The body must be a JSON object' }
        @{ Case = 'empty'; Body = ' '; ContentType = 'application/json'; Status = 400; Message = 'The body must be a JSON object' }
        @{ Case = 'a field twice'; Body = '{"phone":"1","phone":"2"}'; ContentType = 'application/json'; Status = 400; Message = 'The body is not valid JSON*' }
        @{ Case = 'sent as a form'; Body = 'phone=79990000001'; ContentType = 'application/x-www-form-urlencoded'; Status = 415; Message = 'Content-Type must be application/json*' }
    ) {
        Should-BeRefused (Send '/v2/lead/create/' -Method POST -Body $Body -ContentType $ContentType -Scenario (New-Store)) $Status $Message
    }
}

Describe 'The mock API: custom fields' {
    It 'serves the custom fields of an essence, unpaged, at both spellings' {
        $leads = (Send '/v2/custom-fields/?essence=leads').Json.data
        $leads.id | Should -Be (11..18)
        $leads.type | Should -Be @('string', 'int', 'select', 'date', 'multiselect', 'bool', 'datetime', 'float')
        $leads[0].Keys | Should -Be @('id', 'title', 'type', 'essence', 'params', 'sort')
        $leads[2].params.code | Should -Be @('web', 'call', 'partner')
        (Send '/v2/custom-fields/?essence=orders').Json.data.id | Should -Be @(21, 22)
        (Send '/v2/custom-fields/').Json.data.Count | Should -Be 10
        (Send '/v2/custom-fields/' -Scenario 'singular').Status | Should -Be 404
        (Send '/v2/custom-field/?essence=orders' -Scenario 'singular').Json.data.id | Should -Be @(21, 22)
        Should-BeRefused (Send '/v2/custom-fields/?essence=calls') 400 "Query parameter 'essence' is invalid*"
    }
}

Describe 'The mock API: orders' {
    It 'creates an order that both order lists show, leaving the numbers'' orderId alone' {
        $store = New-Store
        $body = @{ serviceTitle = 'kazan-2'; title = 'Kazan 2'; status = 'info'; sipEndpointIds = @(105, 101); code = 'KZN2'
            callSchedule = @(, @('09:00', '18:00')); autoDialingEnabled = $false; agentUserIds = @(701); agentGroupIds = @(301); callAttemptGroupId = 402
            aiDefaultLanguage = 'gb'; callRecordRule = 'agent_is_connected'; sipEndpointUsageScheme = 'even_loaded_daily'; qualifiedLeadsPerDayLimit = 0 }
        (Send '/v2/order/create/' -Method POST -Body $body -Scenario $store).Text | Should -Be '{"success":true,"message":"","data":6001}'
        $order = @(Get-All '/v2/order/' -Scenario $store)[-1]
        $order.id | Should -Be 6001
        $order.sipEndpointIds | Should -Be @(105, 101)
        $order.callSchedule[0] | Should -Be @('09:00', '18:00')
        $order.agentGroupIds | Should -Be @(301)
        $order.callAttemptGroupId | Should -Be 402
        $order.sipEndpointUsageScheme | Should -Be 'even_loaded_daily'
        ((Send '/v1/order/list/' -Scenario $store).Json.data | Where-Object { $_.id -eq 6001 }).code | Should -Be 'KZN2'
        ((Send '/v2/sip-endpoints/' -Scenario $store).Json.data | Where-Object { $_.id -eq 105 }).orderId | Should -BeNullOrEmpty
        (Send '/v2/order/' -Scenario $store).Json.data.total | Should -Be 6
        (Send '/v2/order/').Json.data.total | Should -Be 5
    }

    It 'refuses an order create with <Case>' -ForEach @(
        @{ Case = 'no title'; Change = @{ title = $null }; Message = "Field 'title' is required" }
        @{ Case = 'no sipEndpointIds'; Change = @{ sipEndpointIds = $null }; Message = "Field 'sipEndpointIds' is required" }
        @{ Case = 'another status'; Change = @{ status = 'done' }; Message = "Field 'status' is invalid*" }
        @{ Case = 'a number that is not there'; Change = @{ sipEndpointIds = @(101, 999) }; Message = "Field 'sipEndpointIds' is invalid: no virtual number has the id 999" }
        @{ Case = 'a user that is not there'; Change = @{ agentUserIds = @(799) }; Message = "Field 'agentUserIds' is invalid: no user has the id 799" }
        @{ Case = 'a group that is not there'; Change = @{ agentGroupIds = @(399) }; Message = "Field 'agentGroupIds' is invalid: no agent group has the id 399" }
        @{ Case = 'a scheme that is not there'; Change = @{ callAttemptGroupId = 499 }; Message = "Field 'callAttemptGroupId' is invalid: no call-attempt scheme has the id 499" }
        @{ Case = 'a schedule not in pairs'; Change = @{ callSchedule = @('09:00-18:00') }; Message = "Field 'callSchedule' is invalid*" }
        @{ Case = 'a flag in a string'; Change = @{ aiModeEnabled = 'yes' }; Message = "Field 'aiModeEnabled' is invalid: expected true or false*" }
        @{ Case = 'an unknown field'; Change = @{ archived = $true }; Message = "Unknown field 'archived'" }
    ) {
        $store = New-Store
        $body = @{ serviceTitle = 's'; title = 't'; status = 'success'; sipEndpointIds = @() }
        foreach ($entry in $Change.GetEnumerator()) { $body[$entry.Key] = $entry.Value }
        Should-BeRefused (Send '/v2/order/create/' -Method POST -Body $body -Scenario $store) 400 $Message
        (Send '/v2/order/' -Scenario $store).Json.data.total | Should -Be 5
    }

    It 'updates only the fields sent, answers 404 for an order that is not there, and refuses sipEndpointIds under order-update-refuses' {
        $store = New-Store
        (Send '/v2/order/update/5002/' -Method POST -Body @{ sipEndpointIds = @(103, 107, 108); autoDialingEnabled = $true; aiModePrompt = '' } -Scenario $store).Text |
            Should -Be '{"success":true,"message":"","data":5002}'
        $order = @(Get-All '/v2/order/' -Scenario $store) | Where-Object { $_.id -eq 5002 }
        $order.sipEndpointIds | Should -Be @(103, 107, 108)
        $order.autoDialingEnabled | Should -BeTrue
        $order.aiModePrompt | Should -BeNullOrEmpty
        $order.title | Should -Be 'Customer support'
        $order.agentUserIds | Should -Be @(702, 703)
        Should-BeRefused (Send '/v2/order/update/5999/' -Method POST -Body @{ title = 'x' } -Scenario $store) 404 'Order 5999 not found'
        Should-BeRefused (Send '/v2/order/update/5002/' -Method POST -Body @{ title = '' } -Scenario $store) 400 "Field 'title' cannot be empty"
        Should-BeRefused (Send '/v2/order/update/5002/' -Method POST -Body @{ sipEndpointIds = @(103) } -Scenario "$store/order-update-refuses=sipEndpointIds") 400 "Unknown field 'sipEndpointIds'"
        (Send '/v2/order/update/5002/' -Method POST -Body @{ title = 'Support' } -Scenario "$store/order-update-refuses=sipEndpointIds").Status | Should -Be 200
    }
}

Describe 'The mock API: agent groups and call-attempt schemes' {
    It 'serves the agent groups, those holding an agent, and one by id without detail/' {
        $groups = @(Get-All '/v2/agent-group/')
        $groups.id | Should -Be @(301, 302, 303)
        $groups[0].Keys | Should -Be @('id', 'names', 'agentIds', 'createdAt', 'updatedAt')
        $groups[0].names.gb | Should -Be 'Sales'
        (Send '/v2/agent-group/?agentId=702').Json.data.list.id | Should -Be @(301, 302)
        (Send '/v2/agent-group/302/').Json.data.agentIds | Should -Be @(702, 703)
        Should-BeRefused (Send '/v2/agent-group/399/') 404 'Agent group 399 not found'
    }

    It 'creates a group and replaces its whole agentIds on update' {
        $store = New-Store
        (Send '/v2/agent-group/create/' -Method POST -Body @{ names = @{ ru = 'Новые'; gb = 'New' }; agentIds = @(701, 705) } -Scenario $store).Json.data | Should -Be 304
        (Send '/v2/agent-group/update/304/' -Method POST -Body @{ agentIds = @(706) } -Scenario $store).Json.data | Should -Be 304
        $group = (Send '/v2/agent-group/304/' -Scenario $store).Json.data
        $group.agentIds | Should -Be @(706)
        $group.names.ru | Should -Be 'Новые'
        (Send '/v2/agent-group/?agentId=706' -Scenario $store).Json.data.list.id | Should -Be @(304)
        (Send '/v2/agent-group/update/301/' -Method POST -Body @{ agentIds = @() } -Scenario $store).Status | Should -Be 200
        (Send '/v2/agent-group/301/' -Scenario $store).Json.data.agentIds.Count | Should -Be 0
    }

    It 'refuses a group with <Case>' -ForEach @(
        @{ Case = 'no names'; Body = @{ agentIds = @(701) }; Message = "Field 'names' is required" }
        @{ Case = 'one language'; Body = @{ names = @{ gb = 'Sales' } }; Message = "Field 'names' is invalid*" }
        @{ Case = 'a name that is not a string'; Body = @{ names = @{ gb = 'Sales'; ru = 1 } }; Message = "Field 'names' is invalid*" }
        @{ Case = 'a user that is not there'; Body = @{ names = @{ gb = 'a'; ru = 'b' }; agentIds = @(701, 799) }; Message = "Field 'agentIds' is invalid: no user has the id 799" }
    ) {
        Should-BeRefused (Send '/v2/agent-group/create/' -Method POST -Body $Body -Scenario (New-Store)) 400 $Message
    }

    It 'serves, creates and updates call-attempt schemes, keeping one default' {
        $store = New-Store
        $schemes = @(Get-All '/v2/call-attempt/' -Scenario $store)
        $schemes.id | Should -Be @(401, 402)
        $schemes[0].Keys | Should -Be @('id', 'title', 'intervals', 'isDefault', 'resetAttemptsEnabled')
        (Send '/v2/call-attempt/detail/402/').Json.data.intervals | Should -Be @(5, 10, 30, 60, 120)
        Should-BeRefused (Send '/v2/call-attempt/detail/499/') 404 'Call-attempt scheme 499 not found'

        (Send '/v2/call-attempt/create/' -Method POST -Body @{ title = 'Quick'; intervals = @(1, 2, 3) } -Scenario $store).Json.data | Should -Be 403
        (Send '/v2/call-attempt/update/402/' -Method POST -Body @{ isDefault = $true; intervals = @(30) } -Scenario $store).Json.data | Should -Be 402
        $schemes = @(Get-All '/v2/call-attempt/' -Scenario $store)
        ($schemes | Where-Object { $_.isDefault }).id | Should -Be 402
        ($schemes | Where-Object { $_.id -eq 402 }).title | Should -Be 'Persistent'
        ($schemes | Where-Object { $_.id -eq 402 }).intervals | Should -Be @(30)
        ($schemes | Where-Object { $_.id -eq 403 }).resetAttemptsEnabled | Should -BeFalse
        Should-BeRefused (Send '/v2/call-attempt/update/499/' -Method POST -Body @{ title = 'x' } -Scenario $store) 404 'Call-attempt scheme 499 not found'
    }

    It 'refuses a scheme with <Case>' -ForEach @(
        @{ Case = 'no intervals'; Body = @{ title = 'x' }; Message = "Field 'intervals' is required" }
        @{ Case = 'no intervals in the list'; Body = @{ title = 'x'; intervals = @() }; Message = "Field 'intervals' is invalid: at least one interval is needed" }
        @{ Case = 'an interval of 0'; Body = @{ title = 'x'; intervals = @(5, 0) }; Message = "Field 'intervals' is invalid: 0 is not a positive number of minutes" }
        @{ Case = 'an interval of 1.5'; Body = @{ title = 'x'; intervals = @(1.5) }; Message = "Field 'intervals' is invalid: expected a whole number*" }
        @{ Case = 'isDefault null'; Body = @{ title = 'x'; intervals = @(5); isDefault = $null }; Message = "Field 'isDefault' is invalid: expected true or false, not null" }
    ) {
        Should-BeRefused (Send '/v2/call-attempt/create/' -Method POST -Body $Body -Scenario (New-Store)) 400 $Message
    }
}
