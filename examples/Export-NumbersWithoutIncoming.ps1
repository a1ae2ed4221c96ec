<#
.SYNOPSIS
    A scheduled task's script: exports the virtual numbers that take no incoming calls to a CSV file.
.DESCRIPTION
    Connects with LINER_API_HOST and LINER_API_KEY (or -ApiHost and a key exported with Export-Clixml,
    on Windows). Any failure ends the script with exit code 1, and the previous export stays exactly as
    it was: the rows go to a temporary file beside it, which replaces it only when the whole list was
    written.
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File ./Export-NumbersWithoutIncoming.ps1 -Path /srv/reports/no-incoming.csv
#>
param(
    [string] $Path = (Join-Path $HOME 'no-incoming.csv'),
    # Windows: a key saved once with Read-Host -AsSecureString | Export-Clixml, readable only by this user.
    [string] $KeyFile,
    [string] $ApiHost
)
$ErrorActionPreference = 'Stop'    # every failure ends the script: pwsh -File exits with 1
Import-Module Liner.PowerShell

$connect = @{}
if ($ApiHost) { $connect.ApiHost = $ApiHost }
if ($KeyFile) { $connect.ApiKey = Import-Clixml $KeyFile }
Connect-Liner @connect

$partial = "$Path.partial"    # beside the export, so replacing it is a rename
try {
    Get-LinerVirtualNumber | Where-Object { -not $_.Incoming } | Export-Csv $partial -NoTypeInformation
    Move-Item $partial $Path -Force
}
finally {
    Remove-Item $partial -ErrorAction Ignore
    Disconnect-Liner
}
