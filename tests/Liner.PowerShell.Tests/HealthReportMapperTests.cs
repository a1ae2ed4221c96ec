using System.Text;
using Liner.PowerShell.Api;
using Xunit;

namespace Liner.PowerShell.Tests;

public class HealthReportMapperTests
{
    private static EnvelopeReader Envelope(string json)
    {
        var envelope = new EnvelopeReader(EnvelopeReaderTests.Chunked(json, 1000));
        Assert.False(envelope.TryRead(new VirtualNumberMapper(), out _));
        return envelope;
    }

    [Fact]
    public void MapsEachComponentWithItsTimeAsATimeSpanAndKeepsItsData()
    {
        var report = HealthReportMapper.Map("https://h", Envelope("""
            {"success":true,"message":"","data":{
              "linerMicroRabbit":{"success":true,"message":"","data":{"executionTime":0.0045,"reasonPhrase":"Ok","consumers":["calls"]}},
              "linerMicroStt":{"success":true,"message":"","data":{"executionTime":2,"reasonPhrase":"Ok"}}}}
            """), statusOk: true);
        Assert.True(report.Success);
        Assert.Null(report.Message);
        Assert.Equal(new[] { "linerMicroRabbit", "linerMicroStt" }, report.Components.Select(c => c.Name));
        var rabbit = report.Components[0];
        Assert.Equal(TimeSpan.FromTicks(45_000), rabbit.ExecutionTime);
        Assert.Equal("Ok", rabbit.ReasonPhrase);
        Assert.Equal(new object?[] { "calls" }, (object?[])rabbit.Data["consumers"]!);
        Assert.Equal(TimeSpan.FromSeconds(2), report.Components[1].ExecutionTime);
    }

    [Fact]
    public void OneFailingComponentOrAFailingStatusMakesTheReportFail()
    {
        const string json = """{"success":true,"data":{"a":{"success":true},"b":{"success":false,"message":"down"}}}""";
        var report = HealthReportMapper.Map("https://h", Envelope(json), statusOk: true);
        Assert.False(report.Success);
        Assert.Equal("down", report.Components[1].Message);
        Assert.Null(report.Components[0].ExecutionTime);

        Assert.False(HealthReportMapper.Map("https://h", Envelope("""{"success":true,"data":{"a":{"success":true}}}"""), statusOk: false).Success);
    }

    [Fact]
    public void RejectsAComponentThatIsNotAnObject() =>
        Assert.Throws<ResponseShapeException>(() => HealthReportMapper.Map("https://h", Envelope("""{"success":true,"data":{"a":true}}"""), statusOk: true));
}
