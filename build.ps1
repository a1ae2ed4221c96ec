#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, stages, tests and demonstrates Liner.PowerShell.
.DESCRIPTION
    Build  compiles the solution and stages out/Liner.PowerShell/<version>/ exactly as a user would
           copy it into a folder of $env:PSModulePath.
    Help   builds, then makes or refreshes docs/<culture>/<cmdlet>.md for every cmdlet the module
           exports, in every culture folder: the SYNTAX section and each parameter's yaml block come
           from the built cmdlets (read in a fresh pwsh); synopsis, description, examples, parameter
           descriptions, a hand-written default value, inputs, outputs, notes and links are kept. A
           new cmdlet's page starts from a template whose {{ ... }} placeholders a person fills in.
    Test   builds, runs the xunit tests and the Pester tests (in a fresh pwsh, against the staged module
           and tests/Liner.MockApi), prints "xunit: N passed, N failed" and "pester: N passed, N failed",
           and exits non-zero on any failure.
    Demo   starts the mock Liner API with sample numbers and runs a short scripted session against it;
           -Interactive leaves you at a prompt, connected.
    Package publishes the staged module with Publish-PSResource into the local folder repository
           artifacts/repository, as Liner.PowerShell.<version>.nupkg.
    Bench  measures the module against Invoke-RestMethod on generated accounts of 1,000 to 100,000
           numbers and writes artifacts/bench.md and artifacts/bench.json.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Help', 'Test', 'Demo', 'Bench', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    # With -Task Demo: stay at a connected prompt after the scripted session.
    [switch] $Interactive
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Root = $PSScriptRoot
$ModuleName = 'Liner.PowerShell'

Import-Module (Join-Path $Root 'tools/PwshCommand.psm1') -Force
Import-Module (Join-Path $Root 'tools/ModuleManifest.psm1') -Force

function Get-ModuleVersion { Get-ProjectSetting Version }

function Get-StagedModulePath {
    Join-Path $Root "out/$ModuleName/$(Get-ModuleVersion)"
}


function Invoke-Build {
    Write-Host "Building $ModuleName $(Get-ModuleVersion) ($Configuration)" -ForegroundColor Cyan
    & dotnet build (Join-Path $Root 'LinerPowerShell.sln') -c $Configuration --nologo -v quiet -clp:NoSummary
    if ($LASTEXITCODE -ne 0) { throw "dotnet build failed with exit code $LASTEXITCODE." }

    $stage = Get-StagedModulePath
    if (Test-Path $stage) { Remove-Item $stage -Recurse -Force }
    New-Item -ItemType Directory -Path $stage -Force | Out-Null

    $bin = Join-Path $Root "src/$ModuleName/bin/$Configuration/netstandard2.0"
    Copy-Item (Join-Path $bin "$ModuleName.dll") $stage
    Copy-Item (Join-Path $Root "src/$ModuleName/$ModuleName.Format.ps1xml") $stage
    # The type data and the tables, written from the model classes themselves (Formatting/ModuleFiles.cs),
    # in a fresh pwsh: this one could not unload the assembly.
    $write = "`$type = [Reflection.Assembly]::LoadFrom('$(Join-Path $stage "$ModuleName.dll")').GetType('Liner.PowerShell.Formatting.ModuleFiles', `$true); " +
        "`$type.GetMethod('Write', [Reflection.BindingFlags]'Static,Public').Invoke(`$null, @('$stage'))"
    if ((Invoke-FreshPwsh -Script $write) -ne 0) { throw 'Writing the type and format data failed.' }
    Copy-Item (Join-Path $Root 'LICENSE'), (Join-Path $Root 'CHANGELOG.md') $stage

    # System.Text.Json and its dependencies, for Windows PowerShell 5.1 only: the module's resolver
    # serves them from here on .NET Framework; PowerShell 7 uses its own copies and never loads these.
    $dependencies = New-Item -ItemType Directory -Path (Join-Path $stage 'Dependencies') -Force
    Get-ChildItem $bin -Filter '*.dll' | Where-Object Name -NE "$ModuleName.dll" | Copy-Item -Destination $dependencies

    # Help: docs/<culture>/*.md compiled to MAML and about_ text (platyPS is not available here).
    Import-Module (Join-Path $Root 'tools/LinerHelp.psm1') -Force
    Build-LinerHelp -DocsPath (Join-Path $Root 'docs') -OutputPath $stage

    # The manifest's version comes from Directory.Build.props, the one place it lives, and its
    # CmdletsToExport from the cmdlets the built dll defines (read as metadata, not loaded).
    $cmdlets = Get-AssemblyCmdletName (Join-Path $stage "$ModuleName.dll")
    if (-not $cmdlets) { throw "$ModuleName.dll defines no cmdlet." }
    Write-StagedManifest -Source (Join-Path $Root "$ModuleName.psd1") -Destination (Join-Path $stage "$ModuleName.psd1") -Version (Get-ModuleVersion) -Cmdlet $cmdlets
    Write-Host "Staged $stage" -ForegroundColor Cyan
}

