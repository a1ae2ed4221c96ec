using System;
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json;
using System.Threading;

namespace Liner.PowerShell.Api;

/// <summary>The Liner API operations the cmdlets use, each one request (plus retries) on a connection.</summary>
internal sealed class LinerClient
{
    internal const string VirtualNumbersPath = "v2/sip-endpoints/";
    // The docs' heading spells the path in the singular while every example uses the plural.
    internal const string VirtualNumbersSingularPath = "v2/sip-endpoint/";
    internal const string HealthPath = "v1/health/check/";

    private readonly LinerConnection _connection;
    private readonly ApiLog _log;
    private readonly CancellationToken _cancellation;
    private readonly RetryPolicy _retry;

    public LinerClient(LinerConnection connection, ApiLog? log, CancellationToken cancellation, RetryPolicy? retry = null)
    {
        _connection = connection;
        _log = log ?? ApiLog.None;
        _cancellation = cancellation;
        _retry = retry ?? new RetryPolicy(connection.MaximumRetryCount);
    }

    /// <summary>
    /// Lists the account's virtual numbers, handing each to <paramref name="onNumber"/> on this thread as
    /// soon as it is read; numbers that <paramref name="wanted"/> refuses on their own fields are skipped
    /// before their params are read. Returns how many numbers the account has.
    /// </summary>
    public int GetVirtualNumbers(Action<VirtualNumber> onNumber, Func<VirtualNumber, bool>? wanted = null) =>
        ReadVirtualNumbers(onNumber, wanted, probe: false);

    /// <summary>
    /// Proves host and key with the virtual-numbers request, reading only as far as the envelope's
    /// <c>success</c> and the first number, however large the account.
    /// </summary>
    public void ProbeVirtualNumbers() => ReadVirtualNumbers(_ => { }, _ => false, probe: true);

    private int ReadVirtualNumbers(Action<VirtualNumber> onNumber, Func<VirtualNumber, bool>? wanted, bool probe)
    {
        var delivered = 0;
        return _retry.Run(
            attempt =>
            {
                var exchange = new HttpExchange(_connection, _log, _cancellation, _retry);
                var path = _connection.VirtualNumbersPath ?? VirtualNumbersPath;
                var response = exchange.Send(path);
                string? alsoTried = null;
                if ((int)response.StatusCode == 404 && _connection.VirtualNumbersPath is null)
                {
                    response.Dispose();
                    alsoTried = exchange.Path;
                    _log.Verbose($"{exchange.Path} answered 404; trying the singular spelling of the path once.");
                    path = VirtualNumbersSingularPath;
                    response = exchange.Send(path);
                }

                using (response)
                {
                    if (!response.IsSuccessStatusCode)
                    {
                        throw exchange.StatusError(response, (int)response.StatusCode == 404 ? alsoTried : null);
                    }
                    _connection.VirtualNumbersPath = path;

                    var parser = new EnvelopeParser((ref Utf8JsonReader reader, int index) =>
                    {
                        VirtualNumber? number;
                        try
                        {
                            number = VirtualNumberReader.Read(ref reader, wanted);
                        }
                        catch (ResponseShapeException error)
                        {
                            throw new ResponseShapeException($"virtual number {index + 1} of 'data' cannot be read: {error.Message}");
                        }
                        if (number is null)
                        {
                            return;
                        }
                        delivered++;
                        try
                        {
                            onNumber(number);
                        }
                        catch (Exception error)
                        {
                            throw new ElementConsumerException(error);
                        }
                    })
                    {
                        StopAfterFirstElement = probe,
                    };
                    exchange.ReadEnvelope(response, parser);
                    CheckEnvelope(exchange, parser, expectArray: true);
                    _log.Verbose(probe ? "The key was accepted." : $"Read {parser.ElementCount} virtual numbers.");
                    return parser.ElementCount;
                }
            },
            canRetry: () => delivered == 0,
            _log,
            _cancellation);
    }

    /// <summary>Calls the health check. A failing check that still sends its report gives a report.</summary>
    public HealthReport GetHealth()
    {
        return _retry.Run(
            attempt =>
            {
                var exchange = new HttpExchange(_connection, _log, _cancellation, _retry);
                using var response = exchange.Send(HealthPath);
                var status = (int)response.StatusCode;
                var parser = new EnvelopeParser(null);
                if (!response.IsSuccessStatusCode)
                {
                    if (status is 401 or 403 or 404 || !TryReadEnvelope(exchange, response, parser))
                    {
                        throw exchange.StatusError(response);
                    }
                }
                else
                {
                    exchange.ReadEnvelope(response, parser);
                }

                if (parser.DataToken != JsonTokenType.StartObject)
                {
                    CheckEnvelope(exchange, parser, expectArray: false);
                }
                try
                {
                    var report = HealthReportReader.Read(_connection.ApiHost, parser, response.IsSuccessStatusCode);
                    report.Message = _connection.Redact(report.Message);
                    foreach (var component in report.Components)
                    {
                        component.Message = _connection.Redact(component.Message);
                    }
                    return report;
                }
                catch (ResponseShapeException error)
                {
                    throw exchange.InvalidResponse(error.Message);
                }
            },
            canRetry: () => true,
            _log,
            _cancellation);
    }

    private static bool TryReadEnvelope(HttpExchange exchange, HttpResponseMessage response, EnvelopeParser parser)
    {
        try
        {
            exchange.ReadEnvelope(response, parser);
            return parser.DataToken == JsonTokenType.StartObject;
        }
        catch (LinerApiException error) when (error.ErrorId == LinerErrorIds.InvalidResponse)
        {
            return false;
        }
    }

    private static void CheckEnvelope(HttpExchange exchange, EnvelopeParser parser, bool expectArray)
    {
        if (parser.Success == false)
        {
            var message = string.IsNullOrWhiteSpace(parser.Message) ? null : parser.Message;
            throw exchange.Fail(
                LinerErrorIds.ApiError,
                ErrorCategory.InvalidOperation,
                message is null ? "was answered with success: false and no message." : $"was answered with an error: {message}",
                serverMessage: message,
                recommendedAction: "Liner refused the request (its message says why): check the integration and the account in Liner's web interface, then try again.");
        }
        if (parser.DataToken == JsonTokenType.None)
        {
            throw exchange.InvalidResponse(parser.Success is null ? "the body is JSON, but not the {\"success\", \"message\", \"data\"} object Liner sends" : "the body has no 'data'");
        }
        var expected = expectArray ? JsonTokenType.StartArray : JsonTokenType.StartObject;
        if (parser.DataToken != expected)
        {
            throw exchange.InvalidResponse($"'data' is {JsonValueReader.Describe(parser.DataToken)} where {(expectArray ? "an array" : "an object")} was expected");
        }
    }
}
