# The benchmark behind build.ps1 -Task Bench: the module against what an admin would type without
# it, on generated accounts served by tests/Liner.MockApi, all in this one (fresh) pwsh process.
# Every time is the median of -Runs runs after a warm-up. Writes artifacts/bench.md and bench.json.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ApiHost,
    # The same mock over https (its certificate's CA trusted through SSL_CERT_FILE): A again, to show the TLS cost.
    [Parameter(Mandatory)] [string] $HttpsApiHost,
    [Parameter(Mandatory)] [string] $ApiKey,
    [int[]] $Sizes = @(1000, 10000, 100000),
    [int] $Runs = 9,
    [Parameter(Mandatory)] [string] $OutputPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module $ModulePath
Import-Module (Join-Path $PSScriptRoot 'PwshCommand.psm1')
$Pwsh = @(Get-PwshCommand)
$secureKey = ConvertTo-SecureString $ApiKey -AsPlainText -Force
$headers = @{ 'X-Api-Key' = $ApiKey }

# D, the floor: the same GET on one reused HttpClient and System.Text.Json deserialisation of the
# whole body into objects with the module's fields, with no PowerShell pipeline at all.
Add-Type -ReferencedAssemblies System.Net.Http, System.Text.Json, System.Net.Primitives, System.Runtime, System.Collections, System.Private.CoreLib -TypeDefinition @'
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
public sealed class FloorNumber
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("title")] public string Title { get; set; }
    [JsonPropertyName("orderId")] public long? OrderId { get; set; }
    [JsonPropertyName("connectionType")] public string ConnectionType { get; set; }
    [JsonPropertyName("params")] public Dictionary<string, JsonElement> Params { get; set; }
    [JsonPropertyName("isDefault")] public bool IsDefault { get; set; }
    [JsonPropertyName("outgoing")] public bool Outgoing { get; set; }
    [JsonPropertyName("incoming")] public bool Incoming { get; set; }
    [JsonPropertyName("channels")] public int Channels { get; set; }
}
public sealed class FloorEnvelope
{
    [JsonPropertyName("success")] public bool Success { get; set; }
    [JsonPropertyName("message")] public string Message { get; set; }
    [JsonPropertyName("data")] public List<FloorNumber> Data { get; set; }
}
public static class Floor
{
    private static readonly HttpClient Client = new HttpClient();
    public static int Read(string url, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Api-Key", key);
        using var response = Client.Send(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var stream = response.Content.ReadAsStream();
        return JsonSerializer.Deserialize<FloorEnvelope>(stream).Data.Count;
    }
}
'@

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $sorted[[int][math]::Floor($sorted.Count / 2)]
}

function Measure-Median {
    param([scriptblock] $Block)
    # Warm-up: PowerShell compiles a script block, and .NET's tiered JIT optimises the pipeline's
    # code, only after several runs; until then the same command takes up to 5 times as long.
    # Up to 20 runs, or 2 once they have taken 3 s.
    $warm = [Diagnostics.Stopwatch]::StartNew()
    for ($i = 0; $i -lt 20 -and ($i -lt 2 -or $warm.Elapsed.TotalSeconds -lt 3); $i++) { $null = & $Block }
    $times = for ($i = 0; $i -lt $Runs; $i++) {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $null = & $Block
        $watch.Elapsed.TotalMilliseconds
    }
    Get-Median $times
}

function Measure-Allocation {
    param([scriptblock] $Block)
    $null = & $Block
    [GC]::Collect(); [GC]::WaitForPendingFinalizers()
    $before = [GC]::GetTotalAllocatedBytes($true)
    $null = & $Block
    [GC]::GetTotalAllocatedBytes($true) - $before
}

