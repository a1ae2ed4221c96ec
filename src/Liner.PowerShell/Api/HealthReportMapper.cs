using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>
/// Maps the health check's <c>data</c>, an object keyed by component name whose values are envelopes
/// of their own, to a <see cref="HealthReport"/>.
/// </summary>
internal static class HealthReportMapper
{
    public const string Path = "v1/health/check/";

    /// <summary>A report is a few components: more than this is not a report.</summary>
    public const int BodyLimit = 4 * 1024 * 1024;

    public static HealthReport Map(string apiHost, EnvelopeReader envelope, bool statusOk)
    {
        var components = new List<HealthComponent>();
        var reader = new Utf8JsonReader(envelope.DataJson);
        reader.Read();
        while (JsonValueReader.NextProperty(ref reader))
        {
            var name = reader.GetString()!;
            JsonValueReader.Next(ref reader);
            components.Add(ReadComponent(name, ref reader));
        }

        var allSucceeded = true;
        foreach (var component in components)
        {
            allSucceeded &= component.Success;
        }
        return new HealthReport
        {
            ApiHost = apiHost,
            Success = statusOk && envelope.Success != false && allSucceeded,
            Message = string.IsNullOrWhiteSpace(envelope.Message) ? null : envelope.Message,
            Components = components,
        };
    }

    private static HealthComponent ReadComponent(string name, ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ResponseShapeException($"health component '{name}' is {JsonValueReader.Describe(reader.TokenType)} where an object was expected");
        }
        var component = new HealthComponent { Name = name };
        while (JsonValueReader.NextProperty(ref reader))
        {
            var field = reader.GetString()!;
            JsonValueReader.Next(ref reader);
            if (field == "success")
            {
                component.Success = JsonValueReader.ReadBoolean(ref reader, $"{name}.success");
            }
            else if (field == "message")
            {
                component.Message = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
                    ? Skip(ref reader)
                    : JsonValueReader.ReadString(ref reader, $"{name}.message");
            }
            else if (field == "data")
            {
                component.Data = JsonValueReader.ReadObject(ref reader, $"{name}.data");
            }
            else
            {
                reader.Skip();
            }
        }

        if (component.Data["executionTime"] is { } seconds)
        {
            component.ExecutionTime = seconds switch
            {
                decimal exact => TimeSpan.FromTicks((long)(exact * TimeSpan.TicksPerSecond)),
                double real => TimeSpan.FromTicks((long)(real * TimeSpan.TicksPerSecond)),
                long whole => TimeSpan.FromSeconds(whole),
                _ => null,
            };
        }
        component.ReasonPhrase = component.Data["reasonPhrase"] as string;
        if (string.IsNullOrWhiteSpace(component.Message))
        {
            component.Message = null;
        }
        return component;
    }

    private static string? Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}
