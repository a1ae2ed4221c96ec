# Reads platyPS-style markdown help into models: a cmdlet page into an object with its name,
# synopsis, syntax, description, examples, parameters, inputs, outputs, notes and links; an about_
# topic into a list of blocks (topic, heading, subheading, paragraph, list item, code, table line).
# The writers beside this file turn the models into MAML and into about_ text.

Set-StrictMode -Version Latest

# Reads one cmdlet's markdown into an object: name, synopsis, syntax per parameter set,
# description, examples, parameters with their yaml metadata, inputs, outputs, notes and links.
function ConvertFrom-HelpMarkdown {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] [string] $Path)
    process {
        $lines = @(Get-Content -LiteralPath $Path -Encoding utf8)
        $index = 0
        if ($lines.Count -gt 0 -and $lines[0] -eq '---') {
            $index = 1
            while ($index -lt $lines.Count -and $lines[$index] -ne '---') { $index++ }
            $index++
        }

        $help = [ordered]@{
            Name = $null; Synopsis = ''; Syntax = [System.Collections.Generic.List[object]]::new(); Description = ''
            Examples = [System.Collections.Generic.List[object]]::new(); Parameters = [System.Collections.Generic.List[object]]::new()
            Inputs = [System.Collections.Generic.List[object]]::new(); Outputs = [System.Collections.Generic.List[object]]::new()
            Notes = ''; Links = [System.Collections.Generic.List[object]]::new()
        }
        $section = $null
        $current = $null
        $text = [System.Text.StringBuilder]::new()

        $flush = {
            $body = $text.ToString().Trim()
            $null = $text.Clear()
            switch ($section) {
                'SYNOPSIS' { $help.Synopsis = $body }
                'DESCRIPTION' { $help.Description = $body }
                'NOTES' { $help.Notes = $body }
                { $_ -in 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS' } { if ($current) { $current.Text = $body } }
                'RELATED LINKS' {
                    foreach ($match in [regex]::Matches($body, '\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)')) {
                        $uri = $match.Groups['uri'].Value
                        $help.Links.Add([pscustomobject]@{ Text = $match.Groups['text'].Value; Uri = $(if ($uri -match '^https?://') { $uri } else { '' }) })
                    }
                }
            }
        }

        while ($index -lt $lines.Count) {
            $line = $lines[$index]
            if ($line -match '^```(?<lang>\S*)\s*$') {
                # A fenced block belongs to the current subsection: code for examples and syntax, yaml for parameters.
                $language = $Matches.lang
                $block = [System.Collections.Generic.List[string]]::new()
                $index++
                while ($index -lt $lines.Count -and $lines[$index] -notmatch '^```\s*$') { $block.Add($lines[$index]); $index++ }
                $index++
                $code = $block -join "`n"
                if ($section -eq 'SYNTAX' -and $current) { $current.Text = $code.Trim() }
                elseif ($section -eq 'EXAMPLES' -and $current) { $current.Code.Add($code) }
                elseif ($section -eq 'PARAMETERS' -and $current -and $language -eq 'yaml') { Set-ParameterMetadata $current $block }
                else { $null = $text.AppendLine($code) }
                continue
            }
            if ($line -match '^# (?<name>\S+)\s*$' -and -not $help.Name) {
                $help.Name = $Matches.name
            }
            elseif ($line -match '^## (?<section>.+?)\s*$') {
                & $flush
                $section = $Matches.section.ToUpperInvariant()
                $current = $null
            }
            elseif ($line -match '^### (?<title>.+?)\s*$') {
                & $flush
                $title = $Matches.title
                $current = switch ($section) {
                    'SYNTAX' {
                        $isDefault = $title -match '\(Default\)'
                        [pscustomobject]@{ SetName = ($title -replace '\s*\(Default\)\s*$', ''); IsDefault = $isDefault; Text = '' }
                    }
                    'EXAMPLES' { [pscustomobject]@{ Title = $title; Code = [System.Collections.Generic.List[string]]::new(); Text = '' } }
                    'PARAMETERS' {
                        if ($title -eq 'CommonParameters') { $null }
                        else {
                            [pscustomobject]@{
                                Name = $title.TrimStart('-'); Text = ''; Type = ''; ParameterSets = @(); Aliases = @(); Required = $false
                                Position = 'Named'; DefaultValue = 'None'; PipelineInput = 'False'; Wildcards = $false; RequiredBySet = @{}
                                PositionBySet = @{}; PipelineInputBySet = @{}
                            }
                        }
                    }
                    { $_ -in 'INPUTS', 'OUTPUTS' } { [pscustomobject]@{ Type = $title; Text = '' } }
                    default { $null }
                }
                if ($current) {
                    switch ($section) {
                        'SYNTAX' { $help.Syntax.Add($current) }
                        'EXAMPLES' { $help.Examples.Add($current) }
                        'PARAMETERS' { $help.Parameters.Add($current) }
                        'INPUTS' { $help.Inputs.Add($current) }
                        'OUTPUTS' { $help.Outputs.Add($current) }
                    }
                }
            }
            else {
                $null = $text.AppendLine($line)
            }
            $index++
        }
        & $flush
        if (-not $help.Name) { throw "$Path has no '# <command name>' heading." }
        [pscustomobject]$help
    }
}

