using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>
/// What the module asks of the Liner API, for any endpoint a model declares (<see cref="Endpoint"/>):
/// a list as a lazy sequence, one item, a create or an update, the health check, a file. Every request
/// goes through <see cref="HttpExchange"/> and every retry through <see cref="RetryPolicy"/>.
/// </summary>
internal sealed class LinerClient
{
    public LinerClient(ApiContext api)
    {
        Api = api;
    }

    public ApiContext Api { get; }

    /// <summary>The same client reporting to <paramref name="streams"/> (work on another thread), sharing Ctrl+C and the retry policy (a 429 holds every worker).</summary>
    public LinerClient WithStreams(ApiStreams streams) => new(new ApiContext(Api.Connection, streams, Api.Cancellation, Api.Retry));

    public LinerConnection Connection => Api.Connection;

    /// <summary>The list of <typeparamref name="T"/> that <paramref name="query"/> selects on the server, read as the caller pulls it.</summary>
    public ListSequence<T> List<T>(Query? query = null, long startOffset = 0, IItemMapper<T>? mapper = null)
        where T : ApiItem, new() =>
        new(Api, new ListRequest(Endpoint.Of<T>(), query) { StartOffset = startOffset }, mapper ?? Endpoint.MapperOf<T>());

    /// <summary>
    /// Proves host and key with the virtual-numbers request, reading only as far as the envelope's
    /// <c>success</c> and the first number, however large the account.
    /// </summary>
    public void Probe()
    {
        var probe = new ListRequest(Endpoint.Of<VirtualNumber>()) { ProbeOnly = true };
        foreach (var _ in new ListSequence<VirtualNumber>(Api, probe, new VirtualNumberMapper(_ => false)))
        {
        }
        Api.Streams.Verbose("The key was accepted.");
    }

    /// <summary>
    /// One item by id from its detail endpoint, or null when the server answers 404 with Liner's
    /// envelope: that item does not exist. A 404 that is not Liner's (an HTML page: a wrong host or
    /// prefix) is an error as everywhere else.
    /// </summary>
    public T? Get<T>(long id, IItemMapper<T>? mapper = null)
        where T : ApiItem, new() =>
        Send(HttpMethod.Get, Endpoint.Of<T>().DetailPath(id), RequestKind.Read, null, ResponseBody.MaxSize, answer =>
        {
            if (answer.Head.Status == 404 && answer.IsEnvelope && answer.Envelope.Success == false)
            {
                Api.Streams.Verbose($"{answer.Exchange.Path} answered 404: {answer.Envelope.Message}");
                return null;
            }
            answer.EnsureSuccessStatus();
            return answer.Map(mapper ?? Endpoint.MapperOf<T>());
        });

    /// <summary>Calls the health check. A failing check that still sends its report gives a report.</summary>
    public HealthReport Health() =>
        Send(HttpMethod.Get, HealthReportMapper.Path, RequestKind.Read, null, HealthReportMapper.BodyLimit, answer =>
        {
            var report = answer.Envelope.DataToken == JsonTokenType.StartObject;
            if (!answer.Head.IsSuccess && (answer.Head.Status is 401 or 403 or 404 || !answer.IsEnvelope || !report))
            {
                answer.EnsureSuccessStatus();
            }
            if (answer.Head.IsSuccess)
            {
                answer.EnsureResult(shape => report, "an object");
            }
            try
            {
                return HealthReportMapper.Map(Connection.ApiHost, answer.Envelope, answer.Head.IsSuccess);
            }
            catch (ResponseShapeException error)
            {
                throw answer.Exchange.Failures.InvalidResponse(error.Message);
            }
        });

