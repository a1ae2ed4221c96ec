# Starting a fresh pwsh like the one running, and reading the project's settings. build.ps1, the
# benchmark, the mock's helpers and the tests all start fresh processes this way, since a loaded
# binary module cannot be unloaded.

# The command line that starts a fresh pwsh: the installed pwsh, or, when PowerShell runs as a
# dotnet tool, dotnet with PowerShell's pwsh.dll.
function Get-PwshCommand {
    [OutputType([string[]])]
    param()
    $exe = [Environment]::ProcessPath
    if ((Split-Path $exe -Leaf) -match '^dotnet(\.exe)?$') {
        return @($exe, (Join-Path $PSHOME 'pwsh.dll'))
    }
    return @($exe)
}

# Runs a script (-Script) or a script file with its arguments (-File) in a fresh non-interactive pwsh.
# With -Capture it returns the exit code, the output and the error output; otherwise the output goes
# to the host and the exit code is returned.
function Invoke-FreshPwsh {
    [CmdletBinding(DefaultParameterSetName = 'Script')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Script')] [string] $Script,
        [Parameter(Mandatory, ParameterSetName = 'File')] [string[]] $File,
        [hashtable] $Environment = @{},
        [string] $WorkingDirectory = $PWD.Path,
        [int] $TimeoutSec = 3600,
        [switch] $Capture
    )
    $pwsh = @(Get-PwshCommand)
    $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive') +
        $(if ($Script) { @('-Command', $Script) } else { @('-File') + $File })
    $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
    foreach ($argument in $arguments) { $start.ArgumentList.Add($argument) }
    $start.WorkingDirectory = $WorkingDirectory
    $start.UseShellExecute = $false
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = [bool]$Capture
    $start.RedirectStandardError = [bool]$Capture
    foreach ($entry in $Environment.GetEnumerator()) {
        if ($null -eq $entry.Value) { $null = $start.Environment.Remove($entry.Key) } else { $start.Environment[$entry.Key] = $entry.Value }
    }
    $process = [System.Diagnostics.Process]::Start($start)
    $process.StandardInput.Close()
    $stdout = if ($Capture) { $process.StandardOutput.ReadToEndAsync() }
    $stderr = if ($Capture) { $process.StandardError.ReadToEndAsync() }
    if (-not $process.WaitForExit($TimeoutSec * 1000)) {
        $process.Kill($true)
        throw "The fresh pwsh did not finish within $TimeoutSec s."
    }
    $process.WaitForExit()
    if (-not $Capture) { return $process.ExitCode }
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Errors = $stderr.Result }
}

# A setting of the build from Directory.Build.props, the one place each lives: Version (the
# module's), TestTargetFramework, PowerShellVersion (read there from dotnet-tools.json), PesterVersion.
function Get-ProjectSetting {
    [OutputType([string])]
    param([Parameter(Mandatory)] [ValidateSet('Version', 'TestTargetFramework', 'PesterVersion')] [string] $Name)
    $props = [xml](Get-Content -Raw (Join-Path $PSScriptRoot '../Directory.Build.props'))
    @($props.Project.PropertyGroup | ForEach-Object { $_.$Name } | Where-Object { $_ })[0]
}

Export-ModuleMember -Function Get-PwshCommand, Invoke-FreshPwsh, Get-ProjectSetting
