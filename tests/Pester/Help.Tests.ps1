# The help that ships with the staged module: Get-Help in a fresh pwsh, docs/ against the compiled
# cmdlets (every page is what ./build.ps1 -Task Help makes of it, nothing left to fill in), every
# cmdlet listed in the README and about_Liner, and every example of docs/ run against the mock API.
BeforeDiscovery {
    Import-Module $env:LINER_TEST_MODULE
    # The cmdlets the dll defines, whatever the manifest exports (Shipping.Tests.ps1 checks that).
    $CmdletNames = @((Get-Module Liner.PowerShell).ImplementingAssembly.GetExportedTypes() |
        Where-Object { -not $_.IsAbstract } |
        ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
        ForEach-Object { "$($_.VerbName)-$($_.NounName)" } | Sort-Object)
    $CommandCases = @($CmdletNames | ForEach-Object { @{ Name = $_ } })
    $Cultures = @(Get-ChildItem (Join-Path $PSScriptRoot '../../docs') -Directory | Sort-Object Name | ForEach-Object Name)
    $CultureCases = @($Cultures | ForEach-Object { @{ Culture = $_ } })
    $PageCases = @(foreach ($culture in $Cultures) { foreach ($name in $CmdletNames) { @{ Culture = $culture; Name = $name } } })
}
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module (Join-Path $PSScriptRoot '../../tools/LinerHelp.psm1') -Force
    $Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $DocsRoot = Join-Path $Root 'docs'
    # Each culture's cmdlet pages, read as the help build reads them.
    $Docs = @{}
    foreach ($folder in Get-ChildItem $DocsRoot -Directory) {
        $Docs[$folder.Name] = @{}
        foreach ($file in Get-LinerHelpFile $folder.FullName) {
            $Docs[$folder.Name][$file.BaseName] = ConvertFrom-HelpMarkdown $file.FullName
        }
    }
    $CommonNames = [System.Management.Automation.PSCmdlet]::CommonParameters
    $CmdletNames = @((Get-Module Liner.PowerShell).ImplementingAssembly.GetExportedTypes() |
        Where-Object { -not $_.IsAbstract } |
        ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
        ForEach-Object { "$($_.VerbName)-$($_.NounName)" } | Sort-Object)

    # Where a page differs from what ./build.ps1 -Task Help makes of it: its first differing line.
    function Get-PageDrift([string] $Actual, [string] $Expected) {
        if ($Actual -ceq $Expected) { return }
        $a = @($Actual -split '\r?\n'); $e = @($Expected -split '\r?\n')
        $line = 0
        while ($line -lt $a.Count -and $line -lt $e.Count -and $a[$line] -ceq $e[$line]) { $line++ }
        $found = if ($line -lt $a.Count) { "'$($a[$line])'" } else { 'the end of the page' }
        $wanted = if ($line -lt $e.Count) { "'$($e[$line])'" } else { 'the end of the page' }
        "line $($line + 1) is $found where the cmdlet gives $wanted"
    }

    # What Get-Help shows in a fresh pwsh that only imported the staged module, with an English UI
    # culture whatever this machine's (HelpCultures.Tests.ps1 runs ru-RU and one without its own help).
    . (Join-Path $PSScriptRoot 'HelpText.ps1')
    $FreshHelp = Get-ShownHelp -Locale en_US.UTF-8 -ModulePath $ModulePath
}
AfterAll {
    Disconnect-Liner
    Stop-LinerMockApi $Mock
}

Describe 'Get-Help in a fresh pwsh' {
    It 'shows the synopsis, the description and at least two examples of <Name>' -TestCases $CommandCases {
        $help = $FreshHelp.Commands | Where-Object Name -EQ $Name
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '^\s*\w+-\w+\s+\['    # not PowerShell's generated syntax line
        $help.Description | Should -Not -BeNullOrEmpty
        @($help.Examples).Count | Should -BeGreaterOrEqual 2
    }

    It 'describes every parameter of <Name>' -TestCases $CommandCases {
        $help = $FreshHelp.Commands | Where-Object Name -EQ $Name
        $command = Get-Command $Name
        # A DontShow parameter (the piped object as it came) has no help, as Get-Help leaves it out (tools/Help/CommandReader.psm1).
        $hidden = @($command.Parameters.Values | Where-Object { $_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow } } | ForEach-Object Name)
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $CommonNames -notcontains $_ -and $hidden -notcontains $_ }) {
            $described = @($help.Parameters) | Where-Object Name -EQ $parameter
            $described | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs help"
            $described.Description | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a description"
        }
    }

    It 'shows [-WhatIf] [-Confirm] in every syntax of <Name> when it supports ShouldProcess' -TestCases $CommandCases {
        $help = $FreshHelp.Commands | Where-Object Name -EQ $Name
        @($help.Syntax).Count | Should -Be @((Get-Command $Name).ParameterSets).Count
        foreach ($syntax in $help.Syntax) {
            if ($help.ShouldProcess) { $syntax | Should -Match '\[-WhatIf\] \[-Confirm\] \[<CommonParameters>\]$' }
            else { $syntax | Should -Not -Match '-WhatIf|-Confirm' }
        }
    }

    It 'shows the synopsis, description and parameter descriptions of docs/en-US/<Name>.md in a pwsh whose culture is en-US' -TestCases $CommandCases {
        $FreshHelp.Culture | Should -Be 'en-US'
        $help = $FreshHelp.Commands | Where-Object Name -EQ $Name
        @(Compare-ShownHelp -Shown $help -Page $Docs['en-US'][$Name] -Culture en-US) | Should -BeNullOrEmpty
    }

    It 'shows about_Liner' {
        $FreshHelp.About | Should -Match 'about_Liner'
        $FreshHelp.About | Should -Match 'LONG DESCRIPTION'
        $FreshHelp.About | Should -Match 'LinerAuthenticationFailed'
        $FreshHelp.About | Should -Match 'LINER_API_HOST'
        # Literal asterisks are text, not emphasis (about_Liner once said "replaced by .").
        $FreshHelp.About | Should -Match 'replaced by \*\*\*\*\.'
    }
}

