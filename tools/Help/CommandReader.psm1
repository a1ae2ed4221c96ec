# Reads what a help page says about a command's shape from the command itself (its CommandInfo, as
# Get-Command gives it): the syntax line of each parameter set as PowerShell prints it, and each
# parameter's type, sets, aliases, requirement, position, pipeline input and wildcards. This is the
# part of a page that MarkdownWriter.psm1 generates; a person writes the rest.
# The command must be loaded in this process: for a binary module, a fresh pwsh (a loaded assembly
# cannot be unloaded, so the build never imports the module it builds).

Set-StrictMode -Version Latest

# platyPS's order: parameters by name, then -Confirm, -WhatIf, -IncludeTotalCount, -Skip and -First,
# whose meaning every cmdlet shares (see platyPS's SortParamsAlphabetically).
$TrailingParameters = 'Confirm', 'WhatIf', 'IncludeTotalCount', 'Skip', 'First'

function Get-HelpCommandModel {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] [System.Management.Automation.CommandInfo] $Command)
    process {
        # Default set first, then the others in the order PowerShell lists them.
        $sets = @($Command.ParameterSets | Where-Object IsDefault) + @($Command.ParameterSets | Where-Object { -not $_.IsDefault })
        # Parameters marked DontShow (a pipeline object kept as it came) are not documented, as Get-Help leaves them out.
        $hidden = @($Command.Parameters.Values | Where-Object { $_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow } } | ForEach-Object Name)
        $syntax = foreach ($set in $sets) {
            $text = "$($Command.Name) $set".TrimEnd()
            foreach ($name in $hidden) { $text = $text -replace " \[-$name(?: <[^>]+>)?\]", '' }
            [pscustomobject]@{
                SetName   = $set.Name
                IsDefault = $set.IsDefault
                Text      = $text
            }
        }

        # -WhatIf and -Confirm are documented like the cmdlet's own parameters; the other common
        # parameters are the page's "CommonParameters" entry.
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters
        $parameters = foreach ($parameter in $Command.Parameters.Values | Where-Object { $common -notcontains $_.Name -and $hidden -notcontains $_.Name }) {
            $blocks = $parameter.ParameterSets.GetEnumerator() | ForEach-Object {
                $pipeline = @()
                if ($_.Value.ValueFromPipelineByPropertyName) { $pipeline += 'ByPropertyName' }
                if ($_.Value.ValueFromPipeline) { $pipeline += 'ByValue' }
                [pscustomobject]@{
                    Set           = $(if ($_.Key -eq '__AllParameterSets') { '(All)' } else { $_.Key })
                    Required      = [bool]$_.Value.IsMandatory
                    Position      = $(if ($_.Value.Position -ge 0) { "$($_.Value.Position)" } else { 'Named' })
                    PipelineInput = $(if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' })
                }
            } | Group-Object Required, Position, PipelineInput | ForEach-Object {
                # Sets in which the parameter behaves alike share one yaml block, as platyPS writes them.
                $first = $_.Group[0]
                [pscustomobject]@{
                    ParameterSets = @($_.Group.Set | Sort-Object)
                    Required      = $first.Required
                    Position      = $first.Position
                    PipelineInput = $first.PipelineInput
                }
            } | Sort-Object { $_.ParameterSets[0] }
            [pscustomobject]@{
                Name      = $parameter.Name
                Type      = $parameter.ParameterType.Name
                IsSwitch  = $parameter.SwitchParameter
                Aliases   = @($parameter.Aliases | Sort-Object)
                Wildcards = [bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
                Blocks    = @($blocks)
            }
        }
        $ordered = @($parameters | Where-Object { $TrailingParameters -notcontains $_.Name } | Sort-Object Name) +
            @(foreach ($name in $TrailingParameters) { $parameters | Where-Object Name -EQ $name })

        [pscustomobject]@{
            Name          = $Command.Name
            ModuleName    = $Command.ModuleName
            HelpFile      = $(if ($Command.HelpFile) { Split-Path $Command.HelpFile -Leaf } else { "$($Command.ModuleName).dll-Help.xml" })
            Syntax        = @($syntax)
            Parameters    = $ordered
            InputTypes    = @($Command.Parameters.Values | Where-Object { $_.ParameterSets.Values | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName } } |
                    ForEach-Object { $_.ParameterType.FullName } | Select-Object -Unique)
            OutputTypes   = @($Command.OutputType | ForEach-Object { if ($_.Type) { $_.Type.FullName } else { $_.Name } } | Where-Object { $_ -ne 'System.Void' } | Select-Object -Unique)
        }
    }
}

Export-ModuleMember -Function Get-HelpCommandModel
