using System;
using System.Collections.Generic;
using Liner.PowerShell.Formatting;

namespace Liner.PowerShell;

/// <summary>
/// An order: a calling campaign of the account, as <c>GET /v2/order/</c> describes it (or, on an
/// older Liner, <c>GET /v1/order/list/</c>, which sends only Id, Title, Code and CallsAllowed).
/// Flags the API did not send are null.
/// </summary>
[Api.ApiEndpoint("order", "v2/order/", Paged = true, OlderList = "v1/order/list/", Create = "v2/order/create/", Update = "v2/order/update/{0}/")]
public sealed class Order : ApiItem
{
    /// <summary>The order's id (<c>id</c>): what a virtual number's OrderId points at.</summary>
    [TableColumn(1, 6, Right = true)]
    public long Id { get; internal set; }

    [TableColumn(2, 9)]
    public string? Code { get; internal set; }

    /// <summary>The display name (<c>title</c>).</summary>
    [TableColumn(3)]
    public string? Title { get; internal set; }

    /// <summary>The internal name (<c>serviceTitle</c>).</summary>
    public string? ServiceTitle { get; internal set; }

    /// <summary><c>success</c>, <c>secondary</c> or <c>info</c>.</summary>
    [TableColumn(4, 9)]
    public string? Status { get; internal set; }

    /// <summary>When calls are made: each <c>["HH:MM", "HH:MM"]</c> pair of <c>callSchedule</c>.</summary>
    [Api.ApiField(Reader = typeof(Api.CallScheduleReader))]
    public ValueList<CallWindow> CallSchedule { get; internal set; } = ValueList<CallWindow>.Empty;

    /// <summary>The dates of <c>callHolidayOverrides</c>.</summary>
    [Api.ApiField(Reader = typeof(Api.DateListReader))]
    public ValueList<DateTime> CallHolidayOverrides { get; internal set; } = ValueList<DateTime>.Empty;

    public bool? AutoDialingEnabled { get; internal set; }

    public bool? PredictiveModeEnabled { get; internal set; }

    public bool? AiModeEnabled { get; internal set; }

    public bool? StandaloneAiModeEnabled { get; internal set; }

    public string? AiModePrompt { get; internal set; }

    public string? AiModeFirstPhrase { get; internal set; }

    /// <summary><c>ru</c> or <c>gb</c>.</summary>
    public string? AiDefaultLanguage { get; internal set; }

    public bool? AmdDetectionEnabled { get; internal set; }

    /// <summary><c>client_is_connected</c> or <c>agent_is_connected</c>.</summary>
    public string? CallRecordRule { get; internal set; }

    public string? CallCenterPhone { get; internal set; }

    public ValueList<string> AdditionalCallCenterPhones { get; internal set; } = ValueList<string>.Empty;

    /// <summary><c>random_default</c>, <c>random_without_repetition</c>, <c>even_loaded</c> or <c>even_loaded_daily</c>.</summary>
    public string? SipEndpointUsageScheme { get; internal set; }

    /// <summary>The ids of the order's agents (<c>agentUserIds</c>).</summary>
    public ValueList<long> AgentUserIds { get; internal set; } = ValueList<long>.Empty;

    /// <summary>The ids of the order's virtual numbers (<c>sipEndpointIds</c>), empty when the API does not send them.</summary>
    [Api.ApiField("sipEndpointIds")]
    public ValueList<long> VirtualNumberIds { get; internal set; } = ValueList<long>.Empty;

    /// <summary>From <c>/v1/order/list/</c> only: whether the order may call.</summary>
    public bool? CallsAllowed { get; internal set; }

    /// <summary>How many virtual numbers the order lists.</summary>
    [TableColumn(5, 11, Right = true)]
    public int NumberCount => VirtualNumberIds.Count;

    /// <summary>How many agents the order lists.</summary>
    [TableColumn(6, 10, Right = true)]
    public int AgentCount => AgentUserIds.Count;

    /// <summary>The calling modes that are on, in short: AI, Auto (autodialling), Pred (predictive).</summary>
    [TableColumn(7, 12)]
    public string Modes
    {
        get
        {
            var modes = new List<string>(3);
            if (AiModeEnabled == true || StandaloneAiModeEnabled == true)
            {
                modes.Add("AI");
            }
            if (AutoDialingEnabled == true)
            {
                modes.Add("Auto");
            }
            if (PredictiveModeEnabled == true)
            {
                modes.Add("Pred");
            }
            return string.Join(" ", modes);
        }
    }

    public override string ToString() => Title is null ? Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Id} {Title}";
}
