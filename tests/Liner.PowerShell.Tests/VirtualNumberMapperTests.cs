using System.Text;
using System.Text.Json;
using Liner.PowerShell.Api;
using Xunit;

namespace Liner.PowerShell.Tests;

public class VirtualNumberMapperTests
{
    private static VirtualNumber Read(string json) => Map(json, null, out _)!;

    /// <summary>Maps one whole element; the mapper must leave the reader on the element's last token.</summary>
    private static VirtualNumber? Map(string json, Func<VirtualNumber, bool>? wanted, out MapResult result)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        result = new VirtualNumberMapper(wanted).Map(ref reader, out var number);
        Assert.NotEqual(MapResult.Incomplete, result);
        Assert.False(reader.Read());
        return number;
    }

    [Fact]
    public void MapsEveryDocumentedFieldOfThePstnExample()
    {
        var number = Read(JsonSamples.Pstn);
        Assert.Equal(123L, number.Id);
        Assert.Equal("Virtual number", number.Title);
        Assert.Null(number.OrderId);
        Assert.Equal("pstn", number.ConnectionType);
        Assert.Equal("+79001234567", number.Params["phone"]);
        Assert.False(number.IsDefault);
        Assert.True(number.Outgoing);
        Assert.True(number.Incoming);
        Assert.Equal(2, number.Channels);
        Assert.Equal("+79001234567", number.Phone);
        Assert.Equal("Both", number.Direction);
        Assert.Empty(number.ExtraFields);
    }

    [Fact]
    public void KeepsEverySipParamInOrderAndTypedAndHasNoPhone()
    {
        var number = Read(JsonSamples.SipReg);
        Assert.Equal(42L, number.OrderId);
        Assert.Equal(new object[] { "login", "password", "server", "port" }, number.Params.Keys.Cast<object>().ToArray());
        Assert.Equal(5060L, number.Params["port"]);
        Assert.Equal("sip1001", number.Params["LOGIN"]);
        Assert.Null(number.Phone);
        Assert.Equal("Incoming", number.Direction);
    }

    [Fact]
    public void KeepsUndocumentedFieldsWithTheirValues()
    {
        var number = Read("""{"id":1,"region":"RU","tags":["a","b"],"limits":{"max":5},"rate":1.5,"phone":"+7"}""");
        var extra = number.ExtraFields.ToDictionary(pair => pair.Key, pair => pair.Value);
        Assert.Equal("RU", extra["region"]);
        Assert.Equal(new object?[] { "a", "b" }, (object?[])extra["tags"]!);
        Assert.Equal(5L, ((ApiObject)extra["limits"]!)["max"]);
        Assert.Equal(1.5m, extra["rate"]);
        // A field named like a property the module computes is kept under another name.
        Assert.Equal("+7", extra["ApiPhone"]);
    }

    [Fact]
    public void MatchesDocumentedFieldsByTheirExactNamesAndKeepsOtherSpellingsAsExtraFields()
    {
        var number = (PSObjectOf(Read("""{"id":5,"ID":6,"title":"x","Title":"y","INCOMING":true,"channels":3}""")));
        Assert.Equal(5L, number.Properties["Id"].Value);
        Assert.Equal("x", number.Properties["Title"].Value);
        Assert.False((bool)number.Properties["Incoming"].Value);
        Assert.Equal(6L, number.Properties["ApiID"].Value);
        Assert.Equal("y", number.Properties["ApiTitle"].Value);
        Assert.Equal(true, number.Properties["ApiINCOMING"].Value);
    }

    [Fact]
    public void KeepsParamsKeysThatDifferOnlyInCase()
    {
        var number = Read("""{"id":1,"params":{"phone":"+7 1","PHONE":"+7 2","login":"u"}}""");
        Assert.Equal(3, number.Params.Count);
        Assert.Equal("+7 1", number.Params["phone"]);
        Assert.Equal("+7 2", number.Params["PHONE"]);
        Assert.Null(number.Params["Phone"]);    // ambiguous: two keys differ from it only in case
        Assert.Equal("u", number.Params["LOGIN"]);    // unambiguous
    }

    [Theory]
    [InlineData("""{"id":9223372036854775808}""", "id")]
    [InlineData("""{"id":9.2233720368547758e18}""", "id")]
    [InlineData("""{"id":-9223372036854775809}""", "id")]
    [InlineData("""{"id":1,"orderId":18446744073709551616}""", "orderId")]
    public void RefusesAnIdBeyondSixtyFourBitsInsteadOfClampingIt(string json, string field)
    {
        var error = Assert.Throws<ResponseShapeException>(() => Read(json));
        Assert.Contains($"'{field}'", error.Message);
    }

    [Fact]
    public void KeepsLargeNumbersInParamsAndExtraFieldsExact()
    {
        var number = Read("""{"id":1,"params":{"phone":79001234567890123456,"rate":0.1,"big":1.23456789012345678901234567},"serial":12345678901234567890}""");
        Assert.Equal(System.Numerics.BigInteger.Parse("79001234567890123456"), number.Params["phone"]);
        Assert.Equal(0.1m, number.Params["rate"]);
        Assert.Equal(1.23456789012345678901234567m, number.Params["big"]);
        Assert.Equal("79001234567890123456", number.Phone);
        Assert.Equal(System.Numerics.BigInteger.Parse("12345678901234567890"), number.ExtraFields.Single().Value);
    }

    [Theory]
    [InlineData("{\"id\":1,\"title\":\"\\ud800\"}", "title")]
    [InlineData("{\"id\":1,\"params\":{\"note\":\"\\udfff x\"}}", "note")]
    public void RefusesTextThatIsNotValidUnicodeNamingTheField(string json, string field)
    {
        var error = Assert.Throws<ResponseShapeException>(() => Read(json));
        Assert.Contains($"'{field}'", error.Message);
        Assert.Contains("not valid text", error.Message);
    }

    [Fact]
    public void RefusesInvalidUtf8NamingTheField()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"id":1,"title":"AB"}""");
        var at = Array.IndexOf(bytes, (byte)'A');
        bytes[at] = 0xC3;    // a lead byte followed by 'B': not UTF-8 (a Windows-1251 title would look like this)
        var error = Record.Exception(() =>
        {
            var reader = new Utf8JsonReader(bytes);
            reader.Read();
            new VirtualNumberMapper().Map(ref reader, out _);
        });
        Assert.True(error is ResponseShapeException or JsonException, error?.GetType().Name);
        Assert.DoesNotContain("transcode", error!.Message);
    }

    [Theory]
    [InlineData("psbase", "ApiPsbase")]
    [InlineData("PSObject", "ApiPSObject")]
    [InlineData("pstypenames", "ApiPstypenames")]
    [InlineData("Number", "ApiNumber")]
    public void KeepsAFieldNamedLikeAPowerShellMemberUnderAnotherName(string name, string kept)
    {
        var number = PSObjectOf(Read($$"""{"id":1,"{{name}}":"v"}"""));
        Assert.Equal("v", number.Properties[kept].Value);
    }

    [Fact]
    public void ReadsAnIdSentAsAnEscapedStringLikeAnyOtherString()
    {
        Assert.Equal(101L, Read("""{"id":"\u0031\u0030\u0031"}""").Id);
        Assert.Equal(101L, Read("""{"id":"101"}""").Id);
        Assert.True(Read("""{"id":1,"incoming":"\u0074rue"}""").Incoming);
    }

    [Fact]
    public void SaysIncompleteForAnElementCutByTheBufferAndLeavesNoTrace()
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSamples.SipReg);
        foreach (var cut in new[] { 1, 10, JsonSamples.SipReg.IndexOf("sip.example", StringComparison.Ordinal), bytes.Length - 1 })
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(0, cut), isFinalBlock: false, state: default);
            reader.Read();
            Assert.Equal(MapResult.Incomplete, new VirtualNumberMapper().Map(ref reader, out var number));
            Assert.Null(number);
        }
    }

    private static System.Management.Automation.PSObject PSObjectOf(VirtualNumber number) =>
        System.Management.Automation.PSObject.AsPSObject(ExtraFields.Attach(number, number.ExtraFields));

    [Fact]
    public void ReadsOtherJsonTypesWithoutLosingAnything()
    {
        var number = Read("""{"id":"77","orderId":"5","incoming":1,"outgoing":"false","channels":64,"connectionType":"webrtc","params":null,"title":12}""");
        Assert.Equal(77L, number.Id);
        Assert.Equal(5L, number.OrderId);
        Assert.True(number.Incoming);
        Assert.False(number.Outgoing);
        Assert.Equal(64, number.Channels);
        Assert.Equal("webrtc", number.ConnectionType);
        Assert.Empty(number.Params);
        Assert.Equal("12", number.Title);
    }

    [Theory]
    [InlineData("""{"id":1,"channels":"four"}""", "channels")]
    [InlineData("""{"id":1,"incoming":"maybe"}""", "incoming")]
    [InlineData("""{"id":{"x":1}}""", "id")]
    [InlineData("""{"id":1.5}""", "id")]
    [InlineData("""{"id":1,"params":[1,2]}""", "params")]
    [InlineData("""{"id":1,"channels":99999999999}""", "channels")]
    [InlineData("""{"title":"no id"}""", "id")]
    public void RejectsValuesThatCannotMeanWhatTheFieldNeeds(string json, string field)
    {
        var error = Assert.Throws<ResponseShapeException>(() => Read(json));
        Assert.Contains(field, error.Message);
    }

    [Fact]
    public void SkipsANumberItsFieldsRuleOutAndReadsParamsOnlyForTheOthers()
    {
        VirtualNumber? seen = null;
        Assert.Null(Map(JsonSamples.SipReg, n => { seen = n; return false; }, out var result));
        Assert.Equal(MapResult.Skipped, result);
        Assert.Equal(7L, seen!.Id);
        Assert.Empty(seen.Params);

        var wanted = Map(JsonSamples.SipReg, n => n.Incoming, out result);
        Assert.Equal(MapResult.Item, result);
        Assert.Equal("sip1001", wanted!.Params["login"]);
    }

    [Fact]
    public void ParamsOfTheWrongTypeFailEvenForANumberThatIsNotWanted() =>
        Assert.Throws<ResponseShapeException>(() => Map("""{"id":1,"params":"x"}""", _ => false, out _));

    [Fact]
    public void RejectsAnElementThatIsNotAnObject() =>
        Assert.Throws<ResponseShapeException>(() => Read("42"));
}
