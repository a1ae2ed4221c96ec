# The help in more than one language: every culture folder of docs/ follows docs/en-US page for page
# (the same cmdlets, parameter sets, parameters and example code; only the words differ), and a pwsh
# picks the help of its UI culture: Russian under LANG=ru_RU.UTF-8, English under a culture the module
# has no help for (de-DE). English under en-US is checked by Help.Tests.ps1, whose fresh pwsh is en-US.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../../tools/LinerHelp.psm1') -Force
    $DocsRoot = Join-Path $PSScriptRoot '../../docs'
    $TranslationCases = @(Get-ChildItem $DocsRoot -Directory | Where-Object Name -NE 'en-US' | Sort-Object Name | ForEach-Object { @{ Culture = $_.Name } })
    $PageNames = @(Get-LinerHelpFile (Join-Path $DocsRoot 'en-US') | ForEach-Object BaseName)
}
BeforeAll {
    $ErrorActionPreference = 'Stop'
    . (Join-Path $PSScriptRoot 'HelpText.ps1')
    $ModulePath = $env:LINER_TEST_MODULE
    if (-not $ModulePath) { throw 'LINER_TEST_MODULE is not set: run the tests with ./build.ps1 -Task Test.' }
    $Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $DocsRoot = Join-Path $Root 'docs'
    # Each culture's cmdlet pages, read as the help build reads them.
    $Pages = @{}
    foreach ($folder in Get-ChildItem $DocsRoot -Directory) {
        $Pages[$folder.Name] = @{}
        foreach ($file in Get-LinerHelpFile $folder.FullName) { $Pages[$folder.Name][$file.BaseName] = ConvertFrom-HelpMarkdown $file.FullName }
    }
}

Describe 'docs/<Culture> follows docs/en-US' -ForEach $TranslationCases {
    It 'has every page of docs/en-US and no other, each with the same cmdlet, parameter sets, parameters and example code, translated and with no {{ ... }} left' {
        $problems = @(Compare-LinerHelpCulture -DocsPath $DocsRoot -Culture $Culture | ForEach-Object Message)
        $problems | Should -BeNullOrEmpty -Because "docs/$Culture translates docs/en-US page for page:`n$($problems -join "`n")`n"
    }

    It 'compiles every cmdlet page into <Culture>/Liner.PowerShell.dll-Help.xml and nothing else (GLOSSARY.md is not help)' {
        [xml] $maml = Get-Content -Raw (Join-Path (Split-Path $ModulePath) "$Culture/Liner.PowerShell.dll-Help.xml")
        $names = @($maml.helpItems.command | ForEach-Object { $_.details.name } | Sort-Object)
        $names | Should -Be @($Pages['en-US'].Keys | Sort-Object)
        Test-Path (Join-Path (Split-Path $ModulePath) "$Culture/about_Liner.help.txt") | Should -BeTrue
    }
}

