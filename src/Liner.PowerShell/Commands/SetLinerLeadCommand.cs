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
public sealed class SetLinerLeadCommand : LinerWriteCmdlet
{
    private LeadVocabulary? _vocabulary;

    #region Parameters

    /// <summary>The lead to change; also from the Id or LeadId of piped objects (leads, calls, CSV rows).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("LeadId")]
    public long Id { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "client_name", "ClientName", "ContactName", "fio")]
    [ApiBody("name")]
    public string? Name { get; set; }

    /// <summary>The new phone, written any usual way; sent in E.164.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("client_phone", "ClientPhone", "phone_number", "PhoneNumber", "Telephone", "Tel", "Mobile")]
    [ApiBody("phone")]
    public string? Phone { get; set; }

    /// <summary>The code of the new status (completed from the account).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(LeadStatusCompleter))]
    public string? Status { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ApiBody("priority")]
    public int? Priority { get; set; }

    /// <summary>The lead's offset from UTC, in hours (-12 to 14).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("utc_offset")]
    [ApiBody("utcOffset")]
    public int? UtcOffset { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Comment", "source_comment")]
    [ApiBody("sourceComment")]
    public string? SourceComment { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("bitrix24_id", "Bitrix24Id")]
    [ApiBody("externalIdBitrix24")]
    public string? ExternalIdBitrix24 { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("amo_id", "AmoId", "amocrm_id")]
    [ApiBody("externalIdAmo")]
    public string? ExternalIdAmo { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("macro_id", "MacroId")]
    [ApiBody("externalIdMacro")]
    public string? ExternalIdMacro { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("domoplaner_id", "DomoplanerId")]
    [ApiBody("externalIdDomoplaner")]
    public string? ExternalIdDomoplaner { get; set; }

    /// <summary>Values of the account's lead custom fields, keyed by the field's title or id (only these are sent).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("CustomValues")]
    public Hashtable? CustomValue { get; set; }

    /// <summary>Writes each lead as it is after the change (one more request per lead).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>How many updates may be on their way at once (default 4).</summary>
    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>The piped object as it came: the target of its error when it fails.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    #endregion

    internal override int Throttle => ThrottleLimit;

    internal override object? CurrentInput => InputObject;

    internal override string ItemNoun => "leads";

    private LeadVocabulary Vocabulary => _vocabulary ??= new LeadVocabulary(Api);

    internal override void ProcessItem()
    {
        var id = Id;
        object target = InputObject ?? (object)id;
        var label = $"Lead {id}";
        var body = GivenBody();
        if (!CheckRange(nameof(UtcOffset), UtcOffset, -12, 14, out var outside))
        {
            WriteError(LinerApiException.CreateErrorRecord(new ArgumentException($"{label} was not changed: {outside}."), LinerErrorIds.LeadNotUpdated, ErrorCategory.InvalidArgument, target, "Correct the value and send the lead again."));
            return;
        }
        if (body.Has("phone") && body["phone"] is string phone && phone.Length > 0)
        {
            body.Set("phone", PhoneNumber.ToE164(phone));
        }
        string? why = null;
        if (Given(nameof(Status)) && Status is not null)
        {
            if (Vocabulary.StatusId(Status, forNewLead: false, out why) is { } statusId)
            {
                body.Set("statusId", statusId);
            }
            else
            {
                WriteError(LinerApiException.CreateErrorRecord(new ArgumentException($"{label} was not changed: {why}."), LinerErrorIds.UnknownLeadStatus, ErrorCategory.InvalidArgument, target, "Give -Status the code of a lead status: Get-LinerLeadStatus."));
                return;
            }
        }
        if (Given(nameof(CustomValue)) && CustomValue is not null)
        {
            if (Vocabulary.FieldValues(CustomValue, out why) is { } values)
            {
                body.Set("customValues", values);
            }
            else
            {
                WriteError(LinerApiException.CreateErrorRecord(new ArgumentException($"{label} was not changed: {why}."), LinerErrorIds.UnknownCustomField, ErrorCategory.InvalidArgument, target, "Key -CustomValue by the title or id of a lead custom field: Get-LinerCustomField -Essence Leads."));
                return;
            }
        }
        if (body.Count == 0)
        {
            WriteVerbose($"{label}: nothing to change (no field was given).");
            return;
        }
        if (!ShouldProcess(label, $"Set {string.Join(", ", body.Names)}"))
        {
            return;
        }
        Queue(
            target,
            (client, _) =>
            {
                client.Update<Lead>(id, body);
                return PassThru ? client.Get<Lead>(id) : null;
            },
            lead =>
            {
                if (lead is Lead changed)
                {
                    WriteItem(Vocabulary.Describe(changed));
                }
            },
            error => error is LinerApiException { StatusCode: 404 }
                ? ItemError(error, LinerErrorIds.LeadNotFound, $"{label} was not changed: ", target, "Run Get-LinerLead -Id to see whether the lead exists.")
                : ItemError(error, LinerErrorIds.LeadNotUpdated, $"{label} was not changed: ", target, "Correct the values and send the lead again (the failed items are the errors' TargetObject)."));
    }
}
