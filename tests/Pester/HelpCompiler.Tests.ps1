# The small markdown-to-MAML compiler in tools/LinerHelp.psm1, on markdown it is given here.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../tools/LinerHelp.psm1') -Force
    $markdown = @'
---
external help file: Sample.dll-Help.xml
schema: 2.0.0
---

# Get-Sample

## SYNOPSIS
Gets **samples**.

## SYNTAX

### ByName (Default)
```
Get-Sample [-Name] <String[]> [<CommonParameters>]
```

### ById
```
Get-Sample -Id <Int32> [-Force] [<CommonParameters>]
```

## DESCRIPTION
First paragraph
continues here.

Second paragraph with `code`.

## EXAMPLES

### Example 1: Get one sample
```powershell
Get-Sample -Name one
```

Gets the sample named one.

## PARAMETERS

### -Name
The names.

```yaml
Type: String[]
Parameter Sets: ByName
Aliases: N

Required: True
Position: 0
Default value: None
Accept pipeline input: True (ByValue)
Accept wildcard characters: True
```

### -Id
The id.

```yaml
Type: Int32
Parameter Sets: ById
Aliases:

Required: True
Position: Named
Default value: None
Accept pipeline input: False
Accept wildcard characters: False
```

### -Force
Forces it.

```yaml
Type: SwitchParameter
Parameter Sets: ById
Aliases:

Required: False
Position: Named
Default value: False
Accept pipeline input: False
Accept wildcard characters: False
```

### CommonParameters
Common.

## INPUTS

### System.String[]
Names.

## OUTPUTS

### Sample.Thing
A thing.

## NOTES
A note.

## RELATED LINKS

[Set-Sample](Set-Sample.md)

[Online](https://example.com/get-sample)
'@
    $path = Join-Path $TestDrive 'Get-Sample.md'
    Set-Content -Path $path -Value $markdown -Encoding utf8
    $help = ConvertFrom-HelpMarkdown $path
}

Describe 'ConvertFrom-HelpMarkdown' {
    It 'reads the name, synopsis and description paragraphs' {
        $help.Name | Should -Be 'Get-Sample'
        $help.Synopsis | Should -Be 'Gets **samples**.'
        $help.Description | Should -Match '(?s)First paragraph\s+continues here\.\s+Second paragraph'
    }

    It 'reads the parameter sets and which is the default' {
        $help.Syntax.SetName | Should -Be @('ByName', 'ById')
        $help.Syntax[0].IsDefault | Should -BeTrue
        $help.Syntax[1].IsDefault | Should -BeFalse
        $help.Syntax[1].Text | Should -Be 'Get-Sample -Id <Int32> [-Force] [<CommonParameters>]'
    }

    It 'reads each parameter''s description and yaml, but not CommonParameters' {
        $help.Parameters.Name | Should -Be @('Name', 'Id', 'Force')
        $name = $help.Parameters[0]
        $name.Text | Should -Be 'The names.'
        $name.Type | Should -Be 'String[]'
        $name.ParameterSets | Should -Be @('ByName')
        $name.Aliases | Should -Be @('N')
        $name.Required | Should -BeTrue
        $name.Position | Should -Be '0'
        $name.PipelineInput | Should -Be 'True (ByValue)'
        $name.Wildcards | Should -BeTrue
        $help.Parameters[2].DefaultValue | Should -Be 'False'
    }

    It 'reads examples with their code and remarks, inputs, outputs, notes and links' {
        $help.Examples.Count | Should -Be 1
        $help.Examples[0].Title | Should -Be 'Example 1: Get one sample'
        $help.Examples[0].Code | Should -Be @('Get-Sample -Name one')
        $help.Examples[0].Text | Should -Be 'Gets the sample named one.'
        $help.Inputs[0].Type | Should -Be 'System.String[]'
        $help.Outputs[0].Type | Should -Be 'Sample.Thing'
        $help.Notes | Should -Be 'A note.'
        $help.Links.Text | Should -Be @('Set-Sample', 'Online')
        $help.Links.Uri | Should -Be @('', 'https://example.com/get-sample')
    }

    It 'refuses a file without a command heading' {
        $bad = Join-Path $TestDrive 'bad.md'
        Set-Content $bad "## SYNOPSIS`nNothing"
        { ConvertFrom-HelpMarkdown $bad } | Should -Throw '*heading*'
    }
}

