using System;
using System.Collections;
using System.Management.Automation;
using Liner.PowerShell.Api;
using Liner.PowerShell.Completion;
using Liner.PowerShell.Filtering;

namespace Liner.PowerShell.Commands;

/// <summary>
/// What New-LinerLead and Set-LinerLead share: the lead's fields as parameters that bind by property
/// name (the usual CSV column names as aliases), the throttle, and one way to build a lead's body:
/// only the given fields, the phone in E.164, a status code and custom field titles turned into ids,
/// and an item that cannot be sent reported with the item as its target.
/// </summary>
public abstract class LinerLeadWriteCmdlet : LinerWriteCmdlet
{
    private LeadVocabulary? _vocabulary;

    #region Parameters

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "client_name", "ClientName", "ContactName", "fio")]
    [ApiBody("name")]
    public string? Name { get; set; }

    /// <summary>The code of a lead status (completed from the account).</summary>
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

    /// <summary>Values of the account's lead custom fields, keyed by the field's title or id.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("CustomValues")]
    public Hashtable? CustomValue { get; set; }

    /// <summary>How many requests may be on their way at once (default 4).</summary>
    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>The piped object as it came (a CSV row): the target of its error when it fails.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    #endregion

    internal override int Throttle => ThrottleLimit;

    internal override object? CurrentInput => InputObject;

    internal override string ItemNoun => "leads";

    internal LeadVocabulary Vocabulary => _vocabulary ??= new LeadVocabulary(Api);

    /// <summary>
    /// The body of this item's lead, or null after its error was written: what was given, the phone in
    /// E.164, the status and the custom values as ids. <paramref name="notSent"/> is the error id of a
    /// value that cannot be sent; <paramref name="newLead"/> allows only in-progress statuses.
    /// </summary>
    internal JsonBody? LeadBody(string label, object target, bool newLead, string notSent)
    {
        var body = GivenBody();
        var verb = newLead ? "sent" : "changed";
        if (!CheckRange(nameof(UtcOffset), UtcOffset, -12, 14, out var why))
        {
            Refuse(LinerApiException.CreateErrorRecord(new ArgumentException($"{label} was not {verb}: {why}."), notSent, ErrorCategory.InvalidArgument, target, "Correct the value and send the item again."));
            return null;
        }
        if (body["phone"] is string { Length: > 0 } phone)
        {
            body.Set("phone", PhoneNumber.ToE164(phone));
        }
        if (Given(nameof(Status)) && Status is not null)
        {
            if (Vocabulary.StatusId(Status, newLead, out why) is not { } statusId)
            {
                Refuse(LinerApiException.CreateErrorRecord(new ArgumentException($"{label} was not {verb}: {why}."), LinerErrorIds.UnknownLeadStatus, ErrorCategory.InvalidArgument, target, $"Give -Status the code of a{(newLead ? "n in-progress" : string.Empty)} lead status: Get-LinerLeadStatus{(newLead ? " -Category in-progress" : string.Empty)}."));
                return null;
            }
            body.Set("statusId", statusId);
        }
        if (Given(nameof(CustomValue)) && CustomValue is not null)
        {
            if (Vocabulary.FieldValues(CustomValue, out why) is not { } values)
            {
                Refuse(LinerApiException.CreateErrorRecord(new ArgumentException($"{label} was not {verb}: {why}."), LinerErrorIds.UnknownCustomField, ErrorCategory.InvalidArgument, target, "Key -CustomValue by the title or id of a lead custom field: Get-LinerCustomField -Essence Leads."));
                return null;
            }
            body.Set("customValues", values);
        }
        return body;
    }
}