# Time until the first object reaches the next command, against the whole call's time.
function Measure-FirstObject {
    param([scriptblock] $Block)
    $null = & $Block
    $firsts = [System.Collections.Generic.List[double]]::new()
    $totals = [System.Collections.Generic.List[double]]::new()
    for ($i = 0; $i -lt $Runs; $i++) {
        [GC]::Collect()
        $state = @{ First = $null }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        & $Block | ForEach-Object -Process { if ($null -eq $state.First) { $state.First = $watch.Elapsed.TotalMilliseconds } }
        $totals.Add($watch.Elapsed.TotalMilliseconds)
        $firsts.Add($state.First)
    }
    [pscustomobject]@{
        First = Get-Median $firsts
        Total = Get-Median $totals
    }
}

function Measure-ProcessStart {
    param([string] $Command)
    $exe = $Pwsh[0]
    $arguments = @($Pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $Command)
    $null = & $exe @arguments
    $times = for ($i = 0; $i -lt $Runs; $i++) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $null = & $exe @arguments
        if ($LASTEXITCODE -ne 0) { throw "'$Command' failed in a fresh pwsh." }
        $watch.Elapsed.TotalMilliseconds
    }
    Get-Median $times
}

$results = [System.Collections.Generic.List[object]]::new()
# Largest first: its many objects get the pipeline's code fully optimised before the smaller sizes,
# whose few runs alone would not, so every size is measured in the same steady state.
foreach ($size in $Sizes | Sort-Object -Descending) {
    Write-Host "Measuring $size numbers..." -ForegroundColor Cyan
    $url = "$ApiHost/count=$size/v2/sip-endpoints/"
    $connection = Connect-Liner -ApiHost "$ApiHost/count=$size" -ApiKey $secureKey -PassThru -TimeoutSec 120

    $moduleA = { Get-LinerVirtualNumber -Connection $connection | Measure-Object }
    $restA = { Invoke-RestMethod -Headers $headers $url | ForEach-Object data | Measure-Object }
    $moduleB = { Get-LinerVirtualNumber -Connection $connection -Direction Incoming | Measure-Object }
    $restB = { Invoke-RestMethod -Headers $headers $url | ForEach-Object data | Where-Object incoming | Measure-Object }
    $moduleC = { Get-LinerVirtualNumber -Connection $connection | Where-Object incoming | Measure-Object }
    $floorD = { [Floor]::Read($url, $ApiKey) }
    $httpsUrl = "$HttpsApiHost/count=$size/v2/sip-endpoints/"
    $httpsConnection = Connect-Liner -ApiHost "$HttpsApiHost/count=$size" -ApiKey $secureKey -PassThru -TimeoutSec 120
    $moduleAHttps = { Get-LinerVirtualNumber -Connection $httpsConnection | Measure-Object }
    $restAHttps = { Invoke-RestMethod -Headers $headers $httpsUrl | ForEach-Object data | Measure-Object }

    $incoming = (& $moduleB).Count
    $row = [ordered]@{
        Numbers          = $size
        Incoming         = $incoming
        ModuleA          = Measure-Median $moduleA
        RestA            = Measure-Median $restA
        ModuleB          = Measure-Median $moduleB
        RestB            = Measure-Median $restB
        ModuleC          = Measure-Median $moduleC
        FloorD           = Measure-Median $floorD
        ModuleAHttps     = Measure-Median $moduleAHttps
        RestAHttps       = Measure-Median $restAHttps
        ModuleBytesPer   = (Measure-Allocation $moduleA) / $size
        RestBytesPer     = (Measure-Allocation $restA) / $size
        ModuleFirst      = $null
        ModuleTotal      = $null
        RestFirst        = $null
        RestTotal        = $null
    }
    if ($size -eq ($Sizes | Measure-Object -Maximum).Maximum) {
        $module = Measure-FirstObject { Get-LinerVirtualNumber -Connection $connection }
        $rest = Measure-FirstObject { Invoke-RestMethod -Headers $headers $url | ForEach-Object data }
        $row.ModuleFirst = $module.First; $row.ModuleTotal = $module.Total
        $row.RestFirst = $rest.First; $row.RestTotal = $rest.Total
    }
    $results.Add([pscustomobject]$row)
    Disconnect-Liner -Connection $connection
    Disconnect-Liner -Connection $httpsConnection
}