Describe 'Compare-LinerHelpCulture: a page added or changed in en-US without its translation' {
    BeforeEach {
        # A copy of some of docs/ (enough to break each way; fewer pages to read) for each test to
        # break; the real pages stay as they are.
        $Copy = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
        $En = New-Item -ItemType Directory (Join-Path $Copy 'en-US')
        $Ru = New-Item -ItemType Directory (Join-Path $Copy 'ru-RU')
        foreach ($page in 'Get-LinerCall', 'Get-LinerCallStatus', 'Get-LinerConnection', 'Get-LinerLeadStatus', 'Get-LinerOrder', 'Get-LinerUser', 'about_Liner') {
            Copy-Item (Join-Path $DocsRoot "en-US/$page.md") $En
            Copy-Item (Join-Path $DocsRoot "ru-RU/$page.md") $Ru
        }
        Copy-Item (Join-Path $DocsRoot 'ru-RU/GLOSSARY.md') $Ru
        function Edit-Page([string] $Path, [scriptblock] $Change) {
            $text = Get-Content -Raw -Encoding utf8 $Path
            $changed = & $Change $text
            $changed | Should -Not -BeExactly $text -Because "the test must change $Path"
            [IO.File]::WriteAllText($Path, $changed, [Text.UTF8Encoding]::new($false))
        }
        function Get-Drift { @(Compare-LinerHelpCulture -DocsPath $Copy -Culture ru-RU) }
        # One of the messages matches the pattern.
        function Assert-Drift([string[]] $Messages, [string] $Pattern) {
            @($Messages -match $Pattern) | Should -Not -BeNullOrEmpty -Because "one message should match $Pattern; they were:`n$($Messages -join "`n")`n"
        }
    }

    It 'finds nothing in an unbroken copy' {
        Get-Drift | Should -BeNullOrEmpty
    }

    It 'names a new en-US page that has no ru-RU page, and says how to start it' {
        Copy-Item (Join-Path $En 'Get-LinerOrder.md') (Join-Path $En 'Get-LinerAgentGroup.md')
        $drift = Get-Drift
        $drift.Kind | Should -Be @('Missing')
        $drift.Message | Should -Match '^docs/ru-RU/Get-LinerAgentGroup\.md: missing: docs/en-US/Get-LinerAgentGroup\.md has no ru-RU page'
        $drift.Message | Should -Match '\./build\.ps1 -Task Help'
        $drift.Message | Should -Match 'GLOSSARY\.md'
    }

    It 'names a ru-RU page whose en-US page is gone' {
        Remove-Item (Join-Path $En 'Get-LinerLeadStatus.md')
        $drift = Get-Drift
        $drift.Kind | Should -Be @('Extra')
        $drift.Message | Should -Match '^docs/ru-RU/Get-LinerLeadStatus\.md: docs/en-US/Get-LinerLeadStatus\.md does not exist'
    }

    It 'names a missing about_ topic' {
        Remove-Item (Join-Path $Ru 'about_Liner.md')
        (Get-Drift).Message | Should -Match '^docs/ru-RU/about_Liner\.md: missing'
    }

    It 'names the example whose code changed in en-US, the line that differs, and what to do' {
        Edit-Page (Join-Path $En 'Get-LinerCallStatus.md') { param($t) $t.Replace('(Get-LinerCallStatus -Code success).Id', '(Get-LinerCallStatus -Code failed).Id') }
        $drift = Get-Drift
        $drift.Kind | Should -Be @('ExampleCode')
        $drift.Message | Should -Match '^docs/ru-RU/Get-LinerCallStatus\.md: the code of example 2 .* differs from docs/en-US/Get-LinerCallStatus\.md'
        $drift.Message | Should -Match ([regex]::Escape("line 1 is '(Get-LinerCallStatus -Code success).Id' where en-US has '(Get-LinerCallStatus -Code failed).Id'"))
        $drift.Message | Should -Match 'Copy the en-US code unchanged'
    }

    It 'names an example added in en-US, and examples put in another order' {
        Edit-Page (Join-Path $En 'Get-LinerLeadStatus.md') { param($t) $t.Replace("## PARAMETERS", "### Example 3: Only in English`n``````powershell`nGet-LinerLeadStatus -Code new`n```````n`nNew.`n`n## PARAMETERS") }
        (Get-Drift).Message | Should -Match '^docs/ru-RU/Get-LinerLeadStatus\.md: has 2 example\(s\) where docs/en-US/Get-LinerLeadStatus\.md has 3'

        $page = Join-Path $Copy 'ru-RU/Get-LinerOrder.md'
        Edit-Page $page { param($t) $t.Replace('Get-LinerVirtualNumber -ConnectionType sip-* | Get-LinerOrder', '@@').Replace('Get-LinerOrder | Where-Object NumberCount -EQ 0 | Select-Object Id, Code, Title', 'Get-LinerVirtualNumber -ConnectionType sip-* | Get-LinerOrder').Replace('@@', 'Get-LinerOrder | Where-Object NumberCount -EQ 0 | Select-Object Id, Code, Title') }
        $messages = (Get-Drift).Message
        Assert-Drift $messages "^docs/ru-RU/Get-LinerOrder\.md: the code of example 2 .*it is the code of en-US's example 3: keep the en-US order"
    }

    It 'names parameters that differ, and a parameter set that differs' {
        Edit-Page (Join-Path $Ru 'Get-LinerUser.md') { param($t) $t -replace '(?m)^### -Email$', '### -Mail' }
        Edit-Page (Join-Path $Ru 'Get-LinerCall.md') { param($t) $t -replace '(?m)^### Order$', '### Orders' }
        Edit-Page (Join-Path $Ru 'Get-LinerCallStatus.md') { param($t) $t -replace '(?m)^Position: 0$', 'Position: 1' }
        $messages = (Get-Drift).Message
        Assert-Drift $messages '^docs/ru-RU/Get-LinerUser\.md: lacks -Email and has -Mail, which docs/en-US/Get-LinerUser\.md does not .*-Task Help'
        Assert-Drift $messages "^docs/ru-RU/Get-LinerCall\.md: has the parameter sets .*'Orders' where docs/en-US/Get-LinerCall\.md has .*'Order'.*-Task Help"
        Assert-Drift $messages '^docs/ru-RU/Get-LinerCallStatus\.md: the yaml of -Code .* differs from docs/en-US/Get-LinerCallStatus\.md'
        $messages.Count | Should -Be 3
    }

    It 'names a page left in English, a placeholder left, and output types that were translated' {
        Copy-Item (Join-Path $En 'Get-LinerConnection.md') (Join-Path $Ru 'Get-LinerConnection.md') -Force
        Edit-Page (Join-Path $Ru 'Get-LinerLeadStatus.md') { param($t) $t.Replace('Выводит статусы, которые может иметь лид.', '{{ Краткое описание командлета }}') }
        Edit-Page (Join-Path $Ru 'Get-LinerCallStatus.md') { param($t) $t.Replace('### Liner.PowerShell.CallStatus', '### Статус звонка') }
        $messages = (Get-Drift).Message
        $messages | Should -Contain 'docs/ru-RU/Get-LinerConnection.md: the synopsis is still the en-US text: write it in ru-RU with the terms of docs/ru-RU/GLOSSARY.md.'
        Assert-Drift $messages "^docs/ru-RU/Get-LinerLeadStatus\.md: line \d+ still has the placeholder '\{\{ Краткое описание командлета \}\}'"
        Assert-Drift $messages '^docs/ru-RU/Get-LinerCallStatus\.md: OUTPUTS names Статус звонка where docs/en-US/Get-LinerCallStatus\.md names Liner\.PowerShell\.CallStatus'
    }

    It 'names an about_Liner code block that differs and a lost cmdlet-list marker' {
        Edit-Page (Join-Path $Ru 'about_Liner.md') { param($t) ($t -replace "(?m)^Get-LinerOrder -Code SALES \| Get-LinerUser$", 'Get-LinerOrder -Code SALES') -replace '(?m)^<!-- cmdlet list.*\n', '' }
        $messages = (Get-Drift).Message
        Assert-Drift $messages "^docs/ru-RU/about_Liner\.md: code block 6 differs from docs/en-US/about_Liner\.md \(line 6 is 'Get-LinerOrder -Code SALES' where en-US has 'Get-LinerOrder -Code SALES \| Get-LinerUser'\)"
        Assert-Drift $messages "^docs/ru-RU/about_Liner\.md: has 0 '<!-- cmdlet list \.\.\. -->' line\(s\) where docs/en-US/about_Liner\.md has 1"
    }

    It 'leaves files that are not help alone (GLOSSARY.md, notes)' {
        # The build skips them too: see "compiles every cmdlet page ... and nothing else" above.
        Set-Content (Join-Path $Ru 'NOTES.md') "# Заметки`n`n{{ не справка }}" -Encoding utf8
        Set-Content (Join-Path $En 'TODO.md') "# TODO`n" -Encoding utf8
        Get-Drift | Should -BeNullOrEmpty
    }
}

