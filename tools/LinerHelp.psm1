# Compiles platyPS-style markdown help (docs/<culture>/) into what PowerShell reads: MAML for the
# cmdlets (<culture>/Liner.PowerShell.dll-Help.xml) and plain text for about_ topics
# (<culture>/about_*.help.txt). platyPS is not available to this build; the markdown stays in
# platyPS's layout so a maintainer who has it can keep using it on the same files.
# As in platyPS, reading and writing are apart: Help/MarkdownReader.psm1 reads markdown into models,
# Help/MamlWriter.psm1 and Help/AboutWriter.psm1 write them.

Set-StrictMode -Version Latest
foreach ($part in 'MarkdownReader', 'MamlWriter', 'AboutWriter') {
    Import-Module (Join-Path $PSScriptRoot "Help/$part.psm1") -Force
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
            $text = ConvertTo-AboutHelpText -Block (ConvertFrom-AboutMarkdown -Path $about.FullName)
            Set-Content -LiteralPath (Join-Path $target ($about.BaseName + '.help.txt')) -Value $text -NoNewline -Encoding utf8
        }
    }
}

Export-ModuleMember -Function ConvertFrom-HelpMarkdown, ConvertFrom-AboutMarkdown, ConvertTo-MamlHelp, ConvertTo-AboutHelpText, Build-LinerHelp
