@{
    RootModule             = 'Liner.PowerShell.dll'
    # Stamped by build.ps1 from Directory.Build.props, the one place the version lives.
    ModuleVersion          = '0.0.0'
    GUID                   = '6f1f4d0e-2b7a-4c47-9a55-3d8e1f6a2c19'
    Author                 = 'Liner.PowerShell contributors'
    CompanyName            = 'Liner.PowerShell contributors'
    Copyright              = '(c) Liner.PowerShell contributors. MIT License.'
    Description            = 'Work with a Liner telephony account from PowerShell: connect once, then list and filter its virtual numbers, orders, users, calls and recordings as typed objects, and see which numbers are still used.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    CompatiblePSEditions   = @('Desktop', 'Core')
    TypesToProcess         = @('Liner.PowerShell.Types.ps1xml')
    # Types and Tables are written by build.ps1 from the model classes (Formatting/ModuleFiles.cs).
    FormatsToProcess       = @('Liner.PowerShell.Tables.Format.ps1xml', 'Liner.PowerShell.Format.ps1xml')
    # Stamped by build.ps1 with the cmdlets the built Liner.PowerShell.dll defines: a new cmdlet
    # class is exported without editing this file.
    CmdletsToExport        = @()
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Liner', 'Telephony', 'VirtualNumber', 'SIP', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ReleaseNotes = '0.4.0: failures obey -ErrorAction, so -ErrorAction Stop ends scripts (pwsh -File exits 1); script templates that never truncate an export; leads (Get-, New-, Set-LinerLead, Get-LinerCustomField) with only the given fields sent and never a create twice; campaign set-up (orders, their numbers and agents, agent groups, call-attempt schemes); help in Russian. 0.3.0: https end to end and proxies: Connect-Liner -Proxy, -ProxyCredential, -ProxyUseDefaultCredentials and -NoProxy (the platform''s proxy by default), LinerTlsError saying why a certificate was refused, LinerProxyAuthenticationRequired, no redirect from https to http. 0.2.0: Get-LinerVirtualNumberUsage, calls, call records and their download, statuses, Get-LinerOrder and Get-LinerUser, pipelines between numbers, orders and users, paged lists read ahead, -First/-Skip for numbers, and a reader that never writes a wrong value. 0.1.1: tables that fit 80 columns, objects that survive jobs and Import-Clixml, secrets masked in every readable view. See CHANGELOG.md, which ships with the module.'
        }
    }
}