# The first call of a new connection, one number: over https it pays for the TLS handshake.
function Measure-NewConnection([string] $Base) {
    Measure-Median {
        $fresh = Connect-Liner -ApiHost "$Base/count=1" -ApiKey $secureKey -SkipValidation -PassThru
        $null = Get-LinerVirtualNumber -Connection $fresh
        Disconnect-Liner -Connection $fresh
    }
}
$newConnection = [ordered]@{ HttpMs = Measure-NewConnection $ApiHost; HttpsMs = Measure-NewConnection $HttpsApiHost }

# Connection reuse: calls on one connection against the TCP connections the mock saw.
$reuse = Connect-Liner -ApiHost "$ApiHost/count=100" -ApiKey $secureKey -PassThru
$null = Invoke-RestMethod -Method Delete "$ApiHost/_mock/requests"
1..10 | ForEach-Object { $null = Get-LinerVirtualNumber -Connection $reuse }
$connectionsUsed = @((Invoke-RestMethod "$ApiHost/_mock/requests").connectionId | Select-Object -Unique).Count
Disconnect-Liner -Connection $reuse

# G: a paged list of 10,000 orders (100 pages of 100) with 20 ms of server time per page, read by the
# module against what an admin writes by hand: an Invoke-RestMethod do/while loop over offset.
Write-Host 'Measuring a paged list of 10,000 orders...' -ForegroundColor Cyan
$pagedHost = "$ApiHost/count=10000/page-delay=20"
$paged = Connect-Liner -ApiHost $pagedHost -ApiKey $secureKey -PassThru -TimeoutSec 120
$moduleG = { Get-LinerOrder -Connection $paged | Measure-Object }
$restG = {
    $offset = 0
    $orders = [System.Collections.Generic.List[object]]::new()
    do {
        $page = (Invoke-RestMethod -Headers $headers "$pagedHost/v2/order/?offset=$offset&limit=100").data
        $orders.AddRange(@($page.list))
        $offset = $page.next
    } while ($page.list.Count -gt 0 -and $null -ne $offset -and $offset -lt $page.total)
    $orders | Measure-Object
}
$pagedRow = [ordered]@{ Items = 10000; Pages = 100; PageDelayMs = 20; Module = Measure-Median $moduleG; Rest = Measure-Median $restG }
$null = Invoke-RestMethod -Method Delete "$ApiHost/_mock/requests"
$ids = @((Get-LinerOrder -Connection $paged).Id)
$offsets = @((Invoke-RestMethod "$ApiHost/_mock/requests") | Where-Object path -Like '*/v2/order/' | ForEach-Object { [int]([regex]::Match($_.query, 'offset=(\d+)').Groups[1].Value) })
$pagedRow.InOrder = ($ids -join ',') -eq ((5001..15000) -join ',')
$pagedRow.Requests = $offsets.Count
$pagedRow.DistinctPages = @($offsets | Select-Object -Unique).Count
Disconnect-Liner -Connection $paged

