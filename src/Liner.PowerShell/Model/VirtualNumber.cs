using System.Collections.Generic;
using Liner.PowerShell.Formatting;

namespace Liner.PowerShell;

/// <summary>One virtual number of the account, as <c>GET /v2/sip-endpoints/</c> describes it.</summary>
[Api.ApiEndpoint("virtual number", "v2/sip-endpoints/", OtherSpelling = "v2/sip-endpoint/", Mapper = typeof(Api.VirtualNumberMapper))]
public sealed class VirtualNumber : ApiItem
{
    /// <summary>The virtual number's id (<c>id</c>).</summary>
    [TableColumn(1, 6, Right = true)]
    public long Id { get; internal set; }

    /// <summary>The display title (<c>title</c>).</summary>
    [TableColumn(2)]
    public string? Title { get; internal set; }

    /// <summary>The personal order the number is assigned to (<c>orderId</c>); null when unassigned.</summary>
    [TableColumn(6, 7, Right = true)]
    public long? OrderId { get; internal set; }

    /// <summary><c>pstn</c>, <c>sip-reg</c> or <c>sip-wo-reg</c>, or whatever type the API names later.</summary>
    [TableColumn(4, 14)]
    public string? ConnectionType { get; internal set; }

    private ApiObject? _params;

    /// <summary>Every key of the API's <c>params</c> object.</summary>
    public ApiObject Params
    {
        // Made on first use: the reader sets it, so a number read from the API never makes a spare one.
        get => _params ??= new ApiObject();
        internal set => _params = value;
    }

    /// <summary>Used by default (<c>isDefault</c>).</summary>
    public bool IsDefault { get; internal set; }

    /// <summary>Incoming calls enabled (<c>incoming</c>).</summary>
    public bool Incoming { get; internal set; }

    /// <summary>Outgoing calls enabled (<c>outgoing</c>).</summary>
    public bool Outgoing { get; internal set; }

    /// <summary>Number of channels (<c>channels</c>), documented as 2 to 10.</summary>
    public int Channels { get; internal set; }

    /// <summary><c>params.phone</c> when the API sent one (pstn numbers), else null.</summary>
    public string? Phone => Params["phone"] switch
    {
        null => null,
        string text => text,
        System.IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    /// <summary>
    /// <see cref="Incoming"/> and <see cref="Outgoing"/> as one name: <c>None</c>, <c>Incoming</c>,
    /// <c>Outgoing</c> or <c>Both</c> (the names of <see cref="CallDirection"/>). A string, so that it
    /// compares, prints and converts to JSON by name everywhere, after a job or Import-Clixml too.
    /// </summary>
    [TableColumn(5, 9)]
    public string Direction => DirectionNames[(int)CallDirection];

    /// <summary>What the default views show as the number: the phone, or a short SIP summary without secrets.</summary>
    [TableColumn(3)]
    public string Number => Formatting.VirtualNumberDisplay.Number(this);

    internal CallDirection CallDirection =>
        (Incoming ? CallDirection.Incoming : CallDirection.None) | (Outgoing ? CallDirection.Outgoing : CallDirection.None);

    private static readonly string[] DirectionNames =
    {
        nameof(CallDirection.None), nameof(CallDirection.Incoming), nameof(CallDirection.Outgoing), nameof(CallDirection.Both),
    };

    /// <summary>The names of this class's properties, which extra fields must not take.</summary>
    internal static readonly System.Collections.Generic.HashSet<string> PropertyNames = global::Liner.PowerShell.ExtraFields.NamesOf(typeof(VirtualNumber));


    public override string ToString() => Title is null ? Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Id} {Title}";
}
