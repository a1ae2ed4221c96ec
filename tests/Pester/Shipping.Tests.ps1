# What ships: the manifest, the files of the staged module and what they reference, the assemblies
# PowerShell 7 loads from them, and the package built by ./build.ps1 -Task Package.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $ModuleBase = Split-Path $ModulePath
    $Version = Get-ProjectSetting Version

    # Reads a dll's identity, target framework and assembly references without loading it.
    function Get-AssemblyFacts([string] $Path) {
        $stream = [IO.File]::OpenRead($Path)
        $pe = [System.Reflection.PortableExecutable.PEReader]::new($stream)
        try {
            $md = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
            $definition = $md.GetAssemblyDefinition()
            $framework = $null
            foreach ($handle in $definition.GetCustomAttributes()) {
                $attribute = $md.GetCustomAttribute($handle)
                $constructor = $md.GetMemberReference([System.Reflection.Metadata.MemberReferenceHandle]$attribute.Constructor)
                $type = $md.GetTypeReference([System.Reflection.Metadata.TypeReferenceHandle]$constructor.Parent)
                if ($md.GetString($type.Name) -eq 'TargetFrameworkAttribute') {
                    $blob = $md.GetBlobReader($attribute.Value)
                    $null = $blob.ReadUInt16()
                    $framework = $blob.ReadSerializedString()
                }
            }
            [pscustomobject]@{
                Name       = $md.GetString($definition.Name)
                Framework  = $framework
                References = @(foreach ($handle in $md.AssemblyReferences) {
                        $reference = $md.GetAssemblyReference($handle)
                        [pscustomobject]@{ Name = $md.GetString($reference.Name); Version = $reference.Version }
                    })
            }
        }
        finally { $pe.Dispose(); $stream.Dispose() }
    }
}
AfterAll {
    Stop-LinerMockApi $Mock
}