# H: usage of every number over 50,000 calls (500 pages of 100, 20 ms per page), against an
# Invoke-RestMethod loop over offset per order and Group-Object sipEndpointId; then saving 200
# recordings of 200 KB against a sequential Invoke-WebRequest -OutFile loop. A few runs each: one
# side takes tens of seconds.
function Measure-Few([scriptblock] $Block, [int] $Count = 3) {
    $null = & $Block
    Get-Median @(for ($i = 0; $i -lt $Count; $i++) { [GC]::Collect(); $watch = [Diagnostics.Stopwatch]::StartNew(); $null = & $Block; $watch.Elapsed.TotalMilliseconds })
}
Write-Host 'Measuring usage over 50,000 calls...' -ForegroundColor Cyan
$callsHost = "$ApiHost/calls=50000/page-delay=20"
$calls = Connect-Liner -ApiHost $callsHost -ApiKey $secureKey -PassThru -TimeoutSec 120
$after = (Get-Date).AddDays(-31)
$moduleH = { Get-LinerVirtualNumberUsage -Connection $calls -After $after }
$restH = {
    $all = [System.Collections.Generic.List[object]]::new()
    foreach ($order in (Invoke-RestMethod -Headers $headers "$callsHost/v2/order/?offset=0&limit=100").data.list.id) {
        $offset = 0
        do {
            $page = (Invoke-RestMethod -Headers $headers "$callsHost/v2/call/?orderIds[]=$order&createdAt[0]=$([uri]::EscapeDataString($after.ToString('yyyy-MM-ddTHH:mm:sszzz')))&offset=$offset&limit=100").data
            $all.AddRange(@($page.list))
            $offset = $page.next
        } while ($page.list.Count -gt 0 -and $null -ne $offset -and $offset -lt $page.total)
    }
    $all | Group-Object sipEndpointId
}
$retained = {
    param($Block)
    [GC]::Collect(); [GC]::WaitForPendingFinalizers(); $before = [GC]::GetTotalMemory($true)
    $kept = & $Block
    $after = [GC]::GetTotalMemory($true)
    $null = $kept
    # Memory kept by the call and its output; a little freed elsewhere would read as "-0.0".
    [math]::Max(0, ($after - $before) / 1MB)
}
$usageRow = [ordered]@{
    Calls = 50000; Pages = 500
    Module = Measure-Few $moduleH
    Rest = Measure-Few $restH 1
    ModuleAllocatedPerCall = (Measure-Allocation $moduleH) / 50000
    ModuleRetainedMB = & $retained $moduleH
    RestRetainedMB = & $retained { $all = [System.Collections.Generic.List[object]]::new(); & $restH }
}
$small = Connect-Liner -ApiHost "$ApiHost/calls=10000" -ApiKey $secureKey -PassThru -TimeoutSec 120
$usageRow.ModuleRetainedMBAt10000 = & $retained { Get-LinerVirtualNumberUsage -Connection $small -After $after }
Disconnect-Liner -Connection $small

Write-Host 'Measuring Save-LinerCallRecord over 200 recordings...' -ForegroundColor Cyan
$filesHost = "$ApiHost/calls=250/file-size=204800"
$files = Connect-Liner -ApiHost $filesHost -ApiKey $secureKey -PassThru -TimeoutSec 120
$records = @(Get-LinerCallRecord -Connection $files -First 200)
$folder = Join-Path ([IO.Path]::GetTempPath()) "liner-bench-$PID"
$moduleS = { $records | Save-LinerCallRecord -Connection $files -Destination $folder -Force }
$restS = {
    $null = New-Item -ItemType Directory -Path "$folder-iwr" -Force
    foreach ($record in $records) {
        $keyFor = if ($record.FileUrl.Authority -eq ([uri]$ApiHost).Authority) { $headers } else { @{} }
        Invoke-WebRequest -Uri $record.FileUrl -Headers $keyFor -OutFile (Join-Path "$folder-iwr" "$($record.Id).mp3")
    }
}
$saveRow = [ordered]@{ Recordings = $records.Count; SizeKB = 200; Module = Measure-Few $moduleS; Rest = Measure-Few $restS }
Remove-Item $folder, "$folder-iwr" -Recurse -Force -ErrorAction Ignore
Disconnect-Liner -Connection $files
Disconnect-Liner -Connection $calls