# Refreshes the generated parts of docs/ from the staged module's cmdlets. A fresh pwsh imports the
# module (a binary module cannot be unloaded from the build's own process); the staged help is then
# compiled again from the refreshed pages.
function Invoke-HelpUpdate {
    $quote = { param($text) "'" + ($text -replace "'", "''") + "'" }
    $manifest = Join-Path (Get-StagedModulePath) "$ModuleName.psd1"
    $docs = Join-Path $Root 'docs'
    $script = "`$ErrorActionPreference = 'Stop'; Import-Module $(& $quote $manifest); Import-Module $(& $quote (Join-Path $Root 'tools/LinerHelp.psm1')); " +
        "Update-LinerHelpMarkdown -DocsPath $(& $quote $docs) -Module $ModuleName | ForEach-Object { '{0,-8} {1}' -f `$_.Change, [IO.Path]::GetRelativePath($(& $quote $Root), `$_.Path) }"
    $exit = Invoke-FreshPwsh -Script $script
    if ($exit -ne 0) { throw "Refreshing docs/ failed with exit code $exit." }

    Import-Module (Join-Path $Root 'tools/LinerHelp.psm1') -Force
    Build-LinerHelp -DocsPath $docs -OutputPath (Get-StagedModulePath)
    $pages = foreach ($culture in Get-ChildItem $docs -Directory) { Get-LinerHelpFile $culture.FullName; Get-LinerHelpFile $culture.FullName -Kind About }
    $unfilled = $pages | Select-String -Pattern '\{\{.*?\}\}' | Group-Object Path
    foreach ($page in $unfilled) {
        Write-Host "$([IO.Path]::GetRelativePath($Root, $page.Name)): $($page.Count) {{ ... }} placeholder(s) to fill in (synopsis, description, examples, parameter descriptions)" -ForegroundColor Yellow
    }
    # What a translation still lacks against docs/en-US (the tests fail on the same).
    foreach ($culture in Get-ChildItem $docs -Directory | Where-Object Name -NE 'en-US') {
        Compare-LinerHelpCulture -DocsPath $docs -Culture $culture.Name | Where-Object Kind -NE 'Placeholder' | ForEach-Object { Write-Host $_.Message -ForegroundColor Yellow }
    }
    Write-Host "docs/ matches the cmdlets of $ModuleName $(Get-ModuleVersion)" -ForegroundColor Cyan
}

