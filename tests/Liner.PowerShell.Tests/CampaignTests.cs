using System.Management.Automation;
using Liner.PowerShell.Api;
using Liner.PowerShell.Commands;
using Xunit;

namespace Liner.PowerShell.Tests;

/// <summary>Agent groups and call-attempt schemes read from JSON, and what the campaign writes send.</summary>
public class CampaignTests
{
    [Fact]
    public void MapsAnAgentGroupsTwoNamesIntoNameAndNameRu()
    {
        var group = Mapping.Map(Endpoint.MapperOf<AgentGroup>(), """{"id":301,"names":{"ru":"Продажи","gb":"Sales"},"agentIds":[701,702],"createdAt":"2025-06-01T10:00:00+03:00","updatedAt":null}""");
        Assert.Equal("Sales", group.Name);
        Assert.Equal("Продажи", group.NameRu);
        Assert.Equal(new long[] { 701, 702 }, group.AgentIds);
        Assert.Equal(2, group.AgentCount);
        Assert.Empty(group.ExtraFields);
    }

    [Fact]
    public void KeepsNamesInOtherLanguagesAsAnExtraField()
    {
        var group = Mapping.Map(Endpoint.MapperOf<AgentGroup>(), """{"id":1,"names":{"ru":"Р","gb":"G","kz":"K"}}""");
        Assert.Equal("G", group.Name);
        Assert.Equal("K", ((ApiObject)group.ExtraFields.Single(field => field.Key == "names").Value!)["kz"]);
    }

    [Theory]
    [InlineData("""{"id":1,"names":"Sales"}""", "Sales", null)]
    [InlineData("""{"id":1,"names":null}""", null, null)]
    [InlineData("""{"id":1,"names":{"ru":"Р"}}""", null, "Р")]
    public void ReadsWhatNamesHolds(string json, string? name, string? nameRu)
    {
        var group = Mapping.Map(Endpoint.MapperOf<AgentGroup>(), json);
        Assert.Equal(name, group.Name);
        Assert.Equal(nameRu, group.NameRu);
    }

    [Fact]
    public void RefusesNamesThatAreNoNames() =>
        Assert.Contains("names", Assert.Throws<ResponseShapeException>(() => Mapping.Map(Endpoint.MapperOf<AgentGroup>(), """{"id":1,"names":[1,2]}""")).Message);

    [Fact]
    public void MapsACallAttemptSchemesIntervalsAsMinutes()
    {
        var scheme = Mapping.Map(Endpoint.MapperOf<CallAttemptGroup>(), """{"id":402,"title":"Persistent","intervals":[5,"10",30],"isDefault":false,"resetAttemptsEnabled":true}""");
        Assert.Equal(new[] { 5, 10, 30 }, scheme.Intervals);
        Assert.Equal("5 10 30", scheme.Intervals.ToString());
        Assert.True(scheme.ResetAttemptsEnabled);
        Assert.Contains("intervals", Assert.Throws<ResponseShapeException>(() => Mapping.Map(Endpoint.MapperOf<CallAttemptGroup>(), """{"id":1,"intervals":[3000000000]}""")).Message);
    }

    [Theory]
    [InlineData("09:00-13:00", "09:00", "13:00")]
    [InlineData("9:00 - 18:30", "09:00", "18:30")]
    [InlineData("14:00-24:00", "14:00", "24:00")]
    public void ReadsACallWindowAsPeopleWriteIt(string text, string start, string end) =>
        Assert.Equal(new[] { start, end }, CallWindowText.Parse(text));

    [Theory]
    [InlineData("9am-5pm")]
    [InlineData("09:00")]
    [InlineData("24:00-24:00")]
    [InlineData("09:60-10:00")]
    [InlineData("25:00-26:00")]
    [InlineData("09:00-13:00-14:00")]
    public void RefusesWhatIsNoCallWindow(string text) => Assert.Null(CallWindowText.Parse(text));

    [Theory]
    [InlineData(new long[] { 101, 102, 106 }, new long[] { 110, 102, 105 }, true, new long[] { 101, 102, 106, 110, 105 })]
    [InlineData(new long[] { 101, 102, 106 }, new long[] { 102 }, false, new long[] { 101, 106 })]
    [InlineData(new long[] { 101, 102, 106 }, new long[] { 106, 101 }, true, null)]
    [InlineData(new long[] { 101, 102, 106 }, new long[] { 103 }, false, null)]
    [InlineData(new long[0], new long[] { 5, 5 }, true, new long[] { 5 })]
    public void ChangesAListKeepingTheOthersInTheirOrder(long[] current, long[] given, bool add, long[]? expected) =>
        Assert.Equal(expected, CampaignWrites.Edited(current, given, add)?.ToArray());

    [Fact]
    public void WritesWrappedNumbersInABody()
    {
        // A value from a PowerShell variable may come wrapped in a PSObject, in a hashtable too.
        var body = new JsonBody().Set("priority", PSObject.AsPSObject(5)).Set("values", new System.Collections.Hashtable { ["12"] = PSObject.AsPSObject(2.5) });
        Assert.Equal("""{"priority":5,"values":{"12":2.5}}""", body.ToString());
    }
}