# Reads a parameter's platyPS yaml block. A parameter that is required, positional or piped in some
# sets only has one block for each way it behaves (as platyPS writes it): their sets are merged and
# Required, Position and Accept pipeline input are kept per set. Position and PipelineInput say what
# the parameter does in the first block (pipeline input: in any block), as the parameter's own entry
# of Get-Help shows it.
function Set-ParameterMetadata {
    param($Parameter, [string[]] $Yaml)
    $values = @{}
    foreach ($line in $Yaml) {
        if ($line -match '^(?<key>[A-Za-z ]+):\s*(?<value>.*)$') { $values[$Matches.key.Trim()] = $Matches.value.Trim() }
    }
    $first = $Parameter.ParameterSets.Count -eq 0
    $sets = @(($values['Parameter Sets'] ?? '(All)') -split ',\s*' | Where-Object { $_ })
    $required = ($values['Required'] ?? 'False') -eq 'True'
    $position = if ($values['Position']) { $values['Position'] } else { 'Named' }
    $pipeline = if ($values['Accept pipeline input']) { $values['Accept pipeline input'] } else { 'False' }
    foreach ($set in $sets) {
        $Parameter.RequiredBySet[$set] = $required
        $Parameter.PositionBySet[$set] = $position
        $Parameter.PipelineInputBySet[$set] = $pipeline
    }
    $Parameter.ParameterSets = @(@($Parameter.ParameterSets) + $sets | Select-Object -Unique)
    $Parameter.Required = $Parameter.Required -or $required
    if ($values['Type']) { $Parameter.Type = $values['Type'] }
    if ($values['Aliases'] -and $values['Aliases'] -ne 'None') { $Parameter.Aliases = @($values['Aliases'] -split ',\s*') }
    if ($first) { $Parameter.Position = $position }
    if ($values['Default value'] -and $first) { $Parameter.DefaultValue = $values['Default value'] }
    if ($first -or $Parameter.PipelineInput -eq 'False') { $Parameter.PipelineInput = $pipeline }
    $Parameter.Wildcards = ($values['Accept wildcard characters'] ?? 'False') -eq 'True'
}

# Text without inline markdown: `code`, **strong**, __strong__, [links](...) and \-escapes become
# their plain words. Only a real span is markup: its marks hug text that is not itself made of marks.
# Anything else is literal text and stays as written: the key "replaced by ****", "2 ** 10",
# LINER_API_HOST, snake__case, a lone wildcard *. Single * and _ are always literal (in this help
# they are wildcards and names far more often than emphasis).
$InlineMarkdown = [regex]::new(@'
(?<tick>`+)(?<code>.+?)(?<!`)\k<tick>(?!`)
|\\(?<escaped>[\\`*_\[\](){}\#+\-.!<>|~])
|\[(?<link>[^\]]+)\]\([^)\s]*\)
|(?<!\*)\*\*(?=[^\s*])(?<strong>.*?[^\s*])\*\*(?!\*)
|(?<![\w_])__(?=[^\s_])(?<strong>.*?[^\s_])__(?![\w_])
'@, 'IgnorePatternWhitespace')

