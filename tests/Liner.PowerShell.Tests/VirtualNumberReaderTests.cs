using System.Text;
using System.Text.Json;
using Liner.PowerShell.Api;
using Xunit;

namespace Liner.PowerShell.Tests;

public class VirtualNumberReaderTests
{
    private static VirtualNumber Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return VirtualNumberReader.Read(ref reader);
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
        Assert.Equal(1.5, extra["rate"]);
        // A field named like a property the module computes is kept under another name.
        Assert.Equal("+7", extra["ApiPhone"]);
    }

    [Fact]
    public void MatchesFieldNamesCaseInsensitively()
    {
        var number = Read("""{"ID":5,"Title":"x","ISDEFAULT":true,"Channels":3}""");
        Assert.Equal(5L, number.Id);
        Assert.Equal("x", number.Title);
        Assert.True(number.IsDefault);
        Assert.Equal(3, number.Channels);
    }

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
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(JsonSamples.SipReg));
        reader.Read();
        VirtualNumber? seen = null;
        Assert.Null(VirtualNumberReader.Read(ref reader, n => { seen = n; return false; }));
        Assert.Equal(7L, seen!.Id);
        Assert.Empty(seen.Params);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);

        reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(JsonSamples.SipReg));
        reader.Read();
        var wanted = VirtualNumberReader.Read(ref reader, n => n.Incoming);
        Assert.Equal("sip1001", wanted!.Params["login"]);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
    }

    [Fact]
    public void ParamsOfTheWrongTypeFailEvenForANumberThatIsNotWanted()
    {
        var error = Record.Exception(() =>
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("""{"id":1,"params":"x"}"""));
            reader.Read();
            VirtualNumberReader.Read(ref reader, _ => false);
        });
        Assert.IsType<ResponseShapeException>(error);
    }

    [Fact]
    public void RejectsAnElementThatIsNotAnObject()
    {
        Assert.Throws<ResponseShapeException>(() => Read("42"));
    }
}
