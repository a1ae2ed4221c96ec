using Liner.PowerShell.Filtering;
using Xunit;

namespace Liner.PowerShell.Tests;

public class VirtualNumberFilterTests
{
    private static VirtualNumber Number(long id, string title = "t", string type = "pstn", string? phone = null, bool incoming = false, bool outgoing = false, bool isDefault = false, long? orderId = null)
    {
        var number = new VirtualNumber { Id = id, Title = title, ConnectionType = type, Incoming = incoming, Outgoing = outgoing, IsDefault = isDefault, OrderId = orderId };
        if (phone is not null)
        {
            number.Params["phone"] = phone;
        }
        return number;
    }

    private static readonly VirtualNumber[] Account =
    {
        Number(1, "Moscow office", "pstn", "+74951234567", incoming: true, outgoing: true, isDefault: true, orderId: 10),
        Number(2, "Sales hotline", "pstn", "+78001005050", incoming: true, orderId: 10),
        Number(3, "PBX trunk", "sip-reg", incoming: true, outgoing: true, orderId: 20),
        Number(4, "Peer", "sip-wo-reg", outgoing: true),
        Number(5, "Reserve", "pstn", "+79035550101"),
    };

    private static long[] Select(VirtualNumberFilter filter) => Account.Where(filter.Matches).Select(n => n.Id).ToArray();

    [Fact]
    public void WithoutParametersEverythingMatches() => Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, Select(new VirtualNumberFilter()));

    [Fact]
    public void IdsAreAnOrOfValues() => Assert.Equal(new long[] { 2, 4 }, Select(new VirtualNumberFilter(ids: new long[] { 4, 2, 99 })));

    [Theory]
    [InlineData("moscow OFFICE", new long[] { 1 })]
    [InlineData("*E*", new long[] { 1, 2, 4, 5 })]
    [InlineData("P??r", new long[] { 4 })]
    public void TitleMatchesWildcardsIgnoringCase(string pattern, long[] expected) =>
        Assert.Equal(expected, Select(new VirtualNumberFilter(titles: new[] { pattern })));

    [Theory]
    [InlineData("+7 (495) 123-45-67", new long[] { 1 })]
    [InlineData("+7.800.100.50.50", new long[] { 2 })]
    [InlineData("*0101", new long[] { 5 })]
    [InlineData("+7*", new long[] { 1, 2, 5 })]
    public void PhoneIgnoresSeparatorsOnBothSides(string pattern, long[] expected) =>
        Assert.Equal(expected, Select(new VirtualNumberFilter(phones: new[] { pattern })));

    [Fact]
    public void NormalizePhoneKeepsDigitsOnlyAndReadsRussiasNationalPrefix()
    {
        Assert.Equal("74951234567", PhoneNumber.Normalize(" +7 (495) 123-45.67 "));
        Assert.Equal("74951234567", PhoneNumber.Normalize("8 (495) 123-45-67"));
        Assert.Equal("74951234567", PhoneNumber.Normalize("74951234567"));
        Assert.Equal("8495*", PhoneNumber.Normalize("8 (495)*"));
        // Only 8 and ten digits is the national form: China's +86 and twelve digits keeps its 8.
        Assert.Equal("8613812345678", PhoneNumber.Normalize("+86 138 1234 5678"));
        Assert.Equal("+8613812345678", PhoneNumber.ToE164("+86 138 1234 5678"));
    }

    [Fact]
    public void ConnectionTypeIsLiteralOrWildcardAndOrAcrossValues()
    {
        Assert.Equal(new long[] { 3, 4 }, Select(new VirtualNumberFilter(connectionTypes: new[] { "sip-*" })));
        Assert.Equal(new long[] { 3 }, Select(new VirtualNumberFilter(connectionTypes: new[] { "SIP-REG" })));
        Assert.Equal(new long[] { 1, 2, 4, 5 }, Select(new VirtualNumberFilter(connectionTypes: new[] { "pstn", "sip-wo-reg" })));
        Assert.Empty(Select(new VirtualNumberFilter(connectionTypes: new[] { "webrtc" })));
    }

    [Theory]
    [InlineData(CallDirection.Incoming, new long[] { 1, 2, 3 })]
    [InlineData(CallDirection.Outgoing, new long[] { 1, 3, 4 })]
    [InlineData(CallDirection.Both, new long[] { 1, 3 })]
    [InlineData(CallDirection.None, new long[] { 5 })]
    public void DirectionSelectsNumbersWithThoseCallsEnabled(CallDirection direction, long[] expected) =>
        Assert.Equal(expected, Select(new VirtualNumberFilter(direction: direction)));

    [Fact]
    public void DefaultOrderAndUnassigned()
    {
        Assert.Equal(new long[] { 1 }, Select(new VirtualNumberFilter(defaultOnly: true)));
        Assert.Equal(new long[] { 1, 2 }, Select(new VirtualNumberFilter(orderIds: new long[] { 10 })));
        Assert.Equal(new long[] { 4, 5 }, Select(new VirtualNumberFilter(unassignedOnly: true)));
    }

    [Fact]
    public void FieldTestsAndParamsTestsSplitTheWholeFilter()
    {
        var filter = new VirtualNumberFilter(phones: new[] { "*4567" }, direction: CallDirection.Incoming);
        var moscow = Account[0];
        var reserve = Account[4];
        Assert.True(filter.MatchesFields(moscow) && filter.MatchesParams(moscow));
        Assert.False(filter.MatchesFields(reserve));
        Assert.False(filter.MatchesParams(reserve));
        Assert.True(new VirtualNumberFilter(direction: CallDirection.Incoming).MatchesParams(reserve));
    }

    [Fact]
    public void ParametersCombineWithAnd() =>
        Assert.Equal(new long[] { 1 }, Select(new VirtualNumberFilter(connectionTypes: new[] { "pstn" }, direction: CallDirection.Outgoing, orderIds: new long[] { 10, 20 })));
}