function Invoke-XunitTests {
    $results = Join-Path $Root 'artifacts/test'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $project = Join-Path $Root 'tests/Liner.PowerShell.Tests'
    & dotnet test $project -c $Configuration --no-build --nologo `
        --logger 'trx;LogFileName=xunit.trx' --logger 'console;verbosity=minimal' --results-directory $results `
        --collect 'XPlat Code Coverage' --settings (Join-Path $project 'coverage.runsettings') | Out-Host
    $trx = Join-Path $results 'xunit.trx'
    if (-not (Test-Path $trx)) {
        Write-Host 'xunit: 0 passed, 1 failed'
        return 1
    }
    $counters = ([xml](Get-Content -Raw $trx)).TestRun.ResultSummary.Counters
    $failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    Write-Host "xunit: $($counters.passed) passed, $failed failed"
    Write-Coverage (Get-ChildItem $results -Recurse -Filter 'coverage.cobertura.xml' | Select-Object -First 1)
    return $failed
}

# One line for the C# core's coverage by the xunit tests, then the files of the data path (Api/)
# that they reach least; the Pester tests cover the cmdlets end to end and are not counted here.
function Write-Coverage($Report) {
    if (-not $Report) {
        Write-Host 'coverage: not measured (no coverage report was written)'
        return
    }
    $coverage = ([xml](Get-Content -Raw $Report.FullName)).coverage
    $percent = { param($rate) '{0:0.#}' -f (100 * [double]::Parse($rate, [Globalization.CultureInfo]::InvariantCulture)) }
    Write-Host "coverage: $(& $percent $coverage.'line-rate') % lines, $(& $percent $coverage.'branch-rate') % branches (xunit, Liner.PowerShell.dll)"
    $files = $coverage.packages.package.classes.class | Where-Object filename -Match '(^|[\\/])Api[\\/]' |
        Group-Object filename | ForEach-Object {
            $lines = @($_.Group.lines.line)
            [pscustomobject]@{ File = Split-Path $_.Name -Leaf; Rate = @($lines | Where-Object { [int]$_.hits -gt 0 }).Count / [math]::Max(1, $lines.Count) }
        } | Sort-Object Rate | Select-Object -First 4
    Write-Host "coverage, least reached in Api/: $(($files | ForEach-Object { '{0} {1:0} %' -f $_.File, (100 * $_.Rate) }) -join ', ')"
}

function Invoke-PesterTests {
    $pesterPathFile = Join-Path $Root "tests/Liner.PowerShell.Tests/bin/$Configuration/$(Get-ProjectSetting TestTargetFramework)/pester-path.txt"
    $pester = (Get-Content $pesterPathFile -TotalCount 1).Trim()
    $manifest = Join-Path (Get-StagedModulePath) "$ModuleName.psd1"
    # A fresh process: a binary module cannot be unloaded, so tests never share a pwsh with the build.
    return Invoke-FreshPwsh -File (Join-Path $Root 'tests/Invoke-PesterTests.ps1'), '-PesterPath', $pester, '-ModulePath', $manifest, '-Configuration', $Configuration
}

function Invoke-Demo {
    Import-Module (Join-Path $Root 'tests/LinerMockApi.psm1') -Force
    # Over https, as a real Liner host: the demo's pwsh alone trusts a CA made for this run.
    $mock = Start-LinerMockApi -Configuration $Configuration -NewCertificateAuthority
    try {
        $manifest = Join-Path (Get-StagedModulePath) "$ModuleName.psd1"
        $demo = Join-Path $Root 'tools/Demo.ps1'
        $pwsh = @(Get-PwshCommand)
        $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile')
        $demoArguments = "-ModulePath '$manifest' -ApiHost '$($mock.HttpsUrl)' -MockProcessId $($mock.Process.Id)"
        if ($Interactive) {
            # Run, not dot-sourced: the prompt keeps its own preferences and no plain-text key.
            $arguments += @('-NoExit', '-Command', "& '$demo' $demoArguments -Interactive")
        }
        else {
            $arguments += @('-NonInteractive', '-Command', "& '$demo' $demoArguments; exit `$(if (`$?) { 0 } else { 1 })")
        }
        # The key reaches the demo in its environment, never on a command line that ps can show.
        $env:LINER_DEMO_KEY = $mock.ApiKey
        $trusted = $env:SSL_CERT_FILE
        $env:SSL_CERT_FILE = $mock.CertificateFile
        try { & $pwsh[0] @arguments }
        finally {
            Remove-Item Env:LINER_DEMO_KEY -ErrorAction Ignore
            $env:SSL_CERT_FILE = $trusted
        }
        if ($LASTEXITCODE -ne 0) { throw "The demo failed with exit code $LASTEXITCODE." }
    }
    finally {
        Stop-LinerMockApi $mock
    }
}

