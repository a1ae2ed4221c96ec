# The help that ships with the staged module: Get-Help in a fresh pwsh, docs/ against the compiled
# cmdlets, and every example of docs/ run against the mock Liner API.
BeforeDiscovery {
    Import-Module $env:LINER_TEST_MODULE
    $CommandCases = @(Get-Command -Module Liner.PowerShell -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
}
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module (Join-Path $PSScriptRoot '../../tools/LinerHelp.psm1') -Force
    $DocsPath = Join-Path $PSScriptRoot '../../docs/en-US'
    $Commands = @(Get-Command -Module Liner.PowerShell -CommandType Cmdlet | Sort-Object Name)
    $Docs = @{}
    foreach ($file in Get-ChildItem $DocsPath -Filter '*.md' | Where-Object Name -NotLike 'about_*') {
        $Docs[$file.BaseName] = ConvertFrom-HelpMarkdown $file.FullName
    }
    $CommonNames = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters

    # What Get-Help shows in a fresh pwsh that only imported the staged module.
    $fresh = Invoke-ModuleScript -Script @'
$result = foreach ($command in Get-Command -Module Liner.PowerShell -CommandType Cmdlet) {
    $help = Get-Help $command.Name -Full
    [pscustomobject]@{
        Name        = $command.Name
        Synopsis    = $help.Synopsis
        Description = ($help.Description | Out-String).Trim()
        Examples    = @($help.Examples.Example | ForEach-Object { $_.Code })
        Parameters  = @($help.Parameters.Parameter | ForEach-Object { [pscustomobject]@{ Name = $_.Name; Description = ($_.Description | Out-String).Trim() } })
    }
}
$about = Get-Help about_Liner | Out-String
[pscustomobject]@{ Commands = $result; About = $about } | ConvertTo-Json -Depth 5
'@
    $FreshHelp = $fresh.Output | ConvertFrom-Json
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
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $CommonNames -notcontains $_ }) {
            $described = @($help.Parameters) | Where-Object Name -EQ $parameter
            $described | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs help"
            $described.Description | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a description"
        }
    }

    It 'shows about_Liner' {
        $FreshHelp.About | Should -Match 'about_Liner'
        $FreshHelp.About | Should -Match 'LONG DESCRIPTION'
        $FreshHelp.About | Should -Match 'LinerAuthenticationFailed'
        $FreshHelp.About | Should -Match 'LINER_API_HOST'
    }
}

Describe 'docs/ matches the compiled cmdlets' {
    It 'has one page per exported cmdlet and no page for another' {
        @($Docs.Keys | Sort-Object) | Should -Be @($Commands.Name)
    }

    It 'has the parameter sets of <Name>, with the same default' -TestCases $CommandCases {
        $command = Get-Command $Name
        $doc = $Docs[$Name]
        @($doc.Syntax.SetName | Sort-Object) | Should -Be @($command.ParameterSets.Name | Sort-Object)
        if ($command.ParameterSets.Count -gt 1) {
            ($doc.Syntax | Where-Object IsDefault).SetName | Should -Be $command.DefaultParameterSet
        }
    }

    It 'has exactly the parameters of <Name>, with their type, sets, position, requirement, aliases and pipeline input' -TestCases $CommandCases {
        $command = Get-Command $Name
        $doc = $Docs[$Name]
        $compiled = @($command.Parameters.Values | Where-Object { $CommonNames -notcontains $_.Name })
        @($doc.Parameters.Name | Sort-Object) | Should -Be @($compiled.Name | Sort-Object)
        foreach ($parameter in $compiled) {
            $documented = $doc.Parameters | Where-Object Name -EQ $parameter.Name
            $because = "-$($parameter.Name) of $Name"
            $documented.Type | Should -Be $parameter.ParameterType.Name -Because $because
            $sets = @($parameter.ParameterSets.Keys | ForEach-Object { if ($_ -eq '__AllParameterSets') { '(All)' } else { $_ } } | Sort-Object)
            @($documented.ParameterSets | Sort-Object) | Should -Be $sets -Because $because
            foreach ($set in $parameter.ParameterSets.GetEnumerator()) {
                $setName = if ($set.Key -eq '__AllParameterSets') { '(All)' } else { $set.Key }
                $documented.RequiredBySet[$setName] | Should -Be $set.Value.IsMandatory -Because "$because in set $setName"
                $position = if ($set.Value.Position -ge 0) { "$($set.Value.Position)" } else { 'Named' }
                $documented.Position | Should -Be $position -Because $because
                $pipeline = @()
                if ($set.Value.ValueFromPipelineByPropertyName) { $pipeline += 'ByPropertyName' }
                if ($set.Value.ValueFromPipeline) { $pipeline += 'ByValue' }
                $documented.PipelineInput | Should -Be $(if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }) -Because $because
            }
            @($documented.Aliases | Sort-Object) | Should -Be @($parameter.Aliases | Sort-Object) -Because $because
            $wildcards = [bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
            $documented.Wildcards | Should -Be $wildcards -Because $because
        }
    }

    It 'names the output types of <Name> that its OutputType attributes declare' -TestCases $CommandCases {
        $command = Get-Command $Name
        $declared = @($command.OutputType.Type | Where-Object { $_ -ne [void] } | ForEach-Object FullName)
        foreach ($type in $declared) { $Docs[$Name].Outputs.Type | Should -Contain $type }
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
        $ExampleCases = foreach ($doc in $Docs.Values) {
            foreach ($example in $doc.Examples) {
                foreach ($code in $example.Code) { @{ Command = $doc.Name; Title = $example.Title; Code = $code } }
            }
        }
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