Describe 'The manifest' {
    BeforeAll {
        $manifest = Test-ModuleManifest -Path $ModulePath
        $data = Import-PowerShellDataFile $ModulePath
    }

    It 'passes Test-ModuleManifest with the version of Directory.Build.props' {
        $manifest.Version | Should -Be ([version]$Version)
        $manifest.Name | Should -Be 'Liner.PowerShell'
    }

    It 'is for Desktop and Core, from PowerShell 5.1 and .NET Framework 4.7.2' {
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
        $manifest.DotNetFrameworkVersion | Should -Be ([version]'4.7.2')
    }

    It 'exports exactly the cmdlets the dll has (stamped by the build), and no functions, variables or aliases' {
        $defined = @((Get-Module Liner.PowerShell).ImplementingAssembly.GetExportedTypes() | Where-Object { -not $_.IsAbstract } |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { "$($_.VerbName)-$($_.NounName)" } | Sort-Object)
        $defined.Count | Should -BeGreaterThan 0
        @($data.CmdletsToExport | Sort-Object) | Should -Be $defined -Because 'build.ps1 stamps CmdletsToExport from the cmdlets of the built dll'
        @((Get-Command -Module Liner.PowerShell -CommandType Cmdlet).Name | Sort-Object) | Should -Be $defined
        $data.FunctionsToExport.Count | Should -Be 0
        $data.VariablesToExport.Count | Should -Be 0
        $data.AliasesToExport.Count | Should -Be 0
        $data.CmdletsToExport | Should -Not -Contain '*'
    }

    It 'names its format file, description, tags, license and release notes' {
        $data.FormatsToProcess | Should -Be @('Liner.PowerShell.Tables.Format.ps1xml', 'Liner.PowerShell.Format.ps1xml')
        $data.TypesToProcess | Should -Be @('Liner.PowerShell.Types.ps1xml')
        foreach ($file in @($data.FormatsToProcess) + @($data.TypesToProcess)) { Test-Path (Join-Path $ModuleBase $file) | Should -BeTrue }
        $manifest.Description | Should -Not -BeNullOrEmpty
        foreach ($tag in 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS') { $manifest.Tags | Should -Contain $tag }
        $manifest.LicenseUri | Should -Not -BeNullOrEmpty
        $manifest.ReleaseNotes | Should -Not -BeNullOrEmpty
    }

    It 'ships LICENSE (MIT) and CHANGELOG.md, and the changelog has this version' {
        Get-Content -Raw (Join-Path $Root 'LICENSE') | Should -Match 'MIT License'
        Get-Content -Raw (Join-Path $Root 'CHANGELOG.md') | Should -Match "## $([regex]::Escape($Version))"
        Test-Path (Join-Path $ModuleBase 'LICENSE') | Should -BeTrue
        Test-Path (Join-Path $ModuleBase 'CHANGELOG.md') | Should -BeTrue
    }
}

Describe 'The files of the module' {
    BeforeAll {
        $dlls = @(Get-ChildItem $ModuleBase -Recurse -Filter '*.dll')
        $facts = @($dlls | ForEach-Object { Get-AssemblyFacts $_.FullName })
        $shipped = @(Get-ChildItem (Join-Path $ModuleBase 'Dependencies') -Filter '*.dll' | ForEach-Object BaseName)
        # What Windows PowerShell 5.1 on .NET Framework 4.7.2 provides: the framework's own assemblies
        # (netstandard 2.0 is built into 4.7.2) and PowerShell's engine.
        $provided = @('mscorlib', 'netstandard', 'System', 'System.Core', 'System.Net.Http', 'System.Numerics', 'System.Xml',
            'System.Runtime.Serialization', 'System.Data', 'System.Management.Automation')
    }

    It 'ships System.Text.Json and its dependencies in Dependencies/, and nothing else beside its own dll' {
        $shipped | Should -Contain 'System.Text.Json'
        @(Get-ChildItem $ModuleBase -Filter '*.dll' | ForEach-Object Name) | Should -Be @('Liner.PowerShell.dll')
    }

    It 'references only what .NET Framework 4.7.2 and PowerShell provide, or what Dependencies/ ships' {
        foreach ($assembly in $facts) {
            foreach ($reference in $assembly.References) {
                ($provided + $shipped) | Should -Contain $reference.Name -Because "$($assembly.Name) references $($reference.Name) $($reference.Version)"
            }
        }
    }

    It 'references System.Text.Json of major version 8 or lower' {
        $module = $facts | Where-Object Name -EQ 'Liner.PowerShell'
        ($module.References | Where-Object Name -EQ 'System.Text.Json').Version.Major | Should -BeLessOrEqual 8
    }

    It 'ships only assemblies that .NET Framework can load (netstandard2.0 or .NET Framework up to 4.7.2)' {
        foreach ($assembly in $facts) {
            if ($assembly.Framework) {
                $assembly.Framework | Should -Match '^\.NET(Standard,Version=v(1\.\d|2\.0)|Framework,Version=v4\.([0-6](\.\d)?|7(\.[0-2])?))$' -Because $assembly.Name
            }
            else {
                # Older packages carry no TargetFrameworkAttribute: what they are built against tells.
                @($assembly.References.Name | Where-Object { $_ -in 'netstandard', 'mscorlib' }).Count | Should -BeGreaterThan 0 -Because $assembly.Name
                @($assembly.References.Name | Where-Object { $_ -in 'System.Runtime', 'System.Private.CoreLib' }).Count | Should -Be 0 -Because $assembly.Name
            }
        }
    }

    It 'ships no PowerShell or .NET runtime assembly' {
        $runtime = '^(System\.Management\.Automation|Microsoft\.PowerShell\..*|mscorlib|netstandard|System\.Private\..*|System\.Runtime|System)$'
        @($facts.Name | Where-Object { $_ -match $runtime }) | Should -BeNullOrEmpty
    }
}

Describe 'Loading in PowerShell 7' {
    It 'loads no assembly from the module folder but its own dll, after every cmdlet ran' {
        $script = @"
Connect-Liner -ApiHost '$($Mock.Url)' -ApiKey (ConvertTo-SecureString '$TestKeyText' -AsPlainText -Force)
`$null = Get-LinerVirtualNumber | Where-Object incoming
`$null = Get-LinerVirtualNumber -Id 101, 999 -ErrorAction SilentlyContinue
`$null = Get-LinerConnection
`$null = Test-LinerConnection
Disconnect-Liner
`$base = (Get-Module Liner.PowerShell).ModuleBase
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { -not `$_.IsDynamic -and `$_.Location -and `$_.Location.StartsWith(`$base) } | ForEach-Object { 'FROM-MODULE ' + [IO.Path]::GetFileName(`$_.Location) }
'JSON-FROM ' + [System.Text.Json.JsonSerializer].Assembly.Location
'RUNTIME-AT ' + [IO.Path]::GetDirectoryName([object].Assembly.Location)
"@
        $result = Invoke-ModuleScript -Script $script
        $result.Errors | Should -BeNullOrEmpty
        $fromModule = @($result.Output -split '\r?\n' | Where-Object { $_ -like 'FROM-MODULE *' })
        $fromModule | Should -Be @('FROM-MODULE Liner.PowerShell.dll')
        # System.Text.Json comes from PowerShell's own folder or the .NET runtime it runs on.
        $lines = $result.Output -split '\r?\n'
        $json = ($lines | Where-Object { $_ -like 'JSON-FROM *' }).Substring('JSON-FROM '.Length)
        $runtime = ($lines | Where-Object { $_ -like 'RUNTIME-AT *' }).Substring('RUNTIME-AT '.Length)
        ($json.StartsWith($PSHOME) -or $json.StartsWith($runtime)) | Should -BeTrue -Because "System.Text.Json was loaded from $json"
        $json | Should -Not -BeLike "$ModuleBase*"
    }
}

