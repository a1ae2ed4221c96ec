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

# The help pages of one culture folder: cmdlet pages are named <Verb>-<Noun>.md, about topics
# about_<Name>.md. Any other file there (GLOSSARY.md, a translator's notes) is not help: the build,
# -Task Help and the tests leave it alone.
function Get-LinerHelpFile {
    [CmdletBinding()]
    [OutputType([System.IO.FileInfo])]
    param(
        [Parameter(Mandatory)] [string] $Path,
        [ValidateSet('Command', 'About')] [string] $Kind = 'Command'
    )
    $pattern = if ($Kind -eq 'About') { '^about_\w+\.md$' } else { '^[A-Za-z]+-[A-Za-z0-9]+\.md$' }
    Get-ChildItem -LiteralPath $Path -Filter '*.md' -File | Where-Object Name -Match $pattern | Sort-Object Name
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
        $commands = @(Get-LinerHelpFile $cultureFolder.FullName | ForEach-Object { ConvertFrom-HelpMarkdown $_.FullName })
        if ($commands) { ConvertTo-MamlHelp -Command $commands -Path (Join-Path $target $HelpFileName) }
        $topic = (Get-HelpStrings $cultureFolder.Name).AboutTopic
        foreach ($about in Get-LinerHelpFile $cultureFolder.FullName -Kind About) {
            $text = ConvertTo-AboutHelpText -Block (ConvertFrom-AboutMarkdown -Path $about.FullName -Command $commands) -TopicHeading $topic
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
    $about = @(Get-LinerHelpFile $CulturePath -Kind About | ForEach-Object BaseName)
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
        foreach ($page in Get-LinerHelpFile $cultureFolder.FullName) {
            if ($commands.Name -notcontains $page.BaseName) {
                Write-Warning "$($page.FullName) documents $($page.BaseName), which $Module does not export: delete or rename the page."
            }
        }
    }
}

