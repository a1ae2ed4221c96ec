# The command line that starts a fresh pwsh like the one running: the installed pwsh, or, when
# PowerShell runs as a dotnet tool, dotnet with PowerShell's pwsh.dll. build.ps1, the benchmark and
# the tests all start fresh processes this way, since a loaded binary module cannot be unloaded.
function Get-PwshCommand {
    [OutputType([string[]])]
    param()
    $exe = [Environment]::ProcessPath
    if ((Split-Path $exe -Leaf) -match '^dotnet(\.exe)?$') {
        return @($exe, (Join-Path $PSHOME 'pwsh.dll'))
    }
    return @($exe)
}

Export-ModuleMember -Function Get-PwshCommand
