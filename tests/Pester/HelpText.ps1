# Dot-sourced by Help.Tests.ps1 and HelpCultures.Tests.ps1: what Get-Help shows of the staged module in
# a fresh pwsh started with a given locale (one process per culture, every cmdlet read inside it), and
# what docs/<culture> says it should show. Needs no mock API.
Import-Module (Join-Path $PSScriptRoot '../../tools/PwshCommand.psm1') -Force
Import-Module (Join-Path $PSScriptRoot '../../tools/LinerHelp.psm1') -Force

# Get-Help of every cmdlet of the module and of about_Liner, in a fresh pwsh whose UI culture comes from
# $Locale (LANG and LC_ALL: on Linux and macOS .NET takes the culture from them; LC_ALL wins over any
# LC_MESSAGES of the caller). Texts are as Get-Help gives them: a description's paragraphs joined by a
# blank line.
function Get-ShownHelp {
    param([Parameter(Mandatory)] [string] $Locale, [Parameter(Mandatory)] [string] $ModulePath)
    $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModulePath'
`$PSStyle.OutputRendering = 'PlainText'
`$texts = { param(`$items) (@(`$items | ForEach-Object { `$_.Text }) -join "``n``n").Trim() }
`$commands = foreach (`$command in Get-Command -Module Liner.PowerShell -CommandType Cmdlet) {
    `$help = Get-Help `$command.Name -Full
    [pscustomobject]@{
        Name          = `$command.Name
        Synopsis      = `$help.Synopsis
        Description   = & `$texts `$help.Description
        Examples      = @(`$help.Examples.Example | ForEach-Object { `$_.Code })
        Parameters    = @(`$help.Parameters.Parameter | ForEach-Object { [pscustomobject]@{ Name = `$_.Name; Description = & `$texts `$_.Description } })
        Syntax        = @((`$help.Syntax | Out-String -Width 1000) -split '\r?\n' | Where-Object { `$_.Trim() } | ForEach-Object Trim)
        ShouldProcess = `$command.Parameters.ContainsKey('WhatIf')
    }
}
[pscustomobject]@{ Culture = `$PSUICulture; Commands = @(`$commands); About = (Get-Help about_Liner | Out-String) } | ConvertTo-Json -Depth 5
"@
    $environment = @{ LANG = $Locale; LC_ALL = $Locale; LC_MESSAGES = $null; LANGUAGE = $null; LINER_API_HOST = $null; LINER_API_KEY = $null }
    $result = Invoke-FreshPwsh -Script $script -Environment $environment -WorkingDirectory ([IO.Path]::GetTempPath()) -TimeoutSec 120 -Capture
    if ($result.ExitCode -ne 0 -or -not $result.Output) { throw "Get-Help in a fresh pwsh with LANG=$Locale failed (exit code $($result.ExitCode)): $($result.Errors)" }
    $result.Output | ConvertFrom-Json
}

# Text with its whitespace collapsed, to compare what Get-Help shows with the page it was compiled from.
function Get-FlatText([string] $Text) { (@($Text -split '\s+' | Where-Object { $_ }) -join ' ') }

# What Get-Help should show for a page's text: its inline markdown removed, as the help build does.
function Get-ExpectedText([string] $Markdown) {
    Get-FlatText (@([regex]::Split($Markdown.Trim(), '\r?\n\s*\r?\n') | ForEach-Object { ConvertFrom-InlineMarkdown (Get-FlatText $_) }) -join ' ')
}

# Where Get-Help's text for one cmdlet differs from docs/<culture>/<cmdlet>.md (parsed by
# ConvertFrom-HelpMarkdown): the synopsis, the description and each parameter's description.
function Compare-ShownHelp {
    param([Parameter(Mandatory)] $Shown, [Parameter(Mandatory)] $Page, [Parameter(Mandatory)] [string] $Culture)
    $where = "docs/$Culture/$($Page.Name).md"
    if ((Get-FlatText $Shown.Synopsis) -cne (Get-ExpectedText $Page.Synopsis)) { "the synopsis is '$($Shown.Synopsis)', not the one of $where" }
    if ((Get-FlatText $Shown.Description) -cne (Get-ExpectedText $Page.Description)) { "the description is not the one of $where (it begins '$(([string]$Shown.Description).Substring(0, [math]::Min(60, ([string]$Shown.Description).Length)))')" }
    foreach ($parameter in $Page.Parameters) {
        $shownParameter = @($Shown.Parameters) | Where-Object Name -EQ $parameter.Name
        if (-not $shownParameter) { "-$($parameter.Name) is not shown"; continue }
        if ((Get-FlatText $shownParameter.Description) -cne (Get-ExpectedText $parameter.Text)) {
            "-$($parameter.Name)'s description is '$($shownParameter.Description)', not the one of $where"
        }
    }
}
