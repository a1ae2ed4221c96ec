# Writes an about_ topic as the plain text Get-Help shows, from the blocks MarkdownReader.psm1 reads:
# headings in capitals, text indented by four and wrapped at 80 columns, list items as "- " with their
# continuation lines aligned and a blank line after the list, code indented by eight, as PowerShell's
# own topics. -TopicHeading is the first line's word in the topic's language (TOPIC; РАЗДЕЛ in Russian),
# from tools/Help/Strings/<culture>.psd1.

Set-StrictMode -Version Latest

function ConvertTo-AboutHelpText {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [object[]] $Block, [string] $TopicHeading = 'TOPIC')
    $output = [System.Text.StringBuilder]::new()
    $indent = '    '
    for ($i = 0; $i -lt $Block.Count; $i++) {
        $item = $Block[$i]
        $next = if ($i + 1 -lt $Block.Count) { $Block[$i + 1].Kind } else { $null }
        switch ($item.Kind) {
            'Topic' { $null = $output.AppendLine($TopicHeading).AppendLine("$indent$($item.Text)").AppendLine() }
            'Heading' { $null = $output.AppendLine($item.Text.ToUpperInvariant()) }
            'Subheading' { $null = $output.AppendLine("$indent$($item.Text)").AppendLine() }
            'Paragraph' { Add-Wrapped $output $item.Text $indent $indent; $null = $output.AppendLine() }
            'ListItem' {
                Add-Wrapped $output $item.Text "$indent- " "$indent  "
                if ($next -ne 'ListItem') { $null = $output.AppendLine() }
            }
            'Code' {
                foreach ($line in $item.Lines) { $null = $output.AppendLine(("$indent$indent" + $line).TrimEnd()) }
                $null = $output.AppendLine()
            }
            'Table' {
                $null = $output.AppendLine("$indent$($item.Text)")
                if ($next -ne 'Table') { $null = $output.AppendLine() }
            }
        }
    }
    $output.ToString().TrimEnd() + [Environment]::NewLine
}

# Appends words wrapped at 80 columns: the first line starts with $First, the others with $Rest.
function Add-Wrapped([System.Text.StringBuilder] $Output, [string] $Text, [string] $First, [string] $Rest) {
    $line = $First
    foreach ($word in ($Text -split '\s+' | Where-Object { $_ })) {
        if ($line.Length + $word.Length + 1 -gt 80 -and $line.Trim()) {
            $null = $Output.AppendLine($line.TrimEnd())
            $line = $Rest
        }
        $line += $(if ($line.Trim() -and -not $line.EndsWith(' ')) { ' ' } else { '' }) + $word
    }
    $null = $Output.AppendLine($line.TrimEnd())
}

Export-ModuleMember -Function ConvertTo-AboutHelpText