# L: 2,000 leads from a CSV, 20 ms per create on the server: Import-Csv | New-LinerLead (4 creates at
# a time) against what an admin writes by hand, an Invoke-RestMethod -Method Post loop. Each run has a
# store of its own in the mock. Then the same import under injected 429s and 503s: no lead twice.
Write-Host 'Measuring an import of 2,000 leads...' -ForegroundColor Cyan
$leadsCsv = Join-Path ([IO.Path]::GetTempPath()) "liner-bench-leads-$PID.csv"
function Write-LeadsCsv([int] $Count) {
    1..$Count | ForEach-Object { [pscustomobject]@{ phone = '+7998{0:0000000}' -f $_; name = "Lead $_"; comment = 'bench' } } | Export-Csv $leadsCsv -NoTypeInformation
}
function New-LeadsStore([string] $Tokens = 'create-delay=20') { "$ApiHost/$Tokens/store=bench-$([guid]::NewGuid().ToString('n').Substring(0, 8))" }
Write-LeadsCsv 2000
$moduleL = {
    $store = Connect-Liner -ApiHost (New-LeadsStore) -ApiKey $secureKey -PassThru
    Import-Csv $leadsCsv | New-LinerLead -OrderId 5001 -Connection $store | Measure-Object
}
$restL = {
    $leadsHost = New-LeadsStore
    Import-Csv $leadsCsv | ForEach-Object {
        $body = @{ phone = $_.phone; name = $_.name; sourceComment = $_.comment; orderId = 5001; leadType = 'straight' } | ConvertTo-Json
        Invoke-RestMethod -Method Post -Headers $headers -ContentType 'application/json' -Body $body "$leadsHost/v2/lead/create/"
    } | Measure-Object
}
$leadsRow = [ordered]@{ Rows = 2000; CreateDelayMs = 20; Module = Measure-Few $moduleL 2; Rest = Measure-Few $restL 1 }
# Memory: what the import keeps, and allocates per row, at 500 and at 2,000 rows.
foreach ($count in 500, 2000) {
    Write-LeadsCsv $count
    $leadsRow["RetainedMBAt$count"] = & $retained { $store = Connect-Liner -ApiHost (New-LeadsStore 'create-delay=1') -ApiKey $secureKey -PassThru; Import-Csv $leadsCsv | New-LinerLead -OrderId 5001 -Connection $store | Measure-Object }
    $leadsRow["AllocatedPerRowAt$count"] = (Measure-Allocation { $store = Connect-Liner -ApiHost (New-LeadsStore 'create-delay=1') -ApiKey $secureKey -PassThru; Import-Csv $leadsCsv | New-LinerLead -OrderId 5001 -Connection $store | Measure-Object }) / $count
}
# Faults: 30 429s (refused before anything was done: retried) and 30 503s after the create (never retried).
Write-LeadsCsv 2000
foreach ($fault in 'status=429/times=30/retry-after=0', 'create-then=503/times=30') {
    $storeName = "store=bench-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
    $store = Connect-Liner -ApiHost "$ApiHost/create-delay=20/$fault/$storeName" -ApiKey $secureKey -PassThru -SkipValidation
    $created = @(Import-Csv $leadsCsv | New-LinerLead -OrderId 5001 -Connection $store -ErrorVariable failedRows -ErrorAction SilentlyContinue).Count
    # Read back through the same store without the faults.
    $inStore = @(Get-LinerLead -OrderId 5001 -Phone '+7998*' -Connection (Connect-Liner -ApiHost "$ApiHost/$storeName" -ApiKey $secureKey -PassThru))
    $twice = @($inStore | Group-Object Phone | Where-Object Count -GT 1).Count
    $leadsRow[$fault] = [ordered]@{ Written = $created; Errors = @($failedRows).Count; MayExist = @($failedRows | Where-Object FullyQualifiedErrorId -Like 'LinerLeadMayExist*').Count; InStore = $inStore.Count; PhonesTwice = $twice }
}
Remove-Item $leadsCsv -ErrorAction Ignore

# F: Import-Module in fresh processes, less a bare start.
Write-Host 'Measuring Import-Module in fresh processes...' -ForegroundColor Cyan
$bare = Measure-ProcessStart 'exit'
$importModule = (Measure-ProcessStart "Import-Module '$ModulePath'") - $bare
$importPSResourceGet = (Measure-ProcessStart 'Import-Module Microsoft.PowerShell.PSResourceGet') - $bare

