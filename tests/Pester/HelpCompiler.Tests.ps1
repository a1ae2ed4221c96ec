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

Describe 'ConvertFrom-InlineMarkdown' {
    It 'turns <Markdown> into <Text>' -TestCases @(
        @{ Markdown = 'Gets **samples** and __more__.'; Text = 'Gets samples and more.' }
        @{ Markdown = 'Run `Get-Sample` or see [about_Sample](about_Sample.md).'; Text = 'Run Get-Sample or see about_Sample.' }
        @{ Markdown = '**`Get-Sample -Force`** overwrites.'; Text = 'Get-Sample -Force overwrites.' }
        @{ Markdown = 'A code span keeps `**marks**` as written.'; Text = 'A code span keeps **marks** as written.' }
        @{ Markdown = 'An escaped \*star\* stays.'; Text = 'An escaped *star* stays.' }
    ) {
        ConvertFrom-InlineMarkdown $Markdown | Should -BeExactly $Text
    }

    It 'keeps literal runs of emphasis characters: <Markdown>' -TestCases @(
        @{ Markdown = 'shown with the key replaced by ****.' }
        @{ Markdown = 'a mask of ** or *** or ______' }
        @{ Markdown = '2 ** 10 is 1024, and a ** b ** c is not emphasis' }
        @{ Markdown = 'LINER_API_HOST, snake__case__name and a wildcard *5050 or Select-Object *' }
        @{ Markdown = 'C:\Temp\recordings' }
    ) {
        ConvertFrom-InlineMarkdown $Markdown | Should -BeExactly $Markdown
    }

    It 'keeps **** in an about_ topic (about_Liner once said "replaced by .")' {
        $about = Join-Path $TestDrive 'about_Stars.md'
        Set-Content $about "# about_Stars`n`n## LONG DESCRIPTION`nThe key is replaced by ****. A **bold** word.`n" -Encoding utf8
        $text = ConvertTo-AboutHelpText -Block (ConvertFrom-AboutMarkdown -Path $about)
        $text | Should -Match 'The key is replaced by \*\*\*\*\. A bold word\.'
    }
}

Describe 'The cmdlet list of an about_ topic' {
    It 'lists every command at the marker, by name, with its synopsis without markdown, and shows no other comment' {
        $about = Join-Path $TestDrive 'about_Listed.md'
        Set-Content $about "# about_Listed`n`n## LONG DESCRIPTION`nThe commands:`n`n<!-- cmdlet list: made by the help build -->`n`n<!-- a note to maintainers -->`nAfter.`n" -Encoding utf8
        $commands = @(
            [pscustomobject]@{ Name = 'Set-Sample'; Synopsis = "Sets **a** sample`nand more." }
            [pscustomobject]@{ Name = 'Get-Sample'; Synopsis = 'Gets samples.' }
        )
        $lines = (ConvertTo-AboutHelpText -Block (ConvertFrom-AboutMarkdown -Path $about -Command $commands)) -split '\r?\n'
        $first = [array]::IndexOf($lines, '    - Get-Sample: Gets samples.')
        $first | Should -BeGreaterThan 0
        $lines[$first + 1] | Should -Be '    - Set-Sample: Sets a sample and more.'
        $lines[$first + 2] | Should -Be ''
        $lines[$first + 3] | Should -Be '    After.'
        $lines -match '<!--' | Should -BeNullOrEmpty
    }
}

