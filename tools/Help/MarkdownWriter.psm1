# Writes the generated parts of a platyPS-style cmdlet page from the model CommandReader.psm1 reads
# from the cmdlet, as platyPS's New-/Update-MarkdownCommandHelp do: the SYNTAX section (one ### per
# parameter set, the default marked, the syntax line as PowerShell prints it) and each parameter's
# yaml block. Everything else a person wrote is kept as it is: synopsis, description, examples,
# parameter descriptions, a hand-written "Default value" (the cmdlet's metadata does not have it),
# inputs, outputs, notes and links. A parameter the cmdlet no longer has is removed; a new one gets a
# {{ ... }} placeholder; a cmdlet without a page gets one from a template, with placeholders for what
# only a person can write. The words it writes come from Strings/<culture>.psd1 (en-US by default).

Set-StrictMode -Version Latest

function Get-HelpStrings([string] $Culture) {
    $folder = Join-Path $PSScriptRoot 'Strings'
    $strings = Import-PowerShellDataFile (Join-Path $folder 'en-US.psd1')
    $own = Join-Path $folder "$Culture.psd1"
    if ($Culture -and (Test-Path -LiteralPath $own)) {
        $localized = Import-PowerShellDataFile $own
        foreach ($key in $localized.Keys) { $strings[$key] = $localized[$key] }
    }
    $strings
}

# A page as its head (front matter and '# Name') and its '## ' sections, each with its lines.
# Headings inside fenced code (an example's '# comment', say) are code, not headings.
function Split-HelpPage([string] $Markdown) {
    $lines = @(($Markdown -replace '\r\n?', "`n").TrimEnd("`n") -split "`n")
    $head = [System.Collections.Generic.List[string]]::new()
    $sections = [System.Collections.Generic.List[object]]::new()
    $fence = $null
    foreach ($line in $lines) {
        if ($fence) {
            if ($line -match "^\s*$([regex]::Escape($fence))\s*$") { $fence = $null }
        }
        elseif ($line -match '^\s*(?<fence>```+|~~~+)') { $fence = $Matches.fence }
        elseif ($line -match '^## (?<title>.+?)\s*$') {
            $sections.Add([pscustomobject]@{ Title = $Matches.title; Lines = [System.Collections.Generic.List[string]]::new() })
            continue
        }
        if ($sections.Count) { $sections[-1].Lines.Add($line) } else { $head.Add($line) }
    }
    [pscustomobject]@{ Head = $head; Sections = $sections }
}

function Join-HelpPage($Page) {
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.AddRange([string[]]$Page.Head)
    foreach ($section in $Page.Sections) {
        $lines.Add("## $($section.Title)")
        $lines.AddRange([string[]]$section.Lines)
    }
    ($lines -join "`n").TrimEnd() + "`n"
}

function Find-Section($Page, [string] $Title) {
    for ($i = 0; $i -lt $Page.Sections.Count; $i++) { if ($Page.Sections[$i].Title -eq $Title) { return $i } }
    -1
}

# Replaces a section's lines, or adds the section after the first of $After that the page has.
function Set-Section($Page, [string] $Title, [string[]] $Lines, [string[]] $After) {
    $content = [System.Collections.Generic.List[string]]::new()
    $content.AddRange($Lines)
    $index = Find-Section $Page $Title
    if ($index -ge 0) { $Page.Sections[$index].Lines = $content; return }
    $at = $Page.Sections.Count
    foreach ($anchor in $After) {
        $previous = Find-Section $Page $anchor
        if ($previous -ge 0) { $at = $previous + 1; break }
    }
    $Page.Sections.Insert($at, [pscustomobject]@{ Title = $Title; Lines = $content })
}

# Lines without the blank lines around them.
function Get-Trimmed([string[]] $Lines) {
    $first = 0; $last = $Lines.Count - 1
    while ($first -le $last -and -not $Lines[$first].Trim()) { $first++ }
    while ($last -ge $first -and -not $Lines[$last].Trim()) { $last-- }
    if ($first -gt $last) { return @() }
    @($Lines[$first..$last])
}

# The entries of a PARAMETERS section as written: for each '### -Name' (and '### CommonParameters')
# its description (every line but the yaml blocks) and the first "Default value" of its yaml.
function Read-ParameterEntries([string[]] $Lines) {
    $entries = @{}
    $current = $null
    $inYaml = $false
    $inFence = $false
    foreach ($line in $Lines) {
        if ($inYaml) {
            if ($line -match '^\s*```\s*$') { $inYaml = $false }
            elseif ($line -match '^Default value:\s?(?<value>.*)$' -and $null -eq $current.DefaultValue) { $current.DefaultValue = $Matches.value.Trim() }
            continue
        }
        if ($inFence) {
            if ($line -match '^\s*```\s*$') { $inFence = $false }
        }
        elseif ($line -match '^\s*```yaml\s*$') { $inYaml = $true; continue }
        elseif ($line -match '^\s*```') { $inFence = $true }
        elseif ($line -match '^### (?<title>.+?)\s*$') {
            $current = [pscustomobject]@{ Description = [System.Collections.Generic.List[string]]::new(); DefaultValue = $null }
            $entries[$Matches.title.TrimStart('-')] = $current
            continue
        }
        if ($current) { $current.Description.Add($line) }
    }
    $entries
}