# What the import touches beyond a bare start: files opened and network connections (strace, where present).
$importTrace = 'not measured (strace is not installed)'
if (Get-Command strace -ErrorAction SilentlyContinue) {
    $exe = $Pwsh[0]
    $prefix = @($Pwsh | Select-Object -Skip 1)
    $trace = {
        param($command)
        $log = [IO.Path]::GetTempFileName()
        $null = & strace -f -qq -e trace=openat,connect -o $log $exe @($prefix + @('-NoProfile', '-NonInteractive', '-Command', $command)) 2>$null
        $lines = Get-Content $log
        Remove-Item $log
        [pscustomobject]@{
            Files   = @($lines | Where-Object { $_ -match 'openat\(.*"(?<path>[^"]+)"' -and $_ -notmatch 'ENOENT' } | ForEach-Object { [regex]::Match($_, '"(?<path>[^"]+)"').Groups['path'].Value } | Sort-Object -Unique)
            Network = @($lines | Where-Object { $_ -match 'connect\(' -and $_ -match 'AF_INET' })
        }
    }
    $baseline = & $trace 'exit'
    $imported = & $trace "Import-Module '$ModulePath'"
    $moduleFolder = Split-Path $ModulePath
    $extraFiles = @($imported.Files | Where-Object { $baseline.Files -notcontains $_ })
    # The runtime's own per-process files (debugger and diagnostics pipes) differ between any two starts.
    $outsideModule = @($extraFiles | Where-Object { -not $_.StartsWith($moduleFolder) -and $_ -notmatch '^/(proc|sys|dev)/|clr-debug-pipe|dotnet-diagnostic' })
    # Native libraries the .NET runtime loads on first use (ICU for culture data, say) are the runtime's, not the module's.
    $runtimeLibraries = @($outsideModule | Where-Object { $_ -match '\.so(\.\d+)*$' })
    $otherFiles = @($outsideModule | Where-Object { $runtimeLibraries -notcontains $_ })
    $importTrace = "opens $(@($extraFiles | Where-Object { $_.StartsWith($moduleFolder) }).Count) files of its own folder, $($otherFiles.Count) other files$(if ($otherFiles) { ' (' + ($otherFiles -join ', ') + ')' }) and $($runtimeLibraries.Count) native runtime libraries$(if ($runtimeLibraries) { ' (' + (($runtimeLibraries | ForEach-Object { Split-Path $_ -Leaf }) -join ', ') + ')' }) beyond a bare start; $($imported.Network.Count - $baseline.Network.Count) network connections"
}

