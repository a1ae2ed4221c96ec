namespace Liner.PowerShell.Tests;

internal static class JsonSamples
{
    public const string Pstn = """{"id":123,"title":"Virtual number","orderId":null,"connectionType":"pstn","params":{"phone":"+79001234567"},"isDefault":false,"outgoing":true,"incoming":true,"channels":2}""";

    public const string SipReg = """{"id":7,"title":"PBX","orderId":42,"connectionType":"sip-reg","params":{"login":"sip1001","password":"s3cret!","server":"sip.example.com","port":5060},"isDefault":true,"outgoing":false,"incoming":true,"channels":10}""";

    public static string Envelope(params string[] numbers) => $$"""{"success":true,"message":"","data":[{{string.Join(",", numbers)}}]}""";
}
