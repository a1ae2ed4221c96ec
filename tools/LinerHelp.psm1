# The module's help: docs/<culture>/*.md, platyPS-style markdown, one page per cmdlet and about_
# topics. Two jobs, as platyPS's:
# - Update-LinerHelpMarkdown (./build.ps1 -Task Help) makes or refreshes each cmdlet page's generated
#   parts (SYNTAX, the parameters' yaml) from the loaded cmdlets, in every culture folder, keeping
#   what a person wrote; a cmdlet without a page gets one with {{ ... }} placeholders to fill in.
# - Build-LinerHelp (./build.ps1 -Task Build) compiles the pages into what PowerShell reads: MAML for
#   the cmdlets (<culture>/Liner.PowerShell.dll-Help.xml) and plain text for about_ topics
#   (<culture>/about_*.help.txt), with about_Liner's list of cmdlets made from the pages.
# platyPS is not available to this build; the markdown stays in platyPS's layout so a maintainer who
# has it can keep using it on the same files. As in platyPS, each stage has its file in Help/:
# CommandReader (cmdlet -> model), MarkdownWriter (model -> page's generated parts), MarkdownReader
# (page -> model), MamlWriter and AboutWriter (model -> what Get-Help reads).

Set-StrictMode -Version Latest
foreach ($part in 'CommandReader', 'MarkdownWriter', 'MarkdownReader', 'MamlWriter', 'AboutWriter') {
    Import-Module (Join-Path $PSScriptRoot "Help/$part.psm1") -Force
}

# Compiles docs/<culture>/*.md into <OutputPath>/<culture>/: one MAML file for every cmdlet page
# and a .help.txt for every about_ page, whose cmdlet-list marker lists the culture's cmdlet pages.
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
            $text = ConvertTo-AboutHelpText -Block (ConvertFrom-AboutMarkdown -Path $about.FullName -Command $commands)
            Set-Content -LiteralPath (Join-Path $target ($about.BaseName + '.help.txt')) -Value $text -NoNewline -Encoding utf8
        }
    }
}

# The page docs/<culture>/<Name>.md should be: $Markdown (the page as it is; nothing for a new page)
# with its generated parts made from $Command, which must be loaded in this process.
function Get-LinerHelpPage {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)] [System.Management.Automation.CommandInfo] $Command,
        [Parameter(Mandatory)] [string] $CulturePath,
        [AllowEmptyString()] [AllowNull()] [string] $Markdown
    )
    $culture = Split-Path $CulturePath -Leaf
    $about = @(Get-ChildItem -LiteralPath $CulturePath -Filter 'about_*.md' | Sort-Object Name | ForEach-Object BaseName)
    Update-HelpMarkdown -Markdown $Markdown -Model (Get-HelpCommandModel $Command) -Culture $culture -RelatedLink $about
}

# Makes or refreshes docs/<culture>/<cmdlet>.md for every cmdlet of -Module (imported in this
# process) in every culture folder of -DocsPath, and says which pages it created or updated. A page
# whose cmdlet is gone is named in a warning, not deleted.
function Update-LinerHelpMarkdown {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $DocsPath,
        [Parameter(Mandatory)] [string] $Module
    )
    $commands = @(Get-Command -Module $Module -CommandType Cmdlet | Sort-Object Name)
    if (-not $commands) { throw "No cmdlets of $Module are loaded: import the built module first." }
    foreach ($cultureFolder in Get-ChildItem -LiteralPath $DocsPath -Directory | Sort-Object Name) {
        foreach ($command in $commands) {
            $path = Join-Path $cultureFolder.FullName "$($command.Name).md"
            $exists = Test-Path -LiteralPath $path
            $old = if ($exists) { Get-Content -LiteralPath $path -Raw -Encoding utf8 } else { '' }
            $new = Get-LinerHelpPage -Command $command -CulturePath $cultureFolder.FullName -Markdown $old
            # Pages are written with \n; a checkout with \r\n (Windows, core.autocrlf) keeps its own.
            if ($new -cne ($old -replace '\r\n', "`n")) {
                if ($old.Contains("`r`n")) { $new = $new -replace '\n', "`r`n" }
                [System.IO.File]::WriteAllText($path, $new, [System.Text.UTF8Encoding]::new($false))
                [pscustomobject]@{ Path = $path; Change = $(if ($exists) { 'Updated' } else { 'Created' }) }
            }
        }
        foreach ($page in Get-ChildItem -LiteralPath $cultureFolder.FullName -Filter '*.md' | Where-Object Name -NotLike 'about_*') {
            if ($commands.Name -notcontains $page.BaseName) {
                Write-Warning "$($page.FullName) documents $($page.BaseName), which $Module does not export: delete or rename the page."
            }
        }
    }
}

Export-ModuleMember -Function ConvertFrom-HelpMarkdown, ConvertFrom-AboutMarkdown, ConvertFrom-InlineMarkdown, ConvertTo-MamlHelp, ConvertTo-AboutHelpText, Build-LinerHelp,
    Get-HelpCommandModel, Update-HelpMarkdown, Get-LinerHelpPage, Update-LinerHelpMarkdown -Variable CmdletListMarker