function Get-SyntaxLines($Model) {
    ''
    foreach ($set in $Model.Syntax) {
        "### $($set.SetName)$(if ($set.IsDefault) { ' (Default)' })"
        '```'
        $set.Text
        '```'
        ''
    }
}

function Get-ParameterLines($Model, [hashtable] $Entries, [hashtable] $Strings) {
    ''
    foreach ($parameter in $Model.Parameters) {
        $entry = $Entries[$parameter.Name]
        $description = if ($entry) { Get-Trimmed $entry.Description } else { @() }
        if (-not $description) {
            $description = if ($Strings.ContainsKey($parameter.Name) -and $parameter.Name -in 'WhatIf', 'Confirm') { $Strings[$parameter.Name] } else { $Strings.ParameterPlaceholder }
        }
        $default = if ($entry -and $entry.DefaultValue) { $entry.DefaultValue } elseif ($parameter.IsSwitch) { 'False' } else { 'None' }
        "### -$($parameter.Name)"
        $description
        ''
        foreach ($block in $parameter.Blocks) {
            '```yaml'
            "Type: $($parameter.Type)"
            "Parameter Sets: $($block.ParameterSets -join ', ')"
            "Aliases: $($parameter.Aliases -join ', ')".TrimEnd()
            ''
            "Required: $($block.Required)"
            "Position: $($block.Position)"
            "Default value: $default"
            "Accept pipeline input: $($block.PipelineInput)"
            "Accept wildcard characters: $($parameter.Wildcards)"
            '```'
            ''
        }
    }
    '### CommonParameters'
    $common = if ($Entries['CommonParameters']) { Get-Trimmed $Entries['CommonParameters'].Description } else { @() }
    if ($common) { $common } else { $Strings.CommonParameters }
    ''
}

# A new page: front matter, the sections platyPS writes, placeholders where a person writes.
function New-HelpPageTemplate($Model, [hashtable] $Strings, [string[]] $RelatedLink) {
    $inputs = if ($Model.InputTypes) { $Model.InputTypes } else { @($Strings.NoInput) }
    $outputs = if ($Model.OutputTypes) { $Model.OutputTypes } else { @('None') }
    @(
        '---'
        "external help file: $($Model.HelpFile)"
        "Module Name: $($Model.ModuleName)"
        'online version:'
        'schema: 2.0.0'
        '---'
        ''
        "# $($Model.Name)"
        ''
        '## SYNOPSIS'
        $Strings.SynopsisPlaceholder
        ''
        '## SYNTAX'
        ''
        '## DESCRIPTION'
        $Strings.DescriptionPlaceholder
        ''
        '## EXAMPLES'
        ''
        "### $($Strings.ExampleTitle)"
        '```powershell'
        $Strings.ExampleCode
        '```'
        ''
        $Strings.ExampleText
        ''
        '## PARAMETERS'
        ''
        '## INPUTS'
        ''
        foreach ($type in $inputs) { "### $type"; $Strings.TypePlaceholder; '' }
        '## OUTPUTS'
        ''
        foreach ($type in $outputs) { "### $type"; $Strings.TypePlaceholder; '' }
        '## NOTES'
        ''
        '## RELATED LINKS'
        ''
        foreach ($link in $RelatedLink) { "[$link]($link.md)"; '' }
    ) -join "`n"
}

# The page for $Model: $Markdown (the page as it is, or nothing for a new page) with its SYNTAX
# section and its PARAMETERS entries made from the cmdlet, everything else kept. Running it on its
# own result changes nothing.
function Update-HelpMarkdown {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowEmptyString()] [AllowNull()] [string] $Markdown,
        [Parameter(Mandatory)] $Model,
        [string] $Culture = 'en-US',
        # For a new page: the topics its RELATED LINKS name (about_Liner, say).
        [string[]] $RelatedLink = @()
    )
    $strings = Get-HelpStrings $Culture
    if (-not "$Markdown".Trim()) { $Markdown = New-HelpPageTemplate $Model $strings $RelatedLink }
    $page = Split-HelpPage $Markdown
    Set-Section $page 'SYNTAX' (Get-SyntaxLines $Model) -After 'SYNOPSIS'
    $parametersAt = Find-Section $page 'PARAMETERS'
    $entries = if ($parametersAt -ge 0) { Read-ParameterEntries $page.Sections[$parametersAt].Lines } else { @{} }
    Set-Section $page 'PARAMETERS' (Get-ParameterLines $Model $entries $strings) -After 'EXAMPLES', 'DESCRIPTION', 'SYNTAX'
    Join-HelpPage $page
}

Export-ModuleMember -Function Update-HelpMarkdown, Get-HelpStrings