Describe 'ConvertTo-MamlHelp' {
    BeforeAll {
        $maml = Join-Path $TestDrive 'Sample.dll-Help.xml'
        ConvertTo-MamlHelp -Command $help -Path $maml
        [xml]$xml = Get-Content -Raw $maml
        $ns = [System.Xml.XmlNamespaceManager]::new($xml.NameTable)
        $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
        $ns.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
        $command = $xml.SelectSingleNode('//command:command', $ns)
    }

    It 'writes a helpItems document with the command''s name, verb, noun and synopsis' {
        $xml.DocumentElement.LocalName | Should -Be 'helpItems'
        $command.SelectSingleNode('command:details/command:name', $ns).InnerText | Should -Be 'Get-Sample'
        $command.SelectSingleNode('command:details/command:verb', $ns).InnerText | Should -Be 'Get'
        $command.SelectSingleNode('command:details/command:noun', $ns).InnerText | Should -Be 'Sample'
        $command.SelectSingleNode('command:details/maml:description/maml:para', $ns).InnerText | Should -Be 'Gets samples.'
    }

    It 'writes the description as paragraphs without markdown' {
        $paragraphs = $command.SelectNodes('maml:description/maml:para', $ns) | ForEach-Object InnerText
        $paragraphs | Should -Be @('First paragraph continues here.', 'Second paragraph with code.')
    }

    It 'writes one syntax item per set with the set''s parameters, required per set, switches without a value' {
        $items = $command.SelectNodes('command:syntax/command:syntaxItem', $ns)
        $items.Count | Should -Be 2
        ($items[0].SelectNodes('command:parameter/maml:name', $ns) | ForEach-Object InnerText) | Should -Be @('Name')
        ($items[1].SelectNodes('command:parameter/maml:name', $ns) | ForEach-Object InnerText) | Should -Be @('Id', 'Force')
        $items[1].SelectSingleNode("command:parameter[maml:name='Id']", $ns).required | Should -Be 'true'
        $items[1].SelectSingleNode("command:parameter[maml:name='Force']/command:parameterValue", $ns) | Should -BeNullOrEmpty
    }

    It 'writes every parameter with its attributes and description' {
        $name = $command.SelectSingleNode("command:parameters/command:parameter[maml:name='Name']", $ns)
        $name.position | Should -Be '0'
        $name.pipelineInput | Should -Be 'True (ByValue)'
        $name.globbing | Should -Be 'true'
        $name.aliases | Should -Be 'N'
        $name.SelectSingleNode('maml:description/maml:para', $ns).InnerText | Should -Be 'The names.'
        $name.SelectSingleNode('dev:type/maml:name', $ns).InnerText | Should -Be 'String[]'
    }

    It 'writes examples, inputs, outputs, notes and links' {
        $example = $command.SelectSingleNode('command:examples/command:example', $ns)
        $example.SelectSingleNode('maml:title', $ns).InnerText | Should -Match 'Example 1: Get one sample'
        $example.SelectSingleNode('dev:code', $ns).InnerText | Should -Be 'Get-Sample -Name one'
        $example.SelectSingleNode('dev:remarks/maml:para', $ns).InnerText | Should -Be 'Gets the sample named one.'
        $command.SelectSingleNode('command:inputTypes/command:inputType/dev:type/maml:name', $ns).InnerText | Should -Be 'System.String[]'
        $command.SelectSingleNode('command:returnValues/command:returnValue/dev:type/maml:name', $ns).InnerText | Should -Be 'Sample.Thing'
        $command.SelectSingleNode('maml:alertSet/maml:alert/maml:para', $ns).InnerText | Should -Be 'A note.'
        ($command.SelectNodes('command:relatedLinks/maml:navigationLink/maml:linkText', $ns) | ForEach-Object InnerText) | Should -Be @('Set-Sample', 'Online')
    }
}

Describe 'ConvertTo-AboutHelpText' {
    It 'writes TOPIC, capitalised headings, text wrapped at 80 and indented, code indented by eight' {
        $about = Join-Path $TestDrive 'about_Sample.md'
        $long = (1..30 | ForEach-Object { "word$_" }) -join ' '
        Set-Content $about "# about_Sample`n`n## SHORT DESCRIPTION`nShort.`n`n## LONG DESCRIPTION`n$long`n`n- a **bullet** with ``code```n`n``````powershell`nGet-Sample`n```````n"
        $text = ConvertTo-AboutHelpText -Block (ConvertFrom-AboutMarkdown -Path $about)
        $lines = $text -split '\r?\n'
        $lines[0] | Should -Be 'TOPIC'
        $lines[1] | Should -Be '    about_Sample'
        $lines | Should -Contain 'SHORT DESCRIPTION'
        $lines | Should -Contain 'LONG DESCRIPTION'
        $lines | Should -Contain '    - a bullet with code'
        $lines | Should -Contain '        Get-Sample'
        ($lines | Where-Object { $_.Length -gt 80 }) | Should -BeNullOrEmpty
        ($lines | Where-Object { $_ -match 'word' } | Select-Object -First 1) | Should -Match '^    word1 word2'
    }

    It 'keeps a blank line after a list, before the text that follows it' {
        $about = Join-Path $TestDrive 'about_List.md'
        Set-Content $about "# about_List`n`n## LONG DESCRIPTION`nIntro.`n`n- one`n- two`n`nAfter the list.`n"
        $lines = (ConvertTo-AboutHelpText -Block (ConvertFrom-AboutMarkdown -Path $about)) -split '\r?\n'
        $two = [array]::IndexOf($lines, '    - two')
        $lines[$two - 1] | Should -Be '    - one'
        $lines[$two + 1] | Should -Be ''
        $lines[$two + 2] | Should -Be '    After the list.'
    }
}
