using Liner.PowerShell.Api;
using Liner.PowerShell.Commands;
using Xunit;

namespace Liner.PowerShell.Tests;

public class CallMapperTests
{
    [Fact]
    public void MapsACallWithItsDurationsAsTimeSpansAndKeepsTheSeconds()
    {
        var call = Mapping.Map(Endpoint.MapperOf<Call>(), """{"id":1,"sipEndpointId":101,"direction":"incoming","totalDurationSeconds":75,"waitTimeDurationSeconds":15,"talkTimeDurationSeconds":60,"hasRecords":true,"createdAt":"2026-11-27T10:00:00+03:00","queue":"main"}""");
        Assert.Equal(101L, call.SipEndpointId);
        Assert.Equal(TimeSpan.FromSeconds(60), call.TalkTime);
        Assert.Equal(60L, call.TalkTimeDurationSeconds);
        Assert.Equal(TimeSpan.FromSeconds(75), call.TotalDuration);
        Assert.Equal(TimeSpan.FromSeconds(15), call.WaitTime);
        Assert.True(call.HasRecords);
        Assert.Equal("main", call.ExtraFields.Single().Value);
    }

    [Fact]
    public void MapsARecordNotingTheCallItWasAskedFor()
    {
        var record = Mapping.Map(new FieldMapper<CallRecord>("call record", () => new CallRecord { CallId = 800 }), """{"id":5,"durationSeconds":42,"fileUrl":"https://files.example.com/r/5.mp3?sig=abc","recordSummary":"Asked for a discount.","isTransfer":false}""");
        Assert.Equal(800L, record.CallId);
        Assert.Equal(TimeSpan.FromSeconds(42), record.Duration);
        Assert.Equal(new Uri("https://files.example.com/r/5.mp3?sig=abc"), record.FileUrl);
        Assert.Equal("Asked for a discount.", record.Summary);
    }

    [Fact]
    public void RefusesAFileUrlThatIsNotAnAbsoluteUrl() =>
        Assert.Contains("fileUrl", Assert.Throws<ResponseShapeException>(() => Mapping.Map(Endpoint.MapperOf<CallRecord>(), """{"id":5,"fileUrl":"/r/5.mp3"}""")).Message);

    [Fact]
    public void NamesSavedFilesSoTheySortByTimeAndNeverCollide()
    {
        var record = Mapping.Map(new FieldMapper<CallRecord>("call record", () => new CallRecord { CallId = 800 }), """{"id":5,"fileUrl":"https://files.example.com/r/5.WAV?sig=abc","createdAt":"2026-11-27T10:00:00+03:00"}""");
        Assert.Equal("20261127T070000Z_800_5.wav", SaveLinerCallRecordCommand.FileName(record));
        var odd = Mapping.Map(Endpoint.MapperOf<CallRecord>(), """{"id":6,"fileUrl":"https://files.example.com/r/download"}""");
        Assert.Equal("00000000T000000Z_0_6.mp3", SaveLinerCallRecordCommand.FileName(odd));
    }

    [Fact]
    public void MapsStatuses()
    {
        var call = Mapping.Map(Endpoint.MapperOf<CallStatus>(), """{"id":4,"code":"callback","agentCallAvailability":"after_call_transfer","commentRequired":true,"sort":40}""");
        Assert.Equal("after_call_transfer", call.AgentCallAvailability);
        Assert.True(call.CommentRequired);
        Assert.Equal(40, call.Sort);
        var lead = Mapping.Map(Endpoint.MapperOf<LeadStatus>(), """{"id":2,"code":"qualified","category":"qualified","color":"#4caf50"}""");
        Assert.Equal("qualified", lead.Category);
        Assert.Equal("#4caf50", lead.Color);
    }

    [Fact]
    public void SendsTimesWithTheirOffsetAndIdsPhpStyle()
    {
        var query = new Query().AddValue("createdAt[0]", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(3))).AddEach("orderIds[]", new long[] { 1 }).AddValue("userIds[]", new long[] { 7, 8 });
        Assert.Equal(new[] { "createdAt[0]=2026-11-01T00:00:00+03:00", "orderIds[]=1", "userIds[]=7", "userIds[]=8" }, query.Select(pair => $"{pair.Key}={pair.Value}"));
    }
}
