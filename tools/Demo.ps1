# A short scripted session against tests/Liner.MockApi: what a new user would type first.
# build.ps1 -Task Demo starts the mock and runs this in a fresh pwsh; the mock's key arrives in the
# environment variable LINER_DEMO_KEY, which is removed at once. With -Interactive, the session then
# stays at a normal prompt: connected, $key holding the key as a SecureString, nothing else changed.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ApiHost,
    # The mock's process, watched at the prompt so that a mock that has gone is reported.
    [int] $MockProcessId,
    [switch] $Interactive
)
Import-Module $ModulePath -Global
$demoKey = ConvertTo-SecureString $env:LINER_DEMO_KEY -AsPlainText -Force
Remove-Item Env:LINER_DEMO_KEY -ErrorAction Ignore

$steps = @(
    @{ Text = "Connect-Liner -ApiHost '$ApiHost' -ApiKey `$key -PassThru"; Run = { Connect-Liner -ApiHost $ApiHost -ApiKey $demoKey -PassThru } }
    @{ Text = 'Get-LinerVirtualNumber'; Run = { Get-LinerVirtualNumber } }
    @{ Text = 'Get-LinerVirtualNumber | Where incoming'; Run = { Get-LinerVirtualNumber | Where-Object incoming } }
    @{ Text = 'Get-LinerVirtualNumber -ConnectionType sip-*'; Run = { Get-LinerVirtualNumber -ConnectionType sip-* } }
    @{ Text = 'Get-LinerVirtualNumber -Direction Outgoing -Unassigned'; Run = { Get-LinerVirtualNumber -Direction Outgoing -Unassigned } }
    @{ Text = "Get-LinerVirtualNumber -Phone '+7 900 123-45-67' | Format-List"; Run = { Get-LinerVirtualNumber -Phone '+7 900 123-45-67' | Format-List } }
    @{ Text = 'Get-LinerVirtualNumber | Group-Object ConnectionType -NoElement'; Run = { Get-LinerVirtualNumber | Group-Object ConnectionType -NoElement } }
    @{ Text = 'Test-LinerConnection'; Run = { Test-LinerConnection } }
)
foreach ($step in $steps) {
    Write-Host ''
    Write-Host "PS> $($step.Text)" -ForegroundColor Cyan
    & $step.Run -ErrorAction Stop | Out-Host
}

if ($Interactive) {
    $global:key = $demoKey
    if ($MockProcessId) {
        # A prompt that says once when the mock has gone, instead of leaving the user with refused connections.
        $global:LinerDemoMock = @{ Id = $MockProcessId; Url = $ApiHost; Reported = $false }
        $standardPrompt = (Get-Command prompt).ScriptBlock
        $global:LinerDemoPrompt = $standardPrompt
        function global:prompt {
            $mock = $global:LinerDemoMock
            if (-not $mock.Reported -and -not (Get-Process -Id $mock.Id -ErrorAction Ignore)) {
                $mock.Reported = $true
                Write-Host "The mock Liner API at $($mock.Url) has stopped; run build.ps1 -Task Demo -Interactive again to restart it." -ForegroundColor Yellow
            }
            & $global:LinerDemoPrompt
        }
    }
    Write-Host ''
    Write-Host "Connected to the mock Liner API at $ApiHost. `$key holds its key. Try Get-Help Get-LinerVirtualNumber; exit to stop." -ForegroundColor Green
}
