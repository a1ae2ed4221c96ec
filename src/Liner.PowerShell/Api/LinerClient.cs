using System;
using System.Collections.Generic;
using System.Globalization;
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
    internal static readonly ListEndpoint OrdersEndpoint = new("v2/order/", paged: true);
    // What an older Liner serves instead of /v2/order/: all active orders, unpaged, four fields each.
    internal static readonly ListEndpoint OrdersV1Endpoint = new("v1/order/list/");
    internal static readonly ListEndpoint UsersEndpoint = new("v2/user/list/", paged: true);
    internal const string UserDetailPath = "v2/user/detail/{0}/";
    internal static readonly ListEndpoint CallsEndpoint = new("v2/call/", paged: true);
    internal const string CallDetailPath = "v2/call/detail/{0}/";
    internal static readonly ListEndpoint CallRecordsEndpoint = new("v2/call-record/", paged: true);
    internal const string CallRecordDetailPath = "v2/call-record/detail/{0}/";
    // The docs' headings spell these in the singular while their examples use the plural.
    internal static readonly ListEndpoint CallStatusesEndpoint = new("v2/call-statuses/", otherSpelling: "v2/call-status/");
    internal static readonly ListEndpoint LeadStatusesEndpoint = new("v2/lead-statuses/", otherSpelling: "v2/lead-status/");

    /// <summary>How many order ids go into one calls query, so that no URL grows past a few kilobytes.</summary>
    internal const int OrderIdsPerQuery = 100;
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

    /// <summary>
    /// The account's orders from <c>/v2/order/</c>, read page by page; when that answers 404 (an older
    /// Liner), from <c>/v1/order/list/</c> instead, which is remembered for the connection.
    /// </summary>
    public IEnumerable<Order> Orders()
    {
        if (PathSpellings.Answered(_api.Connection, OrdersEndpoint) != OrdersV1Endpoint.Path)
        {
            using var v2 = List(new ListRequest(OrdersEndpoint), new OrderMapper()).GetEnumerator();
            if (MoveNextUnless404(v2) is { } any)
            {
                for (var more = any; more; more = v2.MoveNext())
                {
                    yield return v2.Current;
                }
                yield break;
            }
            _api.Log.Verbose($"{OrdersEndpoint.Path} answered 404, as an older Liner does: reading {OrdersV1Endpoint.Path} instead (Id, Title, Code and CallsAllowed only).");
            PathSpellings.Remember(_api.Connection, OrdersEndpoint, OrdersV1Endpoint.Path);
        }
        foreach (var order in List(new ListRequest(OrdersV1Endpoint), new OrderMapper()))
        {
            yield return order;
        }
    }

    /// <summary>The account's users, read page by page; one access group and "active only" are asked of the server.</summary>
    public ListSequence<User> Users(string? accessGroup = null, bool activeOnly = false)
    {
        var query = new List<KeyValuePair<string, string>>();
        if (accessGroup is not null)
        {
            query.Add(new KeyValuePair<string, string>("accessGroup", accessGroup));
        }
        if (activeOnly)
        {
            query.Add(new KeyValuePair<string, string>("isActive", "1"));
        }
        return List(new ListRequest(UsersEndpoint) { Query = query }, new UserMapper());
    }

    /// <summary>One user by id (<c>/v2/user/detail/{id}/</c>), or null when Liner says there is none.</summary>
    public User? User(long id) => Detail(string.Format(CultureInfo.InvariantCulture, UserDetailPath, id), new UserMapper());

    /// <summary>
    /// The calls that <paramref name="query"/> selects on the server, page by page. The API needs order
    /// or lead ids: without either, the calls of every order of the account are asked for, a batch of
    /// order ids per query. <paramref name="onTotal"/> hears each query's total when its first page has it.
    /// </summary>
    public IEnumerable<Call> Calls(CallQuery query, Action<long>? onTotal = null)
    {
        var batches = new List<IReadOnlyList<long>?>();
        if (query.OrderIds.Count > 0 || query.LeadIds.Count > 0)
        {
            batches.Add(null);
        }
        else
        {
            var orders = new List<long>();
            foreach (var order in Orders())
            {
                orders.Add(order.Id);
            }
            for (var i = 0; i < orders.Count; i += OrderIdsPerQuery)
            {
                batches.Add(orders.GetRange(i, Math.Min(OrderIdsPerQuery, orders.Count - i)));
            }
        }
        foreach (var batch in batches)
        {
            var list = List(new ListRequest(CallsEndpoint) { Query = query.ToQuery(batch) }, new CallMapper());
            var reported = false;
            foreach (var call in list)
            {
                if (!reported && list.Total is { } total)
                {
                    onTotal?.Invoke(total);
                    reported = true;
                }
                yield return call;
            }
        }
    }

    public Call? Call(long id) => Detail(string.Format(CultureInfo.InvariantCulture, CallDetailPath, id), new CallMapper());

    /// <summary>The records of one call (or of every call), page by page; only those with an answering machine when asked.</summary>
    public ListSequence<CallRecord> CallRecords(long? callId, bool answeringMachineOnly)
    {
        var query = new List<KeyValuePair<string, string>>();
        if (callId is { } id)
        {
            query.Add(new KeyValuePair<string, string>("callId", id.ToString(CultureInfo.InvariantCulture)));
        }
        if (answeringMachineOnly)
        {
            query.Add(new KeyValuePair<string, string>("isAmd", "1"));
        }
        return List(new ListRequest(CallRecordsEndpoint) { Query = query }, new CallRecordMapper(callId));
    }

    public CallRecord? CallRecord(long id) => Detail(string.Format(CultureInfo.InvariantCulture, CallRecordDetailPath, id), new CallRecordMapper());

    public ListSequence<CallStatus> CallStatuses() => List(new ListRequest(CallStatusesEndpoint), new CallStatusMapper());

    public ListSequence<LeadStatus> LeadStatuses() => List(new ListRequest(LeadStatusesEndpoint), new LeadStatusMapper());

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

    /// <summary>
    /// One object from a detail endpoint (<c>data</c> is the object), or null when the server answers
    /// 404 with Liner's envelope: that item does not exist. A 404 that is not Liner's (an HTML page: a
    /// wrong host or prefix) is an error as everywhere else.
    /// </summary>
    private T? Detail<T>(string path, IItemMapper<T> mapper)
        where T : class => _api.Retry.Run(
        _ =>
        {
            var request = _api.NewRequest(_api.Log, _api.Cancellation);
            using var response = request.Send(path);
            byte[] bytes;
            using (var body = request.OpenBody(response))
            {
                bytes = body.ReadAll(ResponseBody.MaxSize);
            }
            request.LogFinished();
            var envelope = new EnvelopeReader(ResponseBody.FromBytes(bytes));
            if (!response.IsSuccessStatusCode)
            {
                if ((int)response.StatusCode == 404 && TryReadWhole(envelope) && envelope.Success == false)
                {
                    _api.Log.Verbose($"{request.Path} answered 404: {envelope.Message}");
                    return null;
                }
                throw request.Failures.StatusError(response, bytes);
            }
            ReadWhole(envelope, request.Failures, bytes);
            request.Failures.EnsureResult(envelope, shape => shape == DataShape.Other && envelope.DataToken == JsonTokenType.StartObject, "an object");
            try
            {
                var reader = new Utf8JsonReader(envelope.DataJson);
                reader.Read();
                mapper.Map(ref reader, out var item);
                return item;
            }
            catch (ResponseShapeException error)
            {
                throw request.Failures.InvalidResponse($"the {mapper.ItemName} cannot be read: {error.Message}");
            }
        },
        _api.Log,
        _api.Cancellation);

    /// <summary>The first MoveNext of a list, or null when its request answered 404.</summary>
    private static bool? MoveNextUnless404<T>(IEnumerator<T> list)
    {
        try
        {
            return list.MoveNext();
        }
        catch (LinerApiException error) when (error.StatusCode == 404)
        {
            return null;
        }
    }

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