Describe 'docs/ matches the cmdlets' {
    It 'has a page for <Name> in <Culture> whose syntax and parameter metadata are what ./build.ps1 -Task Help makes' -TestCases $PageCases {
        $folder = Join-Path $DocsRoot $Culture
        $path = Join-Path $folder "$Name.md"
        Test-Path $path | Should -BeTrue -Because "docs/$Culture/$Name.md is missing: run ./build.ps1 -Task Help, which starts it from a template, then fill in its {{ ... }} placeholders"
        $actual = (Get-Content -Raw -Encoding utf8 $path) -replace '\r\n', "`n"
        $expected = Get-LinerHelpPage -Command (Get-Command $Name) -CulturePath $folder -Markdown $actual
        $drift = Get-PageDrift $actual $expected
        if ($drift) { $drift = "docs/$Culture/$Name.md differs from the cmdlet ($drift): run ./build.ps1 -Task Help to refresh its SYNTAX and parameter metadata" }
        $drift | Should -BeNullOrEmpty
    }

    It 'has no page in <Culture> for a cmdlet the module does not define' -TestCases $CultureCases {
        @($Docs[$Culture].Keys | Where-Object { $CmdletNames -notcontains $_ }) | Should -BeNullOrEmpty -Because 'a page needs its cmdlet'
    }

    It 'has no {{ ... }} placeholder left in docs/<Culture>' -TestCases $CultureCases {
        $folder = Join-Path $DocsRoot $Culture
        $left = @(Get-LinerHelpFile $folder) + @(Get-LinerHelpFile $folder -Kind About) | Select-String -Pattern '\{\{.*?\}\}' |
            ForEach-Object { "docs/$Culture/$($_.Filename):$($_.LineNumber): $($_.Line.Trim())" }
        $left | Should -BeNullOrEmpty -Because 'a page made by ./build.ps1 -Task Help needs its synopsis, description, examples and parameter descriptions written'
    }

    It 'has about_Liner in <Culture>, with the marker where the help build lists the cmdlets' -TestCases $CultureCases {
        $about = Join-Path $DocsRoot "$Culture/about_Liner.md"
        Test-Path $about | Should -BeTrue
        @(Get-Content $about -Encoding utf8) -match $CmdletListMarker | Should -HaveCount 1
    }

    It 'names the output types of <Name> that its OutputType attributes declare, in every culture' -TestCases $CommandCases {
        $command = Get-Command $Name
        $declared = @($command.OutputType.Type | Where-Object { $_ -ne [void] } | ForEach-Object FullName)
        foreach ($culture in $Docs.Keys) {
            foreach ($type in $declared) { $Docs[$culture][$Name].Outputs.Type | Should -Contain $type -Because "docs/$culture/$Name.md" }
        }
    }
}

Describe 'Update-LinerHelpMarkdown, the work of ./build.ps1 -Task Help' {
    It 'starts a missing page and every page of a new culture, changes nothing the second time, and warns of a page without a cmdlet' {
        $docs = Join-Path $TestDrive 'docs'
        Copy-Item $DocsRoot $docs -Recurse
        Remove-Item (Join-Path $docs 'en-US/Get-LinerOrder.md')
        Set-Content (Join-Path $docs 'en-US/Get-LinerGone.md') "# Get-LinerGone`n"
        $null = New-Item -ItemType Directory (Join-Path $docs 'xx-XX')
        $changes = @(Update-LinerHelpMarkdown -DocsPath $docs -Module Liner.PowerShell -WarningVariable warnings -WarningAction SilentlyContinue)
        $created = @($changes | Where-Object Change -EQ 'Created' | ForEach-Object { [IO.Path]::GetRelativePath($docs, $_.Path) -replace '\\', '/' })
        $created | Should -Contain 'en-US/Get-LinerOrder.md'
        @($created | Where-Object { $_ -like 'xx-XX/*' }).Count | Should -Be $CmdletNames.Count
        @($changes | Where-Object Change -EQ 'Updated') | Should -BeNullOrEmpty -Because 'the committed pages are up to date'
        "$warnings" | Should -Match 'Get-LinerGone'
        Get-Content -Raw (Join-Path $docs 'en-US/Get-LinerOrder.md') | Should -Match '(?m)^\{\{ Fill in the Synopsis \}\}$'
        @(Update-LinerHelpMarkdown -DocsPath $docs -Module Liner.PowerShell -WarningAction SilentlyContinue) | Should -BeNullOrEmpty
    }
}

