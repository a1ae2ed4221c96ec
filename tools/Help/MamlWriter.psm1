# Writes MAML, the XML help PowerShell reads for cmdlets, from the models MarkdownReader.psm1 makes.

Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'MarkdownReader.psm1')

$MamlNamespaces = [ordered]@{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
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
    # In a syntax item, what the parameter does in that set; in the parameter list, its own entry.
    $set = if ($SetName -and $Parameter.RequiredBySet.ContainsKey($SetName)) { $SetName } elseif ($Parameter.RequiredBySet.ContainsKey('(All)')) { '(All)' }
    $required = if ($set) { $Parameter.RequiredBySet[$set] } else { $Parameter.Required }
    $position = if ($set -and $SetName) { $Parameter.PositionBySet[$set] } else { $Parameter.Position }
    $pipeline = if ($set -and $SetName) { $Parameter.PipelineInputBySet[$set] } else { $Parameter.PipelineInput }
    $Writer.WriteStartElement('command', 'parameter', $MamlNamespaces.command)
    $Writer.WriteAttributeString('required', "$required".ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', "$($Parameter.Type.EndsWith('[]'))".ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', "$($Parameter.Wildcards)".ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $pipeline)
    $Writer.WriteAttributeString('position', $position.ToLowerInvariant())
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

# The parameters of a set in the order of the page's syntax line (PowerShell's own order: Get-Help
# shows a syntax item's parameters in the order MAML lists them, -WhatIf and -Confirm included);
# any the line does not name follow, positional first.
function Get-SyntaxOrder($Set, [object[]] $InSet) {
    $named = @([regex]::Matches($Set.Text, '(?<=[\[\s])-(?<name>[A-Za-z]\w*)') | ForEach-Object { $_.Groups['name'].Value })
    $listed = @(foreach ($name in $named) { $InSet | Where-Object Name -EQ $name })
    $rest = @($InSet | Where-Object { $listed -notcontains $_ })
    $listed + @($rest | Where-Object Position -NE 'Named' | Sort-Object { [int]$_.Position }) + @($rest | Where-Object Position -EQ 'Named')
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
                foreach ($parameter in Get-SyntaxOrder $set $inSet) { Write-MamlParameter $writer $parameter $true $set.SetName }
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

Export-ModuleMember -Function ConvertTo-MamlHelp
