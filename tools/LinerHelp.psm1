# Compiles platyPS-style markdown help (docs/<culture>/) into what PowerShell reads: MAML for the
# cmdlets (<culture>/Liner.PowerShell.dll-Help.xml) and plain text for about_ topics
# (<culture>/about_*.help.txt). platyPS is not available to this build; the markdown stays in
# platyPS's layout so a maintainer who has it can keep using it on the same files.

Set-StrictMode -Version Latest

$MamlNamespaces = [ordered]@{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

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

# Reads a parameter's platyPS yaml block. A parameter that is required in some sets only has one
# block per set (as platyPS writes it); their sets are merged and Required is kept per set.
function Set-ParameterMetadata {
    param($Parameter, [string[]] $Yaml)
    $values = @{}
    foreach ($line in $Yaml) {
        if ($line -match '^(?<key>[A-Za-z ]+):\s*(?<value>.*)$') { $values[$Matches.key.Trim()] = $Matches.value.Trim() }
    }
    $sets = @(($values['Parameter Sets'] ?? '(All)') -split ',\s*' | Where-Object { $_ })
    $required = ($values['Required'] ?? 'False') -eq 'True'
    foreach ($set in $sets) { $Parameter.RequiredBySet[$set] = $required }
    $Parameter.ParameterSets = @($Parameter.ParameterSets) + $sets | Select-Object -Unique
    $Parameter.Required = $Parameter.Required -or $required
    if ($values['Type']) { $Parameter.Type = $values['Type'] }
    if ($values['Aliases'] -and $values['Aliases'] -ne 'None') { $Parameter.Aliases = @($values['Aliases'] -split ',\s*') }
    if ($values['Position']) { $Parameter.Position = $values['Position'] }
    if ($values['Default value']) { $Parameter.DefaultValue = $values['Default value'] }
    if ($values['Accept pipeline input']) { $Parameter.PipelineInput = $values['Accept pipeline input'] }
    $Parameter.Wildcards = ($values['Accept wildcard characters'] ?? 'False') -eq 'True'
}

# Text without inline markdown: `code`, **bold** and [links](...) become their plain words.
function ConvertFrom-InlineMarkdown([string] $Text) {
    $Text -replace '`([^`]*)`', '$1' -replace '\*\*([^*]*)\*\*', '$1' -replace '\[([^\]]+)\]\([^)]*\)', '$1'
}

# Paragraphs of markdown text as <maml:para> elements (blank lines separate paragraphs; a list item
# or an indented line starts a new one).
function Add-Paragraphs {
    param([System.Xml.XmlWriter] $Writer, [string] $Text)
    $paragraphs = [regex]::Split(($Text ?? '').Trim(), '\r?\n\s*\r?\n')
    foreach ($paragraph in $paragraphs) {
        $clean = ($paragraph -split '\r?\n' | ForEach-Object { $_.Trim() }) -join ' '
        $clean = ConvertFrom-InlineMarkdown $clean
        $Writer.WriteStartElement('maml', 'para', $MamlNamespaces.maml)
        $Writer.WriteString($clean)
        $Writer.WriteEndElement()
    }
}

function Write-MamlParameter {
    param([System.Xml.XmlWriter] $Writer, $Parameter, [bool] $InSyntax, [string] $SetName)
    $isSwitch = $Parameter.Type -eq 'SwitchParameter'
    $required = if ($SetName -and $Parameter.RequiredBySet.ContainsKey($SetName)) { $Parameter.RequiredBySet[$SetName] }
    elseif ($Parameter.RequiredBySet.ContainsKey('(All)')) { $Parameter.RequiredBySet['(All)'] }
    else { $Parameter.Required }
    $Writer.WriteStartElement('command', 'parameter', $MamlNamespaces.command)
    $Writer.WriteAttributeString('required', "$required".ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', "$($Parameter.Type.EndsWith('[]'))".ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', "$($Parameter.Wildcards)".ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $Parameter.PipelineInput)
    $Writer.WriteAttributeString('position', $Parameter.Position.ToLowerInvariant())
    $Writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('name', $MamlNamespaces.maml, $Parameter.Name)
    $Writer.WriteStartElement('maml', 'description', $MamlNamespaces.maml)
    Add-Paragraphs $Writer $Parameter.Text
    $Writer.WriteEndElement()
    if (-not ($InSyntax -and $isSwitch)) {
        $Writer.WriteStartElement('command', 'parameterValue', $MamlNamespaces.command)
        $Writer.WriteAttributeString('required', "$(-not $isSwitch)".ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($Parameter.Type)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $MamlNamespaces.dev)
    $Writer.WriteElementString('name', $MamlNamespaces.maml, $Parameter.Type)
    $Writer.WriteElementString('uri', $MamlNamespaces.maml, '')
    $Writer.WriteEndElement()
    $Writer.WriteElementString('defaultValue', $MamlNamespaces.dev, $Parameter.DefaultValue)
    $Writer.WriteEndElement()
}

function Write-MamlTypes {
    param([System.Xml.XmlWriter] $Writer, [string] $Outer, [string] $Inner, $Types)
    $Writer.WriteStartElement('command', $Outer, $MamlNamespaces.command)
    foreach ($type in $Types) {
        $Writer.WriteStartElement('command', $Inner, $MamlNamespaces.command)
        $Writer.WriteStartElement('dev', 'type', $MamlNamespaces.dev)
        $Writer.WriteElementString('name', $MamlNamespaces.maml, $type.Type)
        $Writer.WriteEndElement()
        $Writer.WriteStartElement('maml', 'description', $MamlNamespaces.maml)
        Add-Paragraphs $Writer $type.Text
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

# Writes the MAML help file for the commands read by ConvertFrom-HelpMarkdown.
function ConvertTo-MamlHelp {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [object[]] $Command, [Parameter(Mandatory)] [string] $Path)
    $settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($help in $Command) {
            $writer.WriteStartElement('command', 'command', $MamlNamespaces.command)
            foreach ($prefix in $MamlNamespaces.Keys) { $writer.WriteAttributeString('xmlns', $prefix, $null, $MamlNamespaces[$prefix]) }

            $verb, $noun = $help.Name -split '-', 2
            $writer.WriteStartElement('command', 'details', $MamlNamespaces.command)
            $writer.WriteElementString('name', $MamlNamespaces.command, $help.Name)
            $writer.WriteElementString('verb', $MamlNamespaces.command, $verb)
            $writer.WriteElementString('noun', $MamlNamespaces.command, $noun)
            $writer.WriteStartElement('maml', 'description', $MamlNamespaces.maml)
            Add-Paragraphs $writer $help.Synopsis
            $writer.WriteEndElement()
            $writer.WriteEndElement()

            $writer.WriteStartElement('maml', 'description', $MamlNamespaces.maml)
            Add-Paragraphs $writer $help.Description
            $writer.WriteEndElement()

            $writer.WriteStartElement('command', 'syntax', $MamlNamespaces.command)
            foreach ($set in $help.Syntax) {
                $writer.WriteStartElement('command', 'syntaxItem', $MamlNamespaces.command)
                $writer.WriteElementString('name', $MamlNamespaces.maml, $help.Name)
                $inSet = @($help.Parameters | Where-Object { $_.ParameterSets -contains '(All)' -or $_.ParameterSets -contains $set.SetName })
                # Positional parameters first, in position order, as PowerShell's own syntax lines show them.
                $ordered = @($inSet | Where-Object Position -NE 'Named' | Sort-Object { [int]$_.Position }) + @($inSet | Where-Object Position -EQ 'Named')
                foreach ($parameter in $ordered) { Write-MamlParameter $writer $parameter $true $set.SetName }
                $writer.WriteEndElement()
            }
            $writer.WriteEndElement()

            $writer.WriteStartElement('command', 'parameters', $MamlNamespaces.command)
            foreach ($parameter in $help.Parameters) { Write-MamlParameter $writer $parameter $false $null }
            $writer.WriteEndElement()

            Write-MamlTypes $writer 'inputTypes' 'inputType' $help.Inputs
            Write-MamlTypes $writer 'returnValues' 'returnValue' $help.Outputs

            $writer.WriteStartElement('maml', 'alertSet', $MamlNamespaces.maml)
            $writer.WriteStartElement('maml', 'alert', $MamlNamespaces.maml)
            Add-Paragraphs $writer $help.Notes
            $writer.WriteEndElement()
            $writer.WriteEndElement()

            $writer.WriteStartElement('command', 'examples', $MamlNamespaces.command)
            foreach ($example in $help.Examples) {
                $writer.WriteStartElement('command', 'example', $MamlNamespaces.command)
                $writer.WriteElementString('title', $MamlNamespaces.maml, "-------------------------- $($example.Title) --------------------------")
                $writer.WriteElementString('code', $MamlNamespaces.dev, ($example.Code -join "`n`n"))
                $writer.WriteStartElement('dev', 'remarks', $MamlNamespaces.dev)
                Add-Paragraphs $writer $example.Text
                $writer.WriteEndElement()
                $writer.WriteEndElement()
            }
            $writer.WriteEndElement()

            $writer.WriteStartElement('command', 'relatedLinks', $MamlNamespaces.command)
            foreach ($link in $help.Links) {
                $writer.WriteStartElement('maml', 'navigationLink', $MamlNamespaces.maml)
                $writer.WriteElementString('linkText', $MamlNamespaces.maml, $link.Text)
                $writer.WriteElementString('uri', $MamlNamespaces.maml, $link.Uri)
                $writer.WriteEndElement()
            }
            $writer.WriteEndElement()

            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
}

# Turns an about_ topic's markdown into the plain text Get-Help shows: headings in capitals,
# text indented by four and wrapped at 80 columns, code indented by eight, as PowerShell's own topics.
function ConvertTo-AboutHelpText {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Path)
    $output = [System.Text.StringBuilder]::new()
    $paragraph = [System.Collections.Generic.List[string]]::new()
    $indent = '    '
    $flush = {
        if ($paragraph.Count -eq 0) { return }
        $words = ConvertFrom-InlineMarkdown ($paragraph -join ' ')
        $first = $paragraph[0]
        $bullet = $first -match '^\s*[-*] '
        $words = $words -replace '^\s*[-*] ', ''
        $lineText = if ($bullet) { "$indent- " } else { $indent }
        $continuation = if ($bullet) { "$indent  " } else { $indent }
        foreach ($word in ($words -split '\s+' | Where-Object { $_ })) {
            if ($lineText.Length + $word.Length + 1 -gt 80 -and $lineText.Trim()) {
                $null = $output.AppendLine($lineText.TrimEnd())
                $lineText = $continuation
            }
            $lineText += $(if ($lineText.Trim() -and -not $lineText.EndsWith(' ')) { ' ' } else { '' }) + $word
        }
        $null = $output.AppendLine($lineText.TrimEnd())
        if (-not $bullet) { $null = $output.AppendLine() }
        $paragraph.Clear()
    }
    $lines = @(Get-Content -LiteralPath $Path -Encoding utf8)
    for ($i = 0; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($line -match '^```') {
            & $flush
            $i++
            while ($i -lt $lines.Count -and $lines[$i] -notmatch '^```') { $null = $output.AppendLine(("$indent$indent" + $lines[$i]).TrimEnd()); $i++ }
            $null = $output.AppendLine()
        }
        elseif ($line -match '^# (?<topic>.+)$') {
            & $flush
            $null = $output.AppendLine('TOPIC').AppendLine("$indent$($Matches.topic.Trim())").AppendLine()
        }
        elseif ($line -match '^#{2,3} (?<heading>.+)$') {
            & $flush
            $heading = $Matches.heading.Trim()
            $null = $output.AppendLine($(if ($line.StartsWith('## ')) { $heading.ToUpperInvariant() } else { "$indent$heading" }))
            if ($line.StartsWith('### ')) { $null = $output.AppendLine() }
        }
        elseif ($line -match '^\s*$') { & $flush; }
        elseif ($line -match '^\s*[-*] ' -and $paragraph.Count -gt 0) { & $flush; $paragraph.Add($line) }
        elseif ($line -match '^\|') { & $flush; $null = $output.AppendLine("$indent$line") }
        else { $paragraph.Add($line) }
    }
    & $flush
    $output.ToString().TrimEnd() + [Environment]::NewLine
}

# Compiles docs/<culture>/*.md into <OutputPath>/<culture>/: one MAML file for every cmdlet page
# and a .help.txt for every about_ page.
function Build-LinerHelp {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $DocsPath,
        [Parameter(Mandatory)] [string] $OutputPath,
        [string] $HelpFileName = 'Liner.PowerShell.dll-Help.xml'
    )
    foreach ($cultureFolder in Get-ChildItem -LiteralPath $DocsPath -Directory) {
        $target = Join-Path $OutputPath $cultureFolder.Name
        $null = New-Item -ItemType Directory -Path $target -Force
        $commands = @(Get-ChildItem -LiteralPath $cultureFolder.FullName -Filter '*.md' |
            Where-Object Name -NotLike 'about_*' | Sort-Object Name | ForEach-Object { ConvertFrom-HelpMarkdown $_.FullName })
        if ($commands) { ConvertTo-MamlHelp -Command $commands -Path (Join-Path $target $HelpFileName) }
        foreach ($about in Get-ChildItem -LiteralPath $cultureFolder.FullName -Filter 'about_*.md') {
            $text = ConvertTo-AboutHelpText -Path $about.FullName
            Set-Content -LiteralPath (Join-Path $target ($about.BaseName + '.help.txt')) -Value $text -NoNewline -Encoding utf8
        }
    }
}

Export-ModuleMember -Function ConvertFrom-HelpMarkdown, ConvertTo-MamlHelp, ConvertTo-AboutHelpText, Build-LinerHelp