Describe 'Every cmdlet is listed' {
    BeforeAll {
        $readme = Get-Content -Raw (Join-Path $Root 'README.md')
        $CmdletTable = [regex]::Match($readme, '(?ms)^## The cmdlets\s*$(?<table>.*?)(?=^## )').Groups['table'].Value
        $AboutTexts = @{}
        foreach ($file in Get-ChildItem (Join-Path (Split-Path $ModulePath) '*/about_Liner.help.txt')) {
            $AboutTexts[$file.Directory.Name] = Get-Content -Raw $file.FullName
        }
    }

    It 'in the README''s table of cmdlets: <Name>' -TestCases $CommandCases {
        $CmdletTable | Should -Not -BeNullOrEmpty -Because 'README.md has a "## The cmdlets" section'
        $listed = $CmdletTable -match "(?m)^\|.*``$([regex]::Escape($Name))[\s``]"
        $listed | Should -BeTrue -Because "README.md's ""## The cmdlets"" table is written by hand: add a row for $Name (or ``$Name ...`` in a row)"
    }

    It 'in about_Liner of every culture, with its synopsis: <Name>' -TestCases $CommandCases {
        @($AboutTexts.Keys | Sort-Object) | Should -Be @($Docs.Keys | Sort-Object)
        foreach ($culture in $AboutTexts.Keys) {
            $AboutTexts[$culture] | Should -Match "(?m)^    - $([regex]::Escape($Name)): \S" -Because "about_Liner ($culture) lists each cmdlet page"
        }
    }
}

Describe 'Examples in docs/' {
    BeforeAll {
        # Examples are written for a real account; here they run against the mock API. The hosts they
        # name are the mock (liner-branch.example.com: the mock with a path prefix), $key, $mainKey and
        # $branchKey hold the mock's key, and LINER_API_HOST and LINER_API_KEY point at the mock.
        # Each example starts connected, as a reader of Get-Help would be.
        # http://proxy.example.com:3128 is a real proxy (tinyproxy) on loopback, and PROXY_PASSWORD is set.
        Import-Module (Join-Path $PSScriptRoot '../TestProxy.psm1') -Force
        $ExampleProxy = Start-TestProxy
        $Substitutions = [ordered]@{
            'http://proxy.example.com:3128'            = $ExampleProxy.Url
            "'https://gateway.example.com:8443/liner'" = "'$($Mock.Url)/gateway/liner'"
            'liner-branch.example.com'                 = "$($Mock.Url)/branch"
            'liner.example.com'                        = $Mock.Url
        }
        # Every culture's examples; code that several cultures share (a translation keeps it) runs once.
        $ExampleCases = foreach ($culture in $Docs.Keys | Sort-Object) {
            foreach ($doc in $Docs[$culture].Values) {
                foreach ($example in $doc.Examples) {
                    foreach ($code in $example.Code) { @{ Command = "$culture/$($doc.Name)"; Title = $example.Title; Code = $code } }
                }
            }
        }
        $ExampleCases = @($ExampleCases | Group-Object { $_.Code } | ForEach-Object { $_.Group[0] })
    }
    AfterAll { Stop-TestProxy $ExampleProxy }

    It 'every example runs without error' {
        $ExampleCases.Count | Should -BeGreaterThan 10
        $env:LINER_API_HOST = $Mock.Url
        $env:LINER_API_KEY = $TestKeyText
        $env:PROXY_PASSWORD = 'example-proxy-password'
        $failures = [System.Collections.Generic.List[string]]::new()
        try {
            foreach ($case in $ExampleCases) {
                $code = $case.Code
                foreach ($entry in $Substitutions.GetEnumerator()) { $code = $code.Replace($entry.Key, $entry.Value) }
                $ps = [powershell]::Create()
                try {
                    $prefix = "Import-Module '$ModulePath'; Set-Location '$TestDrive'; `$key = `$mainKey = `$branchKey = `$args[0]; Connect-Liner`n"
                    $null = $ps.AddScript($prefix + $code).AddArgument($TestKey)
                    $null = $ps.Invoke()
                    if ($ps.HadErrors) {
                        $failures.Add("$($case.Command) '$($case.Title)': $(($ps.Streams.Error | ForEach-Object { $_.ToString() }) -join '; ')")
                    }
                }
                catch {
                    $failures.Add("$($case.Command) '$($case.Title)': $($_.Exception.Message)")
                }
                finally { $ps.Dispose() }
            }
        }
        finally {
            Remove-Item env:LINER_API_HOST, env:LINER_API_KEY, env:PROXY_PASSWORD -ErrorAction SilentlyContinue
        }
        $failures | Should -BeNullOrEmpty
    }
}