Describe 'Update-HelpMarkdown' {
    BeforeAll {
        function Set-Sample {
            [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'ByName')]
            [OutputType([string])]
            param(
                [Parameter(Mandatory, Position = 0, ParameterSetName = 'ByName', ValueFromPipeline)]
                [SupportsWildcards()] [Alias('N')] [string[]] $Name,
                [Parameter(Mandatory, ParameterSetName = 'ById', ValueFromPipelineByPropertyName)] [long] $Id,
                [Parameter(ParameterSetName = 'ByName')] [Parameter(Mandatory, ParameterSetName = 'ById')] [string] $Reason,
                [switch] $Force
            )
        }
        $Model = Get-HelpCommandModel (Get-Command Set-Sample)
        $NewPage = Update-HelpMarkdown -Markdown '' -Model $Model -RelatedLink about_Sample
        $Written = Join-Path $TestDrive 'Set-Sample.md'
        Set-Content $Written $NewPage -NoNewline -Encoding utf8
        $Read = ConvertFrom-HelpMarkdown $Written
    }

    It 'writes the syntax of each set as PowerShell prints it, the default set first and marked, with [-WhatIf] [-Confirm]' {
        $Read.Syntax.SetName | Should -Be @('ByName', 'ById')
        $Read.Syntax.IsDefault | Should -Be @($true, $false)
        $Read.Syntax[0].Text | Should -BeExactly 'Set-Sample [-Name] <string[]> [-Reason <string>] [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]'
        $Read.Syntax[1].Text | Should -BeExactly 'Set-Sample -Id <long> -Reason <string> [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]'
        $NewPage | Should -Match '(?m)^### ByName \(Default\)$'
    }

    It 'writes the parameters by name as platyPS does, -Confirm and -WhatIf last, with their metadata' {
        $Read.Parameters.Name | Should -Be @('Force', 'Id', 'Name', 'Reason', 'Confirm', 'WhatIf')
        $name = $Read.Parameters | Where-Object Name -EQ 'Name'
        $name.Type | Should -Be 'String[]'
        $name.ParameterSets | Should -Be @('ByName')
        $name.Aliases | Should -Be @('N')
        $name.Required | Should -BeTrue
        $name.Position | Should -Be '0'
        $name.PipelineInput | Should -Be 'True (ByValue)'
        $name.Wildcards | Should -BeTrue
        ($Read.Parameters | Where-Object Name -EQ 'Id').PipelineInput | Should -Be 'True (ByPropertyName)'
        ($Read.Parameters | Where-Object Name -EQ 'Force').ParameterSets | Should -Be @('(All)')
        ($Read.Parameters | Where-Object Name -EQ 'Force').DefaultValue | Should -Be 'False'
        ($Read.Parameters | Where-Object Name -EQ 'WhatIf').Aliases | Should -Be @('wi')
        ($Read.Parameters | Where-Object Name -EQ 'WhatIf').Text | Should -Match 'cmdlet is not run'
    }

    It 'writes one yaml block for each way a parameter behaves, required per set' {
        $reason = $Read.Parameters | Where-Object Name -EQ 'Reason'
        $reason.ParameterSets | Should -Be @('ById', 'ByName')
        $reason.RequiredBySet['ById'] | Should -BeTrue
        $reason.RequiredBySet['ByName'] | Should -BeFalse
        ([regex]::Matches($NewPage, '(?ms)^### -Reason$.*?(?=^### )').Value | Select-String -Pattern '```yaml' -AllMatches).Matches.Count | Should -Be 2
    }

    It 'starts a new page with placeholders for what a person writes, inputs and outputs from the cmdlet, and related links' {
        $Read.Synopsis | Should -Match '^\{\{.*\}\}$'
        $Read.Description | Should -Match '^\{\{.*\}\}$'
        $Read.Examples.Count | Should -Be 1
        $Read.Examples[0].Code | Should -Match '\{\{.*\}\}'
        ($Read.Parameters | Where-Object Name -EQ 'Name').Text | Should -Match '^\{\{.*\}\}$'
        $Read.Inputs.Type | Should -Be @('System.String[]', 'System.Int64')
        $Read.Outputs.Type | Should -Be @('System.String')
        $Read.Links.Text | Should -Be @('about_Sample')
        $NewPage | Should -Match '(?m)^### CommonParameters\n.*about_CommonParameters'
    }

    It 'writes the words of a culture that has its own (ru-RU), English for others' {
        $russian = Update-HelpMarkdown -Markdown '' -Model $Model -Culture ru-RU
        $russian | Should -Match 'Командлет не выполняется'
        $russian | Should -Match 'поддерживает общие параметры'
        Update-HelpMarkdown -Markdown '' -Model $Model -Culture de-DE | Should -BeExactly (Update-HelpMarkdown -Markdown '' -Model $Model)
    }

    It 'changes nothing on a page it wrote' {
        Update-HelpMarkdown -Markdown $NewPage -Model $Model | Should -BeExactly $NewPage
    }

    It 'refreshes an old page: keeps what a person wrote, fixes the generated parts, drops a parameter that is gone, adds a new one' {
        $old = @'
---
external help file: Sample.dll-Help.xml
Module Name: Sample
schema: 2.0.0
---

# Set-Sample

## SYNOPSIS
Sets **samples**.

## SYNTAX

### ByName (Default)
```
Set-Sample [-Name] <String[]> [-Old] [<CommonParameters>]
```

## DESCRIPTION
Written by hand.

## EXAMPLES

### Example 1: A heading inside code is code
```powershell
## SYNTAX
# a comment
Set-Sample -Name one
```

It sets one.

## PARAMETERS

### -Old
Gone from the cmdlet.

```yaml
Type: SwitchParameter
Parameter Sets: (All)
Aliases:

Required: False
Position: Named
Default value: False
Accept pipeline input: False
Accept wildcard characters: False
```

### -Name
The names, written by hand.

Over two paragraphs.

```yaml
Type: Object
Parameter Sets: (All)
Aliases:

Required: False
Position: Named
Default value: Every sample
Accept pipeline input: False
Accept wildcard characters: False
```

### -WhatIf
Lists what would be set.

```yaml
Type: SwitchParameter
```

### CommonParameters
Common, in my words.

## INPUTS

### System.String[]
Names.

## OUTPUTS

### System.String
Text.

## NOTES
A note.

## RELATED LINKS

[Get-Sample](Get-Sample.md)
'@
        $new = Update-HelpMarkdown -Markdown $old -Model $Model
        $path = Join-Path $TestDrive 'Refreshed.md'
        Set-Content $path $new -NoNewline -Encoding utf8
        $help = ConvertFrom-HelpMarkdown $path

        $help.Synopsis | Should -Be 'Sets **samples**.'
        $help.Description | Should -Be 'Written by hand.'
        $help.Examples[0].Code | Should -Be @("## SYNTAX`n# a comment`nSet-Sample -Name one")
        $help.Examples[0].Text | Should -Be 'It sets one.'
        $help.Syntax.SetName | Should -Be @('ByName', 'ById')
        $help.Parameters.Name | Should -Be @('Force', 'Id', 'Name', 'Reason', 'Confirm', 'WhatIf')
        $name = $help.Parameters | Where-Object Name -EQ 'Name'
        $name.Text | Should -Match '(?s)^The names, written by hand\.\s+Over two paragraphs\.$'
        $name.Type | Should -Be 'String[]'
        $name.DefaultValue | Should -Be 'Every sample'
        ($help.Parameters | Where-Object Name -EQ 'WhatIf').Text | Should -Be 'Lists what would be set.'
        ($help.Parameters | Where-Object Name -EQ 'Force').Text | Should -Match '^\{\{.*\}\}$'
        $new | Should -Not -Match 'Gone from the cmdlet'
        $new | Should -Match '(?m)^### CommonParameters\nCommon, in my words\.$'
        $new | Should -Match '(?m)^external help file: Sample\.dll-Help\.xml$'
        $help.Inputs.Type | Should -Be @('System.String[]')
        $help.Notes | Should -Be 'A note.'
        $help.Links.Text | Should -Be @('Get-Sample')
        Update-HelpMarkdown -Markdown $new -Model $Model | Should -BeExactly $new
    }

    It 'adds a missing SYNTAX or PARAMETERS section under its own heading, after the section it follows' {
        # A translator may write a page without its generated parts: -Task Help adds them.
        $written = "# Set-Sample`n`n## SYNOPSIS`nSets samples.`n`n## DESCRIPTION`nText.`n`n## EXAMPLES`n`n### Example 1: One`n``````powershell`nSet-Sample one`n```````n`nIt sets one.`n`n## INPUTS`n`n### None`nNothing.`n"
        $new = Update-HelpMarkdown -Markdown $written -Model $Model
        @([regex]::Matches($new, '(?m)^## (.+)$') | ForEach-Object { $_.Groups[1].Value }) | Should -Be @('SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS')
        Update-HelpMarkdown -Markdown $new -Model $Model | Should -BeExactly $new
    }

    It 'compiles to MAML whose syntax shows -WhatIf and -Confirm in PowerShell''s order' {
        $maml = Join-Path $TestDrive 'SetSample.dll-Help.xml'
        ConvertTo-MamlHelp -Command $Read -Path $maml
        [xml]$xml = Get-Content -Raw $maml
        $ns = [System.Xml.XmlNamespaceManager]::new($xml.NameTable)
        $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
        $items = $xml.SelectNodes('//command:syntax/command:syntaxItem', $ns)
        ($items[0].SelectNodes('command:parameter/maml:name', $ns) | ForEach-Object InnerText) | Should -Be @('Name', 'Reason', 'Force', 'WhatIf', 'Confirm')
        ($items[1].SelectNodes('command:parameter/maml:name', $ns) | ForEach-Object InnerText) | Should -Be @('Id', 'Reason', 'Force', 'WhatIf', 'Confirm')
        $items[1].SelectSingleNode("command:parameter[maml:name='Reason']", $ns).required | Should -Be 'true'
        $items[0].SelectSingleNode("command:parameter[maml:name='Reason']", $ns).required | Should -Be 'false'
    }
}
