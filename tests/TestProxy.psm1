# A real forward proxy for the tests (tinyproxy, from Debian's packages, installed when missing) on
# loopback, and a packet capture of what it receives (tcpdump), so a test can read what a proxy sees.

# Installs a Debian package when its command is missing (as root, or through sudo), so the tests
# run on a new machine too.
function Install-TestPackage {
    param([Parameter(Mandatory)] [string] $Command, [Parameter(Mandatory)] [string] $Package)
    if (Get-Command $Command -ErrorAction Ignore) { return }
    if (-not (Get-Command apt-get -ErrorAction Ignore)) { throw "$Command is missing and this machine has no apt-get: install $Package by hand." }
    $aptGet = @(if ((& id -u) -eq '0') { 'apt-get' } else { 'sudo', '-n', 'apt-get' })
    $env:DEBIAN_FRONTEND = 'noninteractive'
    $install = @($aptGet | Select-Object -Skip 1) + @('install', '-y', '--no-install-recommends', $Package)
    $log = & $aptGet[0] @install 2>&1
    if ($LASTEXITCODE -ne 0) {
        # A new machine has no package lists yet.
        $log = & $aptGet[0] @(@($aptGet | Select-Object -Skip 1) + 'update') 2>&1
        $log = & $aptGet[0] @install 2>&1
    }
    if (-not (Get-Command $Command -ErrorAction Ignore)) { throw "Could not install $Package for $Command`: $(($log | Select-Object -Last 5) -join ' ')" }
}

# A loopback port that nothing listens on (for the moment).
function Get-FreePort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Wait-Port([int] $Port, [System.Diagnostics.Process] $Process, [string] $What) {
    $deadline = [DateTime]::UtcNow.AddSeconds(15)
    while ([DateTime]::UtcNow -lt $deadline) {
        if ($Process.HasExited) { throw "$What exited at once (exit code $($Process.ExitCode)): $($Process.StandardError.ReadToEnd())" }
        $client = [System.Net.Sockets.TcpClient]::new()
        try { $client.Connect([System.Net.IPAddress]::Loopback, $Port); return } catch { Start-Sleep -Milliseconds 50 } finally { $client.Dispose() }
    }
    throw "$What did not listen on port $Port within 15 s."
}

# Starts tinyproxy on a free loopback port. -UserName/-Password: it asks for Basic authentication
# (407); -ConnectPort: it opens tunnels (CONNECT) to these ports only, and refuses others with 403.
function Start-TestProxy {
    param([string] $UserName, [string] $Password, [int[]] $ConnectPort)
    Install-TestPackage -Command tinyproxy -Package tinyproxy-bin
    $folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "liner-test-proxy-$([guid]::NewGuid().ToString('n').Substring(0, 12))")
    for ($attempt = 1; ; $attempt++) {
        $port = Get-FreePort
        $log = Join-Path $folder 'tinyproxy.log'
        $config = @(
            "Port $port", 'Listen 127.0.0.1', 'Timeout 120', "LogFile `"$log`"", 'LogLevel Connect', 'MaxClients 200', 'Allow 127.0.0.1'
            if ($UserName) { "BasicAuth $UserName $Password" }
            foreach ($allowed in $ConnectPort) { "ConnectPort $allowed" }
        )
        $configFile = Join-Path $folder 'tinyproxy.conf'
        Set-Content -Path $configFile -Value $config
        $start = [System.Diagnostics.ProcessStartInfo]::new('tinyproxy')
        foreach ($argument in '-d', '-c', $configFile) { $start.ArgumentList.Add($argument) }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($start)
        try { Wait-Port $port $process 'tinyproxy'; break }
        catch { if (-not $process.HasExited) { $process.Kill() }; if ($attempt -ge 3) { throw } }
    }
    [pscustomobject]@{ Url = "http://127.0.0.1:$port"; Port = $port; LogFile = $log; Folder = $folder.FullName; Process = $process }
}

# Stops the proxy and removes its folder; nothing when it never started ($null).
function Stop-TestProxy {
    param([Parameter(Position = 0)] $Proxy)
    if ($Proxy -and -not $Proxy.Process.HasExited) { $Proxy.Process.Kill(); $null = $Proxy.Process.WaitForExit(5000) }
    if ($Proxy) { Remove-Item $Proxy.Folder -Recurse -Force -ErrorAction Ignore }
}

# The request lines the proxy logged ("GET http://...", "CONNECT host:port"), oldest first.
function Get-TestProxyRequest {
    param([Parameter(Mandatory, Position = 0)] $Proxy)
    if (-not (Test-Path $Proxy.LogFile)) { return }
    foreach ($line in [IO.File]::ReadAllLines($Proxy.LogFile)) {
        if ($line -match 'Request \(file descriptor \d+\): (.+)$') { $Matches[1] }
    }
}

function Clear-TestProxyRequest {
    param([Parameter(Mandatory, Position = 0)] $Proxy)
    [IO.File]::WriteAllText($Proxy.LogFile, '')
}

# Records every packet sent to or from a loopback port (tcpdump), until Stop-PacketCapture.
function Start-PacketCapture {
    param([Parameter(Mandatory)] [int] $Port)
    Install-TestPackage -Command tcpdump -Package tcpdump
    $file = Join-Path ([IO.Path]::GetTempPath()) "liner-capture-$([guid]::NewGuid().ToString('n').Substring(0, 12)).pcap"
    $start = [System.Diagnostics.ProcessStartInfo]::new((Get-Command tcpdump).Source)
    foreach ($argument in '-i', 'lo', '--immediate-mode', '-U', '-s', '0', '-w', $file, "tcp port $Port") { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardError = $true
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    # tcpdump says "listening on lo" once it captures.
    $line = $process.StandardError.ReadLineAsync()
    if (-not $line.Wait(15000) -or $line.Result -notmatch 'listening on') {
        if (-not $process.HasExited) { $process.Kill() }
        throw "tcpdump did not start capturing: $($line.Result) $($process.StandardError.ReadToEnd())"
    }
    [pscustomobject]@{ File = $file; Process = $process }
}

# Stops the capture and returns the payload bytes it saw, as text (one string).
function Stop-PacketCapture {
    param([Parameter(Mandatory, Position = 0)] $Capture)
    Start-Sleep -Milliseconds 200    # the last packets reach the capture
    & kill -INT $Capture.Process.Id
    if (-not $Capture.Process.WaitForExit(10000)) { $Capture.Process.Kill() }
    try { (& tcpdump -A -r $Capture.File 2>$null) -join "`n" }
    finally { Remove-Item $Capture.File -Force -ErrorAction Ignore }
}

Export-ModuleMember -Function Get-FreePort, Start-TestProxy, Stop-TestProxy, Get-TestProxyRequest, Clear-TestProxyRequest, Start-PacketCapture, Stop-PacketCapture, Install-TestPackage
