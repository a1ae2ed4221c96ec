using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Liner.PowerShell.Api;
using Xunit;

namespace Liner.PowerShell.Tests;

/// <summary>
/// Text in names and values, wherever the module reads it: the right string, or a clean
/// <see cref="ResponseShapeException"/> for text that is not text (a lone surrogate escape, invalid
/// UTF-8), never the runtime's own exception.
/// </summary>
public class JsonTextTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Where text is read: a JSON template whose § takes the text, and what the module made of it
    /// (null where there is nothing to compare, only an outcome).
    /// </summary>
    private static readonly (string Place, string Template, Func<byte[], string?> Read, Func<string, string?> Expected)[] Places =
    {
        ("unknown field's value", """{"id":1,"x":"§"}""", json => (string?)Number(json).ExtraFields.Single().Value, text => text),
        ("unknown field's name", """{"id":1,"~§":1}""", json => Number(json).ExtraFields.Single().Key, text => ExtraFields.PropertyName("~" + text, VirtualNumber.PropertyNames)),
        ("title", """{"id":1,"title":"§"}""", json => Number(json).Title, text => text),
        ("params name", """{"id":1,"params":{"~§":1}}""", json => (string?)Number(json).Params.Keys.Cast<object>().Single(), text => "~" + text),
        ("params value", """{"id":1,"params":{"p":"§"}}""", json => (string?)Number(json).Params["p"], text => text),
        ("nested object's name", """{"id":1,"x":[{"~§":1}]}""", json => (string?)((ApiObject)((object?[])Number(json).ExtraFields.Single().Value!)[0]!).Keys.Cast<object>().Single(), text => "~" + text),
        ("order's unknown field's name", """{"~§":1,"id":1}""", json => Order(json).ExtraFields.Single().Key, text => ExtraFields.PropertyName("~" + text, ExtraFields.NamesOf(typeof(Liner.PowerShell.Order)))),
        ("order's unknown field's value", """{"id":1,"x":"§"}""", json => (string?)Order(json).ExtraFields.Single().Value, text => text),
        ("envelope's name", """{"~§":1,"success":true,"message":"","data":[]}""", json => Envelope(json).Success == true ? null : "not read", _ => null),
        ("envelope's message", """{"success":true,"message":"§","data":[]}""", json => Envelope(json).Message, text => text),
        ("streamed element's name", """{"success":true,"message":"","data":[{"id":1,"~§":1}]}""", json => Streamed(json).ExtraFields.Single().Key, text => ExtraFields.PropertyName("~" + text, VirtualNumber.PropertyNames)),
        ("page's name", """{"success":true,"data":{"~§":1,"list":[{"id":1}],"next":null}}""", json => Streamed(json).Id == 1 ? null : "not read", _ => null),
        ("health component's name", """{"success":true,"data":{"~§":{"success":true}}}""", json => Health(json).Components.Single().Name, text => "~" + text),
        ("health component's field name", """{"success":true,"data":{"c":{"~§":1,"success":true}}}""", json => Health(json).Components.Single().Success ? null : "not read", _ => null),
        ("health component's message", """{"success":true,"data":{"c":{"success":false,"message":"§"}}}""", json => Health(json).Components.Single().Message, text => string.IsNullOrWhiteSpace(text) ? null : text),
        ("health component's data", """{"success":true,"data":{"c":{"success":true,"data":{"~§":1,"reasonPhrase":"§"}}}}""", json => Health(json).Components.Single().ReasonPhrase, text => text),
    };

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\udfff")]
    [InlineData("a\\ud83d")]
    [InlineData("\\ude00\\ud83d")]
    public void ALoneSurrogateEscapeIsRefusedCleanlyWhereverItIs(string escaped)
    {
        foreach (var (place, template, read, _) in Places)
        {
            var error = Record.Exception(() => read(Fill(template, Encoding.UTF8.GetBytes(escaped))));
            Assert.True(error is ResponseShapeException, $"{place}: {error?.GetType().Name ?? "no error"}: {error?.Message}");
            Assert.Contains("not valid text", error!.Message);
        }
    }

    [Fact]
    public void ALoneSurrogateInAnUnknownFieldsNameIsTheSameCleanErrorAsInAValue()
    {
        var name = Assert.Throws<ResponseShapeException>(() => Mapping.Map(new VirtualNumberMapper(), "{\"id\":1,\"\\ud800\":1}"));
        Assert.Equal("a field name is not valid text (invalid UTF-8, or a lone surrogate escape)", name.Message);
        var nested = Assert.Throws<ResponseShapeException>(() => Mapping.Map(new VirtualNumberMapper(), "{\"id\":1,\"params\":{\"\\ud800\":1}}"));
        Assert.Equal("a field name in 'params' is not valid text (invalid UTF-8, or a lone surrogate escape)", nested.Message);
    }

    [Fact]
    public void AnEscapedPairIsOneCharacterOutsideTheBasicPlane()
    {
        var number = Mapping.Map(new VirtualNumberMapper(), """{"id":1,"\ud83d\ude00":"\ud83d\ude00"}""");
        Assert.Equal(new KeyValuePair<string, object?>("😀", "😀"), number.ExtraFields.Single());
    }

    /// <summary>
    /// Fuzz: random text of escapes (short ones, \u of any code unit, pairs, lone and reversed
    /// surrogates), raw UTF-8 and bytes that are not UTF-8, in every place, against an oracle that
    /// decodes the same pieces on its own. Text that is not text is a ResponseShapeException, never
    /// another exception.
    /// </summary>
    [Fact]
    public void ReadsRandomTextAsTheOracleSaysEverywhere()
    {
        var random = new Random(17);
        var clock = Stopwatch.StartNew();
        const int texts = 400;
        int valid = 0, surrogates = 0, notUtf8 = 0;
        for (var i = 0; i < texts; i++)
        {
            var (json, expected, badUtf8) = RandomText(random);
            foreach (var (place, template, read, expect) in Places)
            {
                var bytes = Fill(template, json);
                var shown = $"{place}, {Encoding.UTF8.GetString(bytes)}";
                if (expected is not null && !badUtf8)
                {
                    Assert.True(expect(expected) == read(bytes), $"{shown}: read as {read(bytes)}, where {expect(expected)} was expected");
                    continue;
                }
                var error = Record.Exception(() => read(bytes));
                Assert.True(error is ResponseShapeException && error.Message.Contains("not valid text"), $"{shown}: {error?.GetType().Name ?? "no error"}: {error?.Message}");
            }
            if (badUtf8)
            {
                notUtf8++;
            }
            else if (expected is null)
            {
                surrogates++;
            }
            else
            {
                valid++;
            }
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{texts} texts took {clock.Elapsed}");
        Assert.True(valid >= 50 && surrogates >= 50 && notUtf8 >= 50, $"valid {valid}, lone surrogates {surrogates}, not UTF-8 {notUtf8}");
    }

    /// <summary>
    /// A random JSON string body: its bytes, the string it means (null when it holds a lone surrogate),
    /// and whether its bytes are not UTF-8.
    /// </summary>
    private static (byte[] Json, string? Expected, bool BadUtf8) RandomText(Random random)
    {
        var json = new List<byte>();
        var text = new StringBuilder();
        var raw = new List<byte>();
        var badUtf8 = false;
        var pieces = random.Next(0, 7);
        var mayBreak = random.Next(3);
        for (var i = 0; i < pieces; i++)
        {
            var kind = random.Next(10);
            if (kind < 8 || mayBreak == 0)
            {
                kind %= 8;
            }
            if (kind is 0 or 1 or 9)
            {
                // Raw bytes; those of kind 9 are not UTF-8 (or not on their own).
                var bytes = kind switch
                {
                    0 => Encoding.UTF8.GetBytes(((char)random.Next(0x20, 0x7F)).ToString().Replace("\"", "'").Replace("\\", "/")),
                    1 => Encoding.UTF8.GetBytes(new[] { "й", "€", "😀", "\u00e9", "\u0800", "\uffff" }[random.Next(6)]),
                    _ => new[] { new byte[] { 0xC3 }, new byte[] { 0x80 }, new byte[] { 0xFF }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xF4, 0x90, 0x80, 0x80 } }[random.Next(6)],
                };
                raw.AddRange(bytes);
                json.AddRange(bytes);
                continue;
            }
            badUtf8 |= !Flush(raw, text);
            string escape;
            switch (kind)
            {
                case 2:
                    var (letter, meaning) = new[] { ("\\\"", '"'), ("\\\\", '\\'), ("\\/", '/'), ("\\b", '\b'), ("\\f", '\f'), ("\\n", '\n'), ("\\r", '\r'), ("\\t", '\t') }[random.Next(8)];
                    escape = letter;
                    text.Append(meaning);
                    break;
                case 3:
                case 4:
                    // Any code unit but a surrogate, in either case of hex.
                    char unit;
                    do
                    {
                        unit = (char)(random.Next(2) == 0 ? random.Next(0x80) : random.Next(0x10000));
                    }
                    while (char.IsSurrogate(unit));
                    escape = Unicode(unit, random);
                    text.Append(unit);
                    break;
                case 5:
                    var astral = char.ConvertFromUtf32(random.Next(0x10000, 0x110000));
                    escape = Unicode(astral[0], random) + Unicode(astral[1], random);
                    text.Append(astral);
                    break;
                case 6:
                    var high = (char)random.Next(0xD800, 0xDC00);
                    escape = Unicode(high, random);
                    text.Append(high);
                    break;
                default:
                    var low = (char)random.Next(0xDC00, 0xE000);
                    escape = Unicode(low, random);
                    text.Append(low);
                    break;
            }
            json.AddRange(Encoding.ASCII.GetBytes(escape));
        }
        badUtf8 |= !Flush(raw, text);
        var expected = text.ToString();
        return (json.ToArray(), IsWellFormed(expected) ? expected : null, badUtf8);
    }

    private static string Unicode(char unit, Random random) =>
        "\\u" + ((int)unit).ToString(random.Next(2) == 0 ? "x4" : "X4", CultureInfo.InvariantCulture);

    /// <summary>Decodes the raw bytes gathered so far into <paramref name="text"/>; false when they are not UTF-8.</summary>
    private static bool Flush(List<byte> raw, StringBuilder text)
    {
        if (raw.Count == 0)
        {
            return true;
        }
        try
        {
            text.Append(StrictUtf8.GetString(raw.ToArray()));
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            raw.Clear();
        }
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The template's bytes with each § (C2 A7 in UTF-8) replaced by the text's bytes.</summary>
    private static byte[] Fill(string template, byte[] text)
    {
        var marker = Encoding.UTF8.GetBytes("§");
        var bytes = Encoding.UTF8.GetBytes(template);
        var result = new List<byte>();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes.AsSpan(i).StartsWith(marker))
            {
                result.AddRange(text);
                i += marker.Length - 1;
            }
            else
            {
                result.Add(bytes[i]);
            }
        }
        return result.ToArray();
    }

    private static VirtualNumber Number(byte[] json) => Map(new VirtualNumberMapper(), json);

    private static Order Order(byte[] json) => Map(Endpoint.MapperOf<Order>(), json);

    private static T Map<T>(IItemMapper<T> mapper, byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        Assert.Equal(MapResult.Item, mapper.Map(ref reader, out var item));
        return item!;
    }

    private static EnvelopeReader Envelope(byte[] json)
    {
        var envelope = new EnvelopeReader(Chunked(json));
        while (envelope.TryRead(new VirtualNumberMapper(), out _))
        {
        }
        envelope.EnsureNothingFollows();
        return envelope;
    }

    private static VirtualNumber Streamed(byte[] json)
    {
        var envelope = new EnvelopeReader(Chunked(json));
        Assert.True(envelope.TryRead(new VirtualNumberMapper(), out var number));
        Assert.False(envelope.TryRead(new VirtualNumberMapper(), out _));
        return number!;
    }

    private static HealthReport Health(byte[] json) => HealthReportMapper.Map("https://h", Envelope(json), statusOk: true);

    /// <summary>The body in reads of 7 bytes, so names and values are cut across reads.</summary>
    private static ResponseBody Chunked(byte[] bytes)
    {
        var position = 0;
        return new ResponseBody(
            (buffer, offset, count) =>
            {
                var take = Math.Min(Math.Min(7, count), bytes.Length - position);
                Array.Copy(bytes, position, buffer, offset, take);
                position += take;
                return take;
            },
            initialSize: 16);
    }
}