Describe 'Get-Help in a fresh pwsh whose culture is <Culture>' -ForEach @(
    @{ Culture = 'ru-RU'; Locale = 'ru_RU.UTF-8'; Docs = 'ru-RU'; Heading = 'ПОЛНОЕ ОПИСАНИЕ' }
    @{ Culture = 'de-DE'; Locale = 'de_DE.UTF-8'; Docs = 'en-US'; Heading = 'LONG DESCRIPTION' }
) {
    BeforeAll {
        # One process for the culture; every cmdlet is read inside it.
        $Shown = Get-ShownHelp -Locale $Locale -ModulePath $ModulePath
    }

    It 'runs with UI culture <Culture>' {
        $Shown.Culture | Should -Be $Culture -Because "LANG=$Locale and LC_ALL=$Locale set the UI culture of pwsh on this platform"
    }

    It 'shows the synopsis, description and parameter descriptions of docs/<Docs>/<Name>.md' -ForEach @($PageNames | ForEach-Object { @{ Name = $_ } }) {
        $help = @($Shown.Commands) | Where-Object Name -EQ $Name
        $help | Should -Not -BeNullOrEmpty
        $differences = @(Compare-ShownHelp -Shown $help -Page $Pages[$Docs][$Name] -Culture $Docs)
        $differences | Should -BeNullOrEmpty -Because "a pwsh whose culture is $Culture shows docs/$Docs"
        if ($Docs -ne 'en-US') { $help.Synopsis | Should -Not -Be (Get-ExpectedText $Pages['en-US'][$Name].Synopsis) }
    }

    It 'shows about_Liner from docs/<Docs>, listing every cmdlet with its synopsis there' {
        $Shown.About | Should -Match "(?m)^$Heading$"
        foreach ($name in $PageNames) {
            $synopsis = Get-ExpectedText $Pages[$Docs][$name].Synopsis
            $firstWords = (($synopsis -split ' ') | Select-Object -First 3) -join ' '
            $Shown.About | Should -Match "(?m)^    - $([regex]::Escape($name)): $([regex]::Escape($firstWords))"
        }
    }
}
