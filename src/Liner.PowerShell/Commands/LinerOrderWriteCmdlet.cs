using System;
using System.Linq;
using System.Management.Automation;
using Liner.PowerShell.Api;
using Liner.PowerShell.Filtering;

namespace Liner.PowerShell.Commands;

/// <summary>
/// The fields of an order that New-LinerOrder and Set-LinerOrder both take, each sent only when given on
/// the command line, and the order's body made of them (schedule windows, dates and phones as the API
/// takes them).
/// </summary>
public abstract class LinerOrderWriteCmdlet : LinerWriteCmdlet
{
    #region Parameters

    /// <summary>The order's code.</summary>
    [Parameter]
    [ApiBody("code")]
    public string? Code { get; set; }

    /// <summary>The order's agents, by user id (agentUserIds: the whole list).</summary>
    [Parameter]
    [AllowEmptyCollection]
    [ApiBody("agentUserIds")]
    public long[]? AgentUserId { get; set; }

    /// <summary>The order's agent groups, by id (agentGroupIds: the whole list).</summary>
    [Parameter]
    [AllowEmptyCollection]
    [ApiBody("agentGroupIds")]
    public long[]? AgentGroupId { get; set; }

    /// <summary>The call-attempt scheme the order follows, by id.</summary>
    [Parameter]
    [ApiBody("callAttemptGroupId")]
    public long CallAttemptGroupId { get; set; }

    /// <summary>When calls are made: windows like '09:00-13:00' (the whole schedule).</summary>
    [Parameter]
    [AllowEmptyCollection]
    [ValidateCallWindow]
    public string[]? CallSchedule { get; set; }

    /// <summary>Dates that override the schedule (callHolidayOverrides).</summary>
    [Parameter]
    [AllowEmptyCollection]
    [Alias("CallHolidayOverrides")]
    public DateTime[]? CallHolidayOverride { get; set; }

    [Parameter]
    [ApiBody("autoDialingEnabled")]
    public bool AutoDialingEnabled { get; set; }

    [Parameter]
    [ApiBody("predictiveModeEnabled")]
    public bool PredictiveModeEnabled { get; set; }

    [Parameter]
    [ApiBody("aiModeEnabled")]
    public bool AiModeEnabled { get; set; }

    [Parameter]
    [ApiBody("standaloneAiModeEnabled")]
    public bool StandaloneAiModeEnabled { get; set; }

    [Parameter]
    [ApiBody("aiModePrompt")]
    public string? AiModePrompt { get; set; }

    [Parameter]
    [ApiBody("aiModeFirstPhrase")]
    public string? AiModeFirstPhrase { get; set; }

    [Parameter]
    [ValidateSet("ru", "gb")]
    [ApiBody("aiDefaultLanguage")]
    public string? AiDefaultLanguage { get; set; }

    [Parameter]
    [ApiBody("amdDetectionEnabled")]
    public bool AmdDetectionEnabled { get; set; }

    [Parameter]
    [ValidateSet("client_is_connected", "agent_is_connected")]
    [ApiBody("callRecordRule")]
    public string? CallRecordRule { get; set; }

    /// <summary>The call centre's phone, written any usual way; sent in E.164.</summary>
    [Parameter]
    [ApiBody("callCenterPhone")]
    public string? CallCenterPhone { get; set; }

    /// <summary>More call centre phones (the whole list), each sent in E.164.</summary>
    [Parameter]
    [AllowEmptyCollection]
    [Alias("AdditionalCallCenterPhones")]
    [ApiBody("additionalCallCenterPhones")]
    public string[]? AdditionalCallCenterPhone { get; set; }

    /// <summary>How the order picks among its virtual numbers.</summary>
    [Parameter]
    [ValidateSet("random_default", "random_without_repetition", "even_loaded", "even_loaded_daily")]
    [ApiBody("sipEndpointUsageScheme")]
    public string? SipEndpointUsageScheme { get; set; }

    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    [ApiBody("qualifiedLeadsPerDayLimit")]
    public int QualifiedLeadsPerDayLimit { get; set; }

    #endregion

    internal override string ItemNoun => "orders";

    /// <summary>The fields given, as the API takes them.</summary>
    internal JsonBody OrderBody()
    {
        var body = GivenBody();
        if (Given(nameof(CallSchedule)))
        {
            body.Set("callSchedule", CampaignWrites.Schedule(CallSchedule ?? new string[0]));
        }
        if (Given(nameof(CallHolidayOverride)))
        {
            body.Set("callHolidayOverrides", CampaignWrites.Dates(CallHolidayOverride ?? new DateTime[0]));
        }
        if (body["callCenterPhone"] is string phone && phone.Length > 0)
        {
            body.Set("callCenterPhone", PhoneNumber.ToE164(phone));
        }
        if (body.Has("additionalCallCenterPhones") && AdditionalCallCenterPhone is { } phones)
        {
            body.Set("additionalCallCenterPhones", phones.Select(PhoneNumber.ToE164).ToList());
        }
        return body;
    }
}
