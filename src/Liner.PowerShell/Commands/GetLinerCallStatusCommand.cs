using System.Collections.Generic;
using System.Management.Automation;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>Lists the statuses a call can end with, filtered by code and title (wildcards).</summary>
[Cmdlet(VerbsCommon.Get, "LinerCallStatus")]
[OutputType(typeof(CallStatus))]
public sealed class GetLinerCallStatusCommand : LinerStatusCmdlet<CallStatus>
{
    internal override (string? Code, string? Title) CodeAndTitle(CallStatus status) => (status.Code, status.Title);
}
