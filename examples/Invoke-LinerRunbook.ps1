<#
.SYNOPSIS
    An automation runbook: checks Liner's health, then exports the numbers no order has.
.DESCRIPTION
    LINER_API_HOST and LINER_API_KEY come from the automation account's encrypted variables (or the
    job's environment). $ErrorActionPreference = 'Stop' makes any failure end the runbook as Failed
    (exit code 1 under pwsh -File), and the export is written to a temporary file that replaces the
    previous one only when it is whole.
#>
param([string] $Path = (Join-Path ([IO.Path]::GetTempPath()) 'unassigned-numbers.csv'))
$ErrorActionPreference = 'Stop'
Import-Module Liner.PowerShell

Connect-Liner
try {
    $health = Test-LinerConnection
    if (-not $health.Success) {
        throw "Liner at $($health.ApiHost) is not healthy: $(($health.Components | Where-Object { -not $_.Success }).Name -join ', '). Skipping this run."
    }
    $partial = "$Path.partial"
    try {
        Get-LinerVirtualNumber -Unassigned | Export-Csv $partial -NoTypeInformation
        Move-Item $partial $Path -Force
    }
    finally {
        Remove-Item $partial -ErrorAction Ignore
    }
    Write-Output "Exported $(@(Import-Csv $Path).Count) unassigned numbers to $Path."
}
finally {
    Disconnect-Liner
}
