using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using Liner.PowerShell.Api;
using Liner.PowerShell.Completion;
using Liner.PowerShell.Filtering;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Changes leads: only the fields given are sent (a partial update), for the lead of -Id or each piped
/// lead (Get-LinerLead -Status new | Set-LinerLead -Status lost), a few at a time, in input order.
/// </summary>
[Cmdlet(VerbsCommon.Set, "LinerLead", SupportsShouldProcess = true)]
[OutputType(typeof(Lead))]
public sealed class SetLinerLeadCommand : LinerLeadWriteCmdlet
{
    #region Parameters

    /// <summary>The lead to change; also from the Id or LeadId of piped objects (leads, calls, CSV rows).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("LeadId")]
    public long Id { get; set; }

    /// <summary>The new phone, written any usual way; sent in E.164.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("client_phone", "ClientPhone", "phone_number", "PhoneNumber", "Telephone", "Tel", "Mobile")]
    [ApiBody("phone")]
    public string? Phone { get; set; }

    /// <summary>Writes each lead as it is after the change (one more request per lead).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    #endregion

    internal override void ProcessItem()
    {
        var id = Id;
        if (!TargetOf<Lead>(ref id, out var target, nameof(Call.LeadId)))
        {
            return;
        }
        var label = $"Lead {id}";
        if (LeadBody(label, target, newLead: false, LinerErrorIds.LeadNotUpdated) is not { } body)
        {
            return;
        }
        QueueUpdate<Lead>(id, label, body, target, PassThru, LinerErrorIds.LeadNotUpdated, "Run Get-LinerLead -Id to see whether the lead exists.", Vocabulary.Describe);
    }
}
