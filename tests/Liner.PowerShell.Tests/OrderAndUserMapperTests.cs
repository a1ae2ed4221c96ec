using Liner.PowerShell.Api;
using Xunit;

namespace Liner.PowerShell.Tests;

public class OrderAndUserMapperTests
{
    [Fact]
    public void MapsAnOrderWithItsScheduleHolidaysAndIds()
    {
        var order = Mapping.Map(Endpoint.MapperOf<Order>(), """{"id":5,"code":"A","title":"T","callSchedule":[["09:00","13:00"],["14:30","24:00"]],"callHolidayOverrides":["2026-12-31"],"agentUserIds":[1,2],"sipEndpointIds":[7],"aiModeEnabled":true,"autoDialingEnabled":true,"extraLimit":3}""");
        Assert.Equal(new TimeSpan(9, 0, 0), order.CallSchedule[0].Start);
        Assert.Equal(TimeSpan.FromHours(24), order.CallSchedule[1].End);
        Assert.Equal("14:30-24:00", order.CallSchedule[1].ToString());
        Assert.Equal(new DateTime(2026, 12, 31), order.CallHolidayOverrides.Single());
        Assert.Equal(new long[] { 1, 2 }, order.AgentUserIds);
        Assert.Equal(new long[] { 7 }, order.VirtualNumberIds);
        Assert.Equal("AI Auto", order.Modes);
        Assert.Null(order.PredictiveModeEnabled);
        Assert.Equal(3L, order.ExtraFields.Single(field => field.Key == "extraLimit").Value);
    }

    [Fact]
    public void AnOrderWithoutSipEndpointIdsHasNoNumbers() =>
        Assert.Empty(Mapping.Map(Endpoint.MapperOf<Order>(), """{"id":5,"title":"v1","callsAllowed":true}""").VirtualNumberIds);

    [Theory]
    [InlineData("""{"id":5,"callSchedule":[["9am","5pm"]]}""", "9am")]
    [InlineData("""{"id":5,"callSchedule":[["09:00"]]}""", "a start and an end")]
    [InlineData("""{"id":5,"callHolidayOverrides":["someday"]}""", "someday")]
    [InlineData("""{"id":5,"agentUserIds":"1,2"}""", "agentUserIds")]
    public void RefusesAnOrderFieldThatCannotMeanWhatItNeeds(string json, string says)
    {
        var error = Assert.Throws<ResponseShapeException>(() => Mapping.Map(Endpoint.MapperOf<Order>(), json));
        Assert.Contains(says, error.Message);
    }

    [Fact]
    public void MapsAUserWithTimesAndAFullNameInLinersOrder()
    {
        var user = Mapping.Map(Endpoint.MapperOf<User>(), """{"id":1,"name":"Ivan","lastName":"Petrov","secondName":null,"isActive":true,"lastActivityAt":"2026-11-26T17:40:00+03:00","languageSkillCodes":["ru"],"autoAnswer":1,"Email":"x"}""");
        Assert.Equal("Ivan Petrov", user.FullName);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 17, 40, 0, TimeSpan.FromHours(3)), user.LastActivityAt);
        Assert.Null(user.CreatedAt);
        Assert.Equal(new[] { "ru" }, user.LanguageSkillCodes);
        Assert.Null(user.Email);    // "Email" is not "email": kept as an extra field under another name
        Assert.Equal("x", user.ExtraFields.Single(field => field.Key == "ApiEmail").Value);
    }

    [Fact]
    public void RefusesATimeThatIsNotOne()
    {
        var error = Assert.Throws<ResponseShapeException>(() => Mapping.Map(Endpoint.MapperOf<User>(), """{"id":1,"createdAt":"yesterday"}"""));
        Assert.Contains("createdAt", error.Message);
    }

    [Fact]
    public void RefusesAUserWithoutAnId() =>
        Assert.Throws<ResponseShapeException>(() => Mapping.Map(Endpoint.MapperOf<User>(), """{"name":"x"}"""));
}
