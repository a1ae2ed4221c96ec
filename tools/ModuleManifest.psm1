# The staged module's manifest: the source Liner.PowerShell.psd1 with what the build knows stamped
# into it, so no list is kept by hand: ModuleVersion from Directory.Build.props, and CmdletsToExport
# from the cmdlets the built assembly defines. The assembly is read as metadata, never loaded: the
# build's pwsh could not unload it.

Set-StrictMode -Version Latest

# The names (Verb-Noun) of the public, non-abstract classes of an assembly that carry
# [Cmdlet(verb, noun)], sorted.
function Get-AssemblyCmdletName {
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [string] $Path)
    $stream = [System.IO.File]::OpenRead($Path)
    $pe = [System.Reflection.PortableExecutable.PEReader]::new($stream)
    try {
        $md = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
        $names = foreach ($typeHandle in $md.TypeDefinitions) {
            $type = $md.GetTypeDefinition($typeHandle)
            $attributes = $type.Attributes
            $public = ($attributes -band [System.Reflection.TypeAttributes]::VisibilityMask) -eq [System.Reflection.TypeAttributes]::Public
            if (-not $public -or ($attributes -band [System.Reflection.TypeAttributes]::Abstract)) { continue }
            foreach ($attributeHandle in $type.GetCustomAttributes()) {
                $attribute = $md.GetCustomAttribute($attributeHandle)
                if ($attribute.Constructor.Kind -ne [System.Reflection.Metadata.HandleKind]::MemberReference) { continue }
                $constructor = $md.GetMemberReference([System.Reflection.Metadata.MemberReferenceHandle]$attribute.Constructor)
                if ($constructor.Parent.Kind -ne [System.Reflection.Metadata.HandleKind]::TypeReference) { continue }
                $attributeType = $md.GetTypeReference([System.Reflection.Metadata.TypeReferenceHandle]$constructor.Parent)
                if ($md.GetString($attributeType.Name) -ne 'CmdletAttribute' -or $md.GetString($attributeType.Namespace) -ne 'System.Management.Automation') { continue }
                # The blob: prolog 0x0001, then the constructor's arguments (verbName, nounName).
                $blob = $md.GetBlobReader($attribute.Value)
                $null = $blob.ReadUInt16()
                "$($blob.ReadSerializedString())-$($blob.ReadSerializedString())"
            }
        }
        @($names | Sort-Object)
    }
    finally {
        $pe.Dispose()
        $stream.Dispose()
    }
}

# Writes the manifest $Source to $Destination with ModuleVersion set to $Version and CmdletsToExport
# set to $Cmdlet.
function Write-StagedManifest {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Source,
        [Parameter(Mandatory)] [string] $Destination,
        [Parameter(Mandatory)] [string] $Version,
        [Parameter(Mandatory)] [string[]] $Cmdlet
    )
    $manifest = Get-Content -Raw -LiteralPath $Source
    $list = "@(`n" + (($Cmdlet | ForEach-Object { "        '$_'" }) -join "`n") + "`n    )"
    foreach ($key in 'ModuleVersion', 'CmdletsToExport') {
        if ($manifest -notmatch "(?m)^\s*$key\s*=") { throw "$Source has no $key to stamp." }
    }
    $manifest = $manifest -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion          = '$Version'"
    $manifest = $manifest -replace 'CmdletsToExport\s*=\s*@\([^)]*\)', "CmdletsToExport        = $list"
    Set-Content -LiteralPath $Destination -Value $manifest -NoNewline -Encoding utf8
}

Export-ModuleMember -Function Get-AssemblyCmdletName, Write-StagedManifest
