using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;

namespace Liner.PowerShell.Api;

/// <summary>
/// The Liner API operations the cmdlets use. Lists come back as lazy sequences the cmdlet loops over
/// (see <see cref="ListSequence{T}"/>); each endpoint is a <see cref="ListEndpoint"/> and a mapper.
/// </summary>
internal sealed class LinerClient
{
    // The docs' heading spells the path in the singular while every example uses the plural.
    internal static readonly ListEndpoint VirtualNumbersEndpoint = new("v2/sip-endpoints/", otherSpelling: "v2/sip-endpoint/");
    internal const string HealthPath = "v1/health/check/";
    private const int HealthBodyLimit = 4 * 1024 * 1024;

    private readonly ApiContext _api;

    public LinerClient(LinerConnection connection, ApiLog? log, CancellationToken cancellation, RetryPolicy? retry = null)
    {
        _api = new ApiContext(connection, log ?? ApiLog.None, cancellation, retry ?? new RetryPolicy(connection.MaximumRetryCount));
    }

    /// <summary>
    /// The account's virtual numbers, read as the caller pulls them; numbers that <paramref name="wanted"/>
    /// refuses on their own fields are dropped before their params are read.
    /// </summary>
    public ListSequence<VirtualNumber> VirtualNumbers(Func<VirtualNumber, bool>? wanted = null) =>
        List(new ListRequest(VirtualNumbersEndpoint), new VirtualNumberMapper(wanted));

    /// <summary>
    /// Proves host and key with the virtual-numbers request, reading only as far as the envelope's
    /// <c>success</c> and the first number, however large the account.
    /// </summary>
    public void ProbeVirtualNumbers()
    {
        foreach (var _ in List(new ListRequest(VirtualNumbersEndpoint) { ProbeOnly = true }, new VirtualNumberMapper(_ => false)))
        {
        }
        _api.Log.Verbose("The key was accepted.");
    }

    /// <summary>Any list of the API, as a lazy sequence.</summary>
    public ListSequence<T> List<T>(ListRequest request, IItemMapper<T> mapper) => new(_api, request, mapper);

    /// <summary>Calls the health check. A failing check that still sends its report gives a report.</summary>
    public HealthReport GetHealth() => _api.Retry.Run(
        _ =>
        {
            var request = _api.NewRequest(_api.Log, _api.Cancellation);
            using var response = request.Send(HealthPath);
            byte[] bytes;
            using (var body = request.OpenBody(response))
            {
                bytes = body.ReadAll(HealthBodyLimit);
            }
            request.LogFinished();

            var status = (int)response.StatusCode;
            var envelope = new EnvelopeReader(ResponseBody.FromBytes(bytes));
            if (!response.IsSuccessStatusCode)
            {
                if (status is 401 or 403 or 404 || !TryReadWhole(envelope) || envelope.DataToken != JsonTokenType.StartObject)
                {
                    throw request.Failures.StatusError(response, bytes);
                }
            }
            else
            {
                ReadWhole(envelope, request.Failures, bytes);
                if (envelope.DataToken != JsonTokenType.StartObject)
                {
                    request.Failures.EnsureResult(envelope, _ => false, "an object");
                }
            }
            try
            {
                var report = HealthReportMapper.Map(_api.Connection.ApiHost, envelope, response.IsSuccessStatusCode);
                report.Message = _api.Connection.Redact(report.Message);
                foreach (var component in report.Components)
                {
                    component.Message = _api.Connection.Redact(component.Message);
                }
                return report;
            }
            catch (ResponseShapeException error)
            {
                throw request.Failures.InvalidResponse(error.Message);
            }
        },
        _api.Log,
        _api.Cancellation);

    private static void ReadWhole(EnvelopeReader envelope, RequestFailures failures, byte[] body)
    {
        try
        {
            while (envelope.TryRead(NoItems.Instance, out _))
            {
            }
            envelope.EnsureNothingFollows();
        }
        catch (JsonException error)
        {
            throw failures.Unreadable(System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 2048)), body.Length, error);
        }
        catch (ResponseShapeException error)
        {
            throw failures.InvalidResponse(error.Message);
        }
    }

    private static bool TryReadWhole(EnvelopeReader envelope)
    {
        try
        {
            while (envelope.TryRead(NoItems.Instance, out _))
            {
            }
            return true;
        }
        catch (Exception error) when (error is JsonException or ResponseShapeException)
        {
            return false;
        }
    }

    /// <summary>For envelopes whose data is not a list: any list element is skipped.</summary>
    private sealed class NoItems : IItemMapper<object>
    {
        public static readonly NoItems Instance = new();

        public string ItemName => "element";

        public MapResult Map(ref Utf8JsonReader reader, out object? item)
        {
            item = null;
            return reader.TrySkip() ? MapResult.Skipped : MapResult.Incomplete;
        }
    }
}