$machine = [ordered]@{
    Cores      = [Environment]::ProcessorCount
    OS         = [System.Runtime.InteropServices.RuntimeInformation]::OSDescription
    PowerShell = $PSVersionTable.PSVersion.ToString()
    DotNet     = [System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
    Date       = (Get-Date).ToString('yyyy-MM-dd HH:mm')
    Runs       = $Runs
}

$results = @($results | Sort-Object Numbers)

function Format-Ratio([double] $slow, [double] $fast) { if ($fast -gt 0) { '{0:0.0}x' -f ($slow / $fast) } else { 'n/a' } }

$md = [System.Text.StringBuilder]::new()
$null = $md.AppendLine("Machine: $($machine.Cores) cores, $($machine.OS), PowerShell $($machine.PowerShell), $($machine.DotNet); median of $Runs runs after a warm-up of up to 20 runs, largest account first; $($machine.Date).")
$null = $md.AppendLine()
$null = $md.AppendLine('| numbers | A module | A Invoke-RestMethod | A speed-up | D floor | A / floor | B module -Direction Incoming | B Invoke-RestMethod + Where | B speed-up | C module + Where incoming | E bytes/number module | E bytes/number Invoke-RestMethod | E module / Invoke-RestMethod |')
$null = $md.AppendLine('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
foreach ($r in $results) {
    $null = $md.AppendLine(('| {0:N0} | {1:N1} ms | {2:N1} ms | {3} | {4:N1} ms | {5} | {6:N1} ms | {7:N1} ms | {8} | {9:N1} ms | {10:N0} | {11:N0} | {12} |' -f
        $r.Numbers, $r.ModuleA, $r.RestA, (Format-Ratio $r.RestA $r.ModuleA), $r.FloorD, (Format-Ratio $r.ModuleA $r.FloorD),
        $r.ModuleB, $r.RestB, (Format-Ratio $r.RestB $r.ModuleB), $r.ModuleC, $r.ModuleBytesPer, $r.RestBytesPer, ('{0:0.00}' -f ($r.ModuleBytesPer / $r.RestBytesPer))))
}
$null = $md.AppendLine()
$null = $md.AppendLine('A over https (the same mock, an https listener on loopback with a certificate from the run''s own CA):')
$null = $md.AppendLine()
$null = $md.AppendLine('| numbers | A module http | A module https | https / http | A Invoke-RestMethod https | A https speed-up |')
$null = $md.AppendLine('|---:|---:|---:|---:|---:|---:|')
foreach ($r in $results) {
    $null = $md.AppendLine(('| {0:N0} | {1:N1} ms | {2:N1} ms | {3:0.00} | {4:N1} ms | {5} |' -f
        $r.Numbers, $r.ModuleA, $r.ModuleAHttps, ($r.ModuleAHttps / $r.ModuleA), $r.RestAHttps, (Format-Ratio $r.RestAHttps $r.ModuleAHttps)))
}
$null = $md.AppendLine()
$null = $md.AppendLine(('The first call of a new connection (one number, connect included): {0:N1} ms over http, {1:N1} ms over https (the TLS handshake); later calls reuse the connection.' -f $newConnection.HttpMs, $newConnection.HttpsMs))
$largest = $results[-1]
$null = $md.AppendLine()
$null = $md.AppendLine(('E, first object at {0:N0} numbers: the module {1:N1} ms of {2:N1} ms ({3:P0} of its total); Invoke-RestMethod {4:N1} ms of {5:N1} ms ({6:P0}).' -f
    $largest.Numbers, $largest.ModuleFirst, $largest.ModuleTotal, ($largest.ModuleFirst / $largest.ModuleTotal), $largest.RestFirst, $largest.RestTotal, ($largest.RestFirst / $largest.RestTotal)))
$null = $md.AppendLine()
$null = $md.AppendLine(('F, Import-Module in a fresh pwsh, less a bare start ({0:N0} ms): Liner.PowerShell {1:N0} ms, Microsoft.PowerShell.PSResourceGet {2:N0} ms. The import {3}.' -f $bare, $importModule, $importPSResourceGet, $importTrace))
$null = $md.AppendLine()
$null = $md.AppendLine("Connection reuse: 10 calls on one connection used $connectionsUsed TCP connection(s).")
$null = $md.AppendLine()
$null = $md.AppendLine(('G, a paged list of {0:N0} orders ({1} pages of 100, {2} ms per page on the server): the module {3:N0} ms, an Invoke-RestMethod loop over offset {4:N0} ms ({5} faster); order kept: {6}; {7} requests for {8} distinct pages.' -f
    $pagedRow.Items, $pagedRow.Pages, $pagedRow.PageDelayMs, $pagedRow.Module, $pagedRow.Rest, (Format-Ratio $pagedRow.Rest $pagedRow.Module), $(if ($pagedRow.InOrder) { 'yes' } else { 'NO' }), $pagedRow.Requests, $pagedRow.DistinctPages))
$null = $md.AppendLine()
$null = $md.AppendLine(('H, usage per number over {0:N0} calls ({1} pages of 100, 20 ms per page): Get-LinerVirtualNumberUsage {2:N0} ms, an Invoke-RestMethod loop per order with Group-Object sipEndpointId {3:N0} ms ({4} faster). Memory: the module allocates {5:N0} bytes per call and keeps {6:N1} MB after the call at 50,000 calls ({7:N1} MB at 10,000: flat in the number of calls); the loop keeps {8:N1} MB.' -f
    $usageRow.Calls, $usageRow.Pages, $usageRow.Module, $usageRow.Rest, (Format-Ratio $usageRow.Rest $usageRow.Module), $usageRow.ModuleAllocatedPerCall, $usageRow.ModuleRetainedMB, $usageRow.ModuleRetainedMBAt10000, $usageRow.RestRetainedMB))
$null = $md.AppendLine()
$null = $md.AppendLine(('H, saving {0} recordings of {1} KB: Save-LinerCallRecord {2:N0} ms, a sequential Invoke-WebRequest -OutFile loop {3:N0} ms ({4} faster).' -f
    $saveRow.Recordings, $saveRow.SizeKB, $saveRow.Module, $saveRow.Rest, (Format-Ratio $saveRow.Rest $saveRow.Module)))
$null = $md.AppendLine()
$null = $md.AppendLine(('L, importing {0:N0} leads from a CSV ({1} ms per create on the server): Import-Csv | New-LinerLead {2:N0} ms, an Invoke-RestMethod -Method Post loop {3:N0} ms ({4} faster). Memory: the import keeps {5:N1} MB after 500 rows and {6:N1} MB after 2,000, and allocates {7:N0} and {8:N0} bytes per row: flat in the row count.' -f
    $leadsRow.Rows, $leadsRow.CreateDelayMs, $leadsRow.Module, $leadsRow.Rest, (Format-Ratio $leadsRow.Rest $leadsRow.Module), $leadsRow.RetainedMBAt500, $leadsRow.RetainedMBAt2000, $leadsRow.AllocatedPerRowAt500, $leadsRow.AllocatedPerRowAt2000))
foreach ($fault in 'status=429/times=30/retry-after=0', 'create-then=503/times=30') {
    $f = $leadsRow[$fault]
    $null = $md.AppendLine(('L under `{0}`: {1:N0} leads written, {2} errors ({3} LinerLeadMayExist), {4:N0} leads in the store, {5} phones twice.' -f $fault, $f.Written, $f.Errors, $f.MayExist, $f.InStore, $f.PhonesTwice))
}
$null = $md.AppendLine()
$null = $md.AppendLine('A: `Get-LinerVirtualNumber | Measure-Object` against `Invoke-RestMethod -Headers @{ ''X-Api-Key'' = $key } "$h/v2/sip-endpoints/" | ForEach-Object data | Measure-Object`. B: `-Direction Incoming` against the same line with `| Where-Object incoming` (about half the numbers are incoming). C: `Get-LinerVirtualNumber | Where incoming`. D: the same GET and System.Text.Json deserialisation into objects with the same fields, no pipeline. E: bytes allocated per number by A''s two sides. G: `Get-LinerOrder | Measure-Object` (pages read ahead, at most 6 at a time) against a do/while loop of `Invoke-RestMethod "$h/v2/order/?offset=$offset&limit=100"`.')

$null = New-Item -ItemType Directory -Path $OutputPath -Force
Set-Content -Path (Join-Path $OutputPath 'bench.md') -Value $md.ToString() -Encoding utf8
[ordered]@{
    Machine = $machine; Results = $results; NewConnection = $newConnection; ConnectionsFor10Calls = $connectionsUsed; PagedList = $pagedRow; Usage = $usageRow; SaveRecordings = $saveRow; Leads = $leadsRow
    Import = [ordered]@{ BareStartMs = $bare; LinerPowerShellMs = $importModule; PSResourceGetMs = $importPSResourceGet; Trace = $importTrace }
} | ConvertTo-Json -Depth 5 | Set-Content -Path (Join-Path $OutputPath 'bench.json') -Encoding utf8
Write-Host ''
Write-Host $md.ToString()