# Where docs/<Culture> has drifted from docs/<Reference> (en-US, the pages written first): one object per
# problem, with the page (docs/<culture>/<file>), a Kind and a Message that says what differs and
# what to do. A translation must have every page of the reference and no other, the same cmdlet, the
# same parameter sets and syntax, the same parameters with the same metadata, the same example code
# in the same order, the same input and output types, a translated synopsis and description, no
# {{ ... }} placeholder, and, in an about_ topic, the same code blocks and the cmdlet-list marker.
# Only the words differ: titles, remarks and descriptions. Files that are not help (see
# Get-LinerHelpFile) are not compared.
function Compare-LinerHelpCulture {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $DocsPath,
        [Parameter(Mandatory)] [string] $Culture,
        [string] $Reference = 'en-US'
    )
    $referencePath = Join-Path $DocsPath $Reference
    $culturePath = Join-Path $DocsPath $Culture
    $terms = if (Test-Path -LiteralPath (Join-Path $culturePath 'GLOSSARY.md')) { " with the terms of docs/$Culture/GLOSSARY.md" } else { '' }
    $refresh = "run ./build.ps1 -Task Help, which writes SYNTAX and every parameter's yaml from the cmdlet in every culture folder"
    $problem = { param($Page, $Kind, $Message) [pscustomobject]@{ Page = $Page; Kind = $Kind; Message = "${Page}: $Message" } }
    # The first line where two texts differ, quoted from both.
    $firstDifference = {
        param([string] $Theirs, [string] $Ours)
        $a = @($Theirs -split '\r?\n'); $b = @($Ours -split '\r?\n')
        $line = 0
        while ($line -lt $a.Count -and $line -lt $b.Count -and $a[$line] -ceq $b[$line]) { $line++ }
        $their = if ($line -lt $a.Count) { "'$($a[$line].Trim())'" } else { 'nothing' }
        $our = if ($line -lt $b.Count) { "'$($b[$line].Trim())'" } else { 'nothing' }
        "line $($line + 1) is $our where $Reference has $their"
    }

    $common = @{}
    foreach ($kind in 'Command', 'About') {
        $theirs = @(Get-LinerHelpFile $referencePath -Kind $kind | ForEach-Object Name)
        $ours = @(if (Test-Path -LiteralPath $culturePath) { Get-LinerHelpFile $culturePath -Kind $kind | ForEach-Object Name })
        foreach ($name in $theirs) {
            if ($ours -notcontains $name) {
                $start = if ($kind -eq 'Command') { 'run ./build.ps1 -Task Help, which starts it from the cmdlet' } else { "copy docs/$Reference/$name" }
                & $problem "docs/$Culture/$name" 'Missing' "missing: docs/$Reference/$name has no $Culture page. To add it, $start, then write its text in $Culture$terms (example code stays as in $Reference)."
            }
        }
        foreach ($name in $ours | Where-Object { $theirs -notcontains $_ }) {
            & $problem "docs/$Culture/$name" 'Extra' "docs/$Reference/$name does not exist. A page is translated from its $Reference page: write that first, or delete this one (or rename it if the cmdlet was renamed)."
        }
        $common[$kind] = @($theirs | Where-Object { $ours -contains $_ })
    }

    foreach ($name in $common['Command']) {
        $page = "docs/$Culture/$name"
        $their = ConvertFrom-HelpMarkdown (Join-Path $referencePath $name)
        $our = ConvertFrom-HelpMarkdown (Join-Path $culturePath $name)
        if ($our.Name -cne $their.Name) {
            & $problem $page 'Name' "documents $($our.Name) where docs/$Reference/$name documents $($their.Name): the '# ' heading is the cmdlet's name, in every culture."
        }
        $theirSets = @($their.Syntax | ForEach-Object SetName); $ourSets = @($our.Syntax | ForEach-Object SetName)
        if (($theirSets -join '|') -cne ($ourSets -join '|')) {
            & $problem $page 'ParameterSets' "has the parameter sets $(($ourSets | ForEach-Object { "'$_'" }) -join ', ') where docs/$Reference/$name has $(($theirSets | ForEach-Object { "'$_'" }) -join ', '): $refresh."
        }
        else {
            for ($i = 0; $i -lt $theirSets.Count; $i++) {
                if ($our.Syntax[$i].Text -cne $their.Syntax[$i].Text) {
                    & $problem $page 'Syntax' "the syntax of parameter set '$($theirSets[$i])' differs from docs/$Reference/${name}: $refresh."
                }
            }
        }
        $theirParameters = @($their.Parameters | ForEach-Object Name); $ourParameters = @($our.Parameters | ForEach-Object Name)
        if (($theirParameters -join '|') -cne ($ourParameters -join '|')) {
            $missing = @($theirParameters | Where-Object { $ourParameters -notcontains $_ } | ForEach-Object { "-$_" })
            $extra = @($ourParameters | Where-Object { $theirParameters -notcontains $_ } | ForEach-Object { "-$_" })
            $what = @(if ($missing) { "lacks $($missing -join ', ')" }; if ($extra) { "has $($extra -join ', '), which docs/$Reference/$name does not" }; if (-not $missing -and -not $extra) { 'lists the parameters in another order' })
            & $problem $page 'Parameters' "$($what -join ' and ') ($Reference lists $(($theirParameters | ForEach-Object { "-$_" }) -join ', ')): $refresh, then write the description of any new parameter in $Culture."
        }
        else {
            foreach ($parameter in $their.Parameters) {
                $ours = $our.Parameters | Where-Object Name -CEQ $parameter.Name
                $signature = {
                    param($p)
                    $bySet = { param($table) (@($table.Keys | Sort-Object) | ForEach-Object { "$_=$($table[$_])" }) -join ';' }
                    "$($p.Type)|$($p.ParameterSets -join ',')|$($p.Aliases -join ',')|$($p.Wildcards)|$(& $bySet $p.RequiredBySet)|$(& $bySet $p.PositionBySet)|$(& $bySet $p.PipelineInputBySet)"
                }
                if ((& $signature $ours) -cne (& $signature $parameter)) {
                    & $problem $page 'ParameterMetadata' "the yaml of -$($parameter.Name) (type, sets, aliases, required, position, pipeline input or wildcards) differs from docs/$Reference/${name}: $refresh."
                }
            }
        }
        $theirCode = @($their.Examples | ForEach-Object { $_.Code -join "`n" }); $ourCode = @($our.Examples | ForEach-Object { $_.Code -join "`n" })
        if ($theirCode.Count -ne $ourCode.Count) {
            & $problem $page 'Examples' "has $($ourCode.Count) example(s) where docs/$Reference/$name has $($theirCode.Count): keep the examples of the $Reference page, in its order and with its code unchanged, and translate only their titles and remarks."
        }
        for ($i = 0; $i -lt [math]::Min($theirCode.Count, $ourCode.Count); $i++) {
            if ($ourCode[$i] -ceq $theirCode[$i]) { continue }
            $elsewhere = [array]::IndexOf($theirCode, $ourCode[$i])
            $detail = if ($elsewhere -ge 0) { "it is the code of $Reference's example $($elsewhere + 1): keep the $Reference order" } else { & $firstDifference $theirCode[$i] $ourCode[$i] }
            & $problem $page 'ExampleCode' "the code of example $($i + 1) ('$($our.Examples[$i].Title)') differs from docs/$Reference/$name ($detail). Copy the $Reference code unchanged; only the title and the remark are translated."
        }
        foreach ($section in 'Inputs', 'Outputs') {
            $theirTypes = @($their.$section | ForEach-Object Type); $ourTypes = @($our.$section | ForEach-Object Type)
            if (($theirTypes -join '|') -cne ($ourTypes -join '|')) {
                & $problem $page $section "$($section.ToUpperInvariant()) names $($ourTypes -join ', ') where docs/$Reference/$name names $($theirTypes -join ', '): the '### ' lines are type names, the same in every culture; only the text under them is translated."
            }
        }
        foreach ($part in 'Synopsis', 'Description') {
            if ($their.$part -and $our.$part -ceq $their.$part) {
                & $problem $page 'Untranslated' "the $($part.ToLowerInvariant()) is still the $Reference text: write it in $Culture$terms."
            }
        }
    }

    foreach ($name in $common['About']) {
        $page = "docs/$Culture/$name"
        # The fenced blocks, as ConvertFrom-AboutMarkdown finds them (without converting the text around them).
        $read = {
            param($path)
            $blocks = [System.Collections.Generic.List[string]]::new()
            $code = $null
            foreach ($line in Get-Content -LiteralPath $path -Encoding utf8) {
                if ($line -match '^```') {
                    if ($null -eq $code) { $code = [System.Collections.Generic.List[string]]::new() } else { $blocks.Add($code -join "`n"); $code = $null }
                }
                elseif ($null -ne $code) { $code.Add($line) }
            }
            if ($null -ne $code) { $blocks.Add($code -join "`n") }
            , $blocks.ToArray()
        }
        $theirCode = & $read (Join-Path $referencePath $name); $ourCode = & $read (Join-Path $culturePath $name)
        if ($theirCode.Count -ne $ourCode.Count) {
            & $problem $page 'AboutCode' "has $($ourCode.Count) code block(s) where docs/$Reference/$name has $($theirCode.Count): keep every code block of the $Reference topic, in its order and unchanged; only the text around them is translated."
        }
        for ($i = 0; $i -lt [math]::Min($theirCode.Count, $ourCode.Count); $i++) {
            if ($ourCode[$i] -cne $theirCode[$i]) {
                & $problem $page 'AboutCode' "code block $($i + 1) differs from docs/$Reference/$name ($(& $firstDifference $theirCode[$i] $ourCode[$i])): copy the $Reference code block unchanged."
            }
        }
        $markers = { param($path) @(Get-Content -LiteralPath $path -Encoding utf8 | Where-Object { $_ -match $CmdletListMarker }).Count }
        $ourMarkers = & $markers (Join-Path $culturePath $name); $theirMarkers = & $markers (Join-Path $referencePath $name)
        if ($ourMarkers -ne $theirMarkers) {
            & $problem $page 'Marker' "has $ourMarkers '<!-- cmdlet list ... -->' line(s) where docs/$Reference/$name has ${theirMarkers}: keep that line, unchanged, where the list of cmdlets goes (the help build writes each cmdlet page's name and synopsis there)."
        }
    }

    $files = @(if (Test-Path -LiteralPath $culturePath) { @(Get-LinerHelpFile $culturePath) + @(Get-LinerHelpFile $culturePath -Kind About) })
    foreach ($match in $files | Select-String -Pattern '\{\{.*?\}\}') {
        & $problem "docs/$Culture/$($match.Filename)" 'Placeholder' "line $($match.LineNumber) still has the placeholder '$($match.Matches[0].Value)': write that text in $Culture$terms."
    }
}

Export-ModuleMember -Function Get-LinerHelpFile, Compare-LinerHelpCulture, ConvertFrom-HelpMarkdown, ConvertFrom-AboutMarkdown, ConvertFrom-InlineMarkdown, ConvertTo-MamlHelp, ConvertTo-AboutHelpText, Build-LinerHelp,
    Get-HelpCommandModel, Update-HelpMarkdown, Get-LinerHelpPage, Update-LinerHelpMarkdown -Variable CmdletListMarker