    /// <summary>
    /// Creates one <typeparamref name="T"/> from <paramref name="body"/>; the new id, as the answer gives it
    /// (a bare number or <c>{"id": n}</c>), or null when it gives none. Never sent twice once it may have
    /// reached the server. <paramref name="queued"/>: through the endpoint's create-async path.
    /// </summary>
    public long? Create<T>(JsonBody body, bool queued = false)
    {
        var endpoint = Endpoint.Of<T>();
        var path = (queued ? endpoint.CreateAsyncPath : endpoint.CreatePath) ?? throw new InvalidOperationException($"The API has no create for {endpoint.ItemName}s.");
        return Send(HttpMethod.Post, path, RequestKind.Create, body, ResponseBody.MaxSize, answer =>
        {
            answer.EnsureSuccessStatus();
            answer.EnsureResult(_ => true, "the new id");
            try
            {
                return NewId(answer.Envelope);
            }
            catch (ResponseShapeException error)
            {
                throw answer.Exchange.Failures.InvalidResponse($"the new {endpoint.ItemName}'s id cannot be read: {error.Message}");
            }
        });
    }

    /// <summary>Changes the fields in <paramref name="body"/> (and only those) of one <typeparamref name="T"/>.</summary>
    public void Update<T>(long id, JsonBody body) =>
        Send(HttpMethod.Post, Endpoint.Of<T>().UpdatePath(id), RequestKind.Update, body, ResponseBody.MaxSize, answer =>
        {
            answer.EnsureSuccessStatus();
            if (!answer.IsEnvelope || answer.Envelope.Success == false)
            {
                answer.EnsureResult(_ => true, "a result");
            }
            return true;
        });

    /// <summary>
    /// Downloads <paramref name="file"/> to a temporary file beside <paramref name="path"/>, then renames
    /// it: a failure leaves nothing. The key goes only to the connection's own origin.
    /// </summary>
    public void Download(Uri file, string path, ApiStreams streams)
    {
        Api.Cancellation.ThrowIfCancellationRequested();
        var partial = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, "." + System.IO.Path.GetFileName(path) + ".partial");
        try
        {
            var withKey = HttpExchange.IsSameOrigin(Connection.BaseUri, file);
            streams.Verbose($"{System.IO.Path.GetFileName(path)}: {(withKey ? "on the connection's own origin, with the key" : "on another origin, without the key")}.");
            Api.Retry.Run(
                RequestKind.Read,
                _ =>
                {
                    var exchange = Api.NewExchange(HttpMethod.Get, streams);
                    using var response = exchange.Send(file, withKey);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw exchange.StatusError(response);
                    }
                    using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
                    {
                        exchange.CopyBody(response, stream);
                    }
                    exchange.LogFinished();
                    return true;
                },
                streams,
                Api.Cancellation);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
            File.Move(partial, path);
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    /// <summary>One request whose answer is read whole, tried again as <paramref name="kind"/> allows; <paramref name="interpret"/> makes the result of it.</summary>
    private T Send<T>(HttpMethod method, string path, RequestKind kind, JsonBody? body, int limit, Func<WholeAnswer, T> interpret) => Api.Retry.Run(
        kind,
        _ =>
        {
            var exchange = Api.NewExchange(method);
            if (body is not null)
            {
                Api.Streams.Debug($"Body: {body}");
            }
            using var response = exchange.Send(path, body is null ? null : body.ToContent);
            var answer = new WholeAnswer(exchange, exchange.ReadBody(response, limit));
            exchange.LogFinished();
            return interpret(answer);
        },
        Api.Streams,
        Api.Cancellation);

    /// <summary>The id a create answers: <c>data</c> as a number, or an object's <c>id</c>.</summary>
    private static long? NewId(EnvelopeReader envelope)
    {
        if (envelope.DataJson is not { } json)
        {
            return null;
        }
        var reader = new Utf8JsonReader(json);
        reader.Read();
        if (reader.TokenType is JsonTokenType.Number or JsonTokenType.String)
        {
            return JsonValueReader.ReadInt64(ref reader, "data");
        }
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (JsonValueReader.NextProperty(ref reader))
            {
                var isId = reader.ValueTextEquals("id"u8);
                JsonValueReader.Next(ref reader);
                if (isId)
                {
                    return JsonValueReader.ReadNullableInt64(ref reader, "id");
                }
                reader.Skip();
            }
        }
        return null;
    }
}