function ConvertFrom-InlineMarkdown([string] $Text) {
    $InlineMarkdown.Replace($Text, {
            param($match)
            $groups = $match.Groups
            if ($groups['code'].Success) { return $groups['code'].Value.Trim() }
            if ($groups['escaped'].Success) { return $groups['escaped'].Value }
            if ($groups['link'].Success) { return ConvertFrom-InlineMarkdown $groups['link'].Value }
            ConvertFrom-InlineMarkdown $groups['strong'].Value
        })
}

# The line of an about_ page where the help build lists the cmdlets, each with its page's synopsis.
$CmdletListMarker = '^\s*<!--\s*cmdlet list\b.*-->\s*$'

# Reads an about_ topic's markdown into blocks, each with its Kind and its Text (code: its Lines).
# An HTML comment line is not shown, except the cmdlet-list marker (<!-- cmdlet list ... -->), which
# becomes one list item per command of -Command (models from ConvertFrom-HelpMarkdown): "Name: synopsis".
function ConvertFrom-AboutMarkdown {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Path, [object[]] $Command = @())
    $blocks = [System.Collections.Generic.List[object]]::new()
    $paragraph = [System.Collections.Generic.List[string]]::new()
    $flush = {
        if ($paragraph.Count -eq 0) { return }
        $text = ConvertFrom-InlineMarkdown ($paragraph -join ' ')
        if ($paragraph[0] -match '^\s*[-*] ') {
            $blocks.Add([pscustomobject]@{ Kind = 'ListItem'; Text = ($text -replace '^\s*[-*] ', '') })
        }
        else {
            $blocks.Add([pscustomobject]@{ Kind = 'Paragraph'; Text = $text })
        }
        $paragraph.Clear()
    }
    $lines = @(Get-Content -LiteralPath $Path -Encoding utf8)
    for ($i = 0; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($line -match '^```') {
            & $flush
            $code = [System.Collections.Generic.List[string]]::new()
            $i++
            while ($i -lt $lines.Count -and $lines[$i] -notmatch '^```') { $code.Add($lines[$i]); $i++ }
            $blocks.Add([pscustomobject]@{ Kind = 'Code'; Lines = $code.ToArray() })
        }
        elseif ($line -match $CmdletListMarker) {
            & $flush
            foreach ($item in $Command | Sort-Object Name) {
                $synopsis = ConvertFrom-InlineMarkdown (($item.Synopsis -split '\r?\n' | ForEach-Object Trim) -join ' ')
                $blocks.Add([pscustomobject]@{ Kind = 'ListItem'; Text = "$($item.Name): $synopsis" })
            }
        }
        elseif ($line -match '^\s*<!--.*-->\s*$') { & $flush }
        elseif ($line -match '^# (?<topic>.+)$') { & $flush; $blocks.Add([pscustomobject]@{ Kind = 'Topic'; Text = $Matches.topic.Trim() }) }
        elseif ($line -match '^## (?<heading>.+)$') { & $flush; $blocks.Add([pscustomobject]@{ Kind = 'Heading'; Text = $Matches.heading.Trim() }) }
        elseif ($line -match '^### (?<heading>.+)$') { & $flush; $blocks.Add([pscustomobject]@{ Kind = 'Subheading'; Text = $Matches.heading.Trim() }) }
        elseif ($line -match '^\s*$') { & $flush }
        elseif ($line -match '^\s*[-*] ' -and $paragraph.Count -gt 0) { & $flush; $paragraph.Add($line) }
        elseif ($line -match '^\|') { & $flush; $blocks.Add([pscustomobject]@{ Kind = 'Table'; Text = $line }) }
        else { $paragraph.Add($line) }
    }
    & $flush
    $blocks.ToArray()
}

Export-ModuleMember -Function ConvertFrom-HelpMarkdown, ConvertFrom-AboutMarkdown, ConvertFrom-InlineMarkdown -Variable CmdletListMarker