Describe 'The package' {
    BeforeAll {
        $repository = Join-Path $Root 'artifacts/repository'
        $package = Join-Path $repository "Liner.PowerShell.$Version.nupkg"
    }

    It 'is Liner.PowerShell.<version>.nupkg with the module''s files' {
        Test-Path $package | Should -BeTrue
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($package)
        try { $entries = @($zip.Entries.FullName) } finally { $zip.Dispose() }
        foreach ($file in 'Liner.PowerShell.psd1', 'Liner.PowerShell.dll', 'Liner.PowerShell.Format.ps1xml', 'Liner.PowerShell.Tables.Format.ps1xml', 'Liner.PowerShell.Types.ps1xml', 'Dependencies/System.Text.Json.dll', 'LICENSE') {
            $entries | Should -Contain $file
        }
        # The help of every culture of docs/ (en-US, ru-RU): Update-Help is never needed.
        foreach ($culture in Get-ChildItem (Join-Path $Root 'docs') -Directory | ForEach-Object Name) {
            foreach ($file in 'Liner.PowerShell.dll-Help.xml', 'about_Liner.help.txt') { $entries | Should -Contain "$culture/$file" }
        }
    }

    It 'installs with Install-PSResource into a fresh home, imports by name in a fresh pwsh, and lists numbers' {
        $fakeHome = Join-Path $TestDrive 'home'
        # The XDG folders must exist: .NET reports a missing one as "", and PSResourceGet then writes its
        # repository list relative to the working directory.
        foreach ($folder in '.local/share', '.config', '.cache') { $null = New-Item -ItemType Directory -Path (Join-Path $fakeHome $folder) -Force }
        # Both processes see only the temporary home: the user's own repositories and modules stay untouched.
        $environment = @{ HOME = $fakeHome; XDG_DATA_HOME = (Join-Path $fakeHome '.local/share'); XDG_CONFIG_HOME = (Join-Path $fakeHome '.config'); XDG_CACHE_HOME = (Join-Path $fakeHome '.cache') }
        $install = Invoke-ModuleScript -Environment $environment -WorkingDirectory $fakeHome -Script @"
Register-PSResourceRepository -Name LinerTest -Uri '$repository' -Trusted
Install-PSResource -Name Liner.PowerShell -Repository LinerTest -Scope CurrentUser -TrustRepository -ErrorAction Stop
(Get-InstalledPSResource -Name Liner.PowerShell).Version.ToString()
"@
        $install.Errors | Should -BeNullOrEmpty
        $install.Output.Trim() | Should -Be $Version

        $use = Invoke-ModuleScript -NoImport -Environment $environment -WorkingDirectory $fakeHome -Script @"
Import-Module Liner.PowerShell -ErrorAction Stop
(Get-Module Liner.PowerShell).ModuleBase
Connect-Liner -ApiHost '$($Mock.Url)' -ApiKey (ConvertTo-SecureString '$TestKeyText' -AsPlainText -Force)
'COUNT ' + @(Get-LinerVirtualNumber).Count
"@
        $use.Errors | Should -BeNullOrEmpty
        $use.Output | Should -Match ([regex]::Escape($fakeHome))
        $use.Output | Should -Match "COUNT $($SampleNumbers.Count)"
    }
}