function Invoke-Package {
    $repository = Join-Path $Root 'artifacts/repository'
    if (Test-Path $repository) { Remove-Item $repository -Recurse -Force }
    New-Item -ItemType Directory -Path $repository -Force | Out-Null
    # PSResourceGet keeps its repository list in the local application data folder; .NET reports a
    # folder that does not exist yet (a new machine's ~/.local/share) as "", and the list would then
    # land in the working directory.
    if (-not $IsWindows -and -not [Environment]::GetFolderPath('LocalApplicationData')) {
        $data = if ($env:XDG_DATA_HOME) { $env:XDG_DATA_HOME } else { Join-Path $HOME '.local/share' }
        New-Item -ItemType Directory -Path $data -Force | Out-Null
    }
    # A repository registered for this publish only, so the user's repository list is left as it was.
    $name = "LinerBuild-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
    Register-PSResourceRepository -Name $name -Uri $repository -Trusted
    try {
        Publish-PSResource -Path (Get-StagedModulePath) -Repository $name
    }
    finally {
        Unregister-PSResourceRepository -Name $name
    }
    $package = Join-Path $repository "$ModuleName.$(Get-ModuleVersion).nupkg"
    if (-not (Test-Path $package)) { throw "Publish-PSResource did not write $package." }
    Write-Host "Packaged $package" -ForegroundColor Cyan
}

function Invoke-Bench {
    Import-Module (Join-Path $Root 'tests/LinerMockApi.psm1') -Force
    # A CA for this run only, trusted by the benchmark's pwsh alone (SSL_CERT_FILE), for A over https.
    $mock = Start-LinerMockApi -Configuration $Configuration -NewCertificateAuthority
    try {
        $manifest = Join-Path (Get-StagedModulePath) "$ModuleName.psd1"
        $exit = Invoke-FreshPwsh -File (Join-Path $Root 'tools/Bench.ps1'), '-ModulePath', $manifest, '-ApiHost', $mock.Url, '-HttpsApiHost', $mock.HttpsUrl, '-ApiKey', $mock.ApiKey, '-OutputPath', (Join-Path $Root 'artifacts') -Environment @{ SSL_CERT_FILE = $mock.CertificateFile }
        if ($exit -ne 0) { throw "The benchmark failed with exit code $exit." }
    }
    finally {
        Stop-LinerMockApi $mock
    }
}

Push-Location $Root
try {
    switch ($Task) {
        'Build' { Invoke-Build }
        'Help' { Invoke-Build; Invoke-HelpUpdate }
        'Demo' { Invoke-Build; Invoke-Demo }
        'Bench' { Invoke-Build; Invoke-Bench }
        'Package' { Invoke-Build; Invoke-Package }
        'Test' {
            Invoke-Build
            Invoke-Package
            $xunitFailed = Invoke-XunitTests
            $pesterFailed = Invoke-PesterTests
            if ($xunitFailed -ne 0 -or $pesterFailed -ne 0) {
                Write-Host "Tests failed: xunit $xunitFailed failed; pester exited with $pesterFailed (see its summary line)." -ForegroundColor Red
                exit 1
            }
            Write-Host 'All tests passed.' -ForegroundColor Green
        }
    }
}
finally {
    Pop-Location
}
