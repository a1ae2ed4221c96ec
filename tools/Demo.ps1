# A short scripted session against tests/Liner.MockApi: what a new user would type first.
# build.ps1 -Task Demo starts the mock and runs this in a fresh pwsh.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ApiHost,
    [Parameter(Mandatory)] [string] $ApiKey
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

$demoKey = ConvertTo-SecureString $ApiKey -AsPlainText -Force
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
    & $step.Run | Out-Host
}
if ($Host.Name -eq 'ConsoleHost' -and [Environment]::GetCommandLineArgs() -contains '-NoExit') {
    $global:key = $demoKey
    Write-Host ''
    Write-Host "Connected to the mock Liner API at $ApiHost. `$key holds its key. Try Get-Help Get-LinerVirtualNumber; exit to stop." -ForegroundColor Green
}
