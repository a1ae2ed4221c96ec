using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>
/// What the writes of campaign set-up share (orders, agent groups, call-attempt schemes): creates that
/// read back what they made, the errors of a create, lists of ids changed by reading them first, and the
/// call schedule's windows.
/// </summary>
internal static class CampaignWrites
{
    /// <summary>Whether the server refused <paramref name="field"/> itself (a 400 or success: false naming it).</summary>
    public static bool RefusedField(Exception error, string field) =>
        error is LinerApiException { StatusCode: 400 or null } api
        && api.Delivery == Delivery.Answered
        && (api.ServerMessage ?? string.Empty).IndexOf(field, StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>One order, from the order list (the API has no order detail endpoint); null when the list lacks it.</summary>
    public static Order? ReadOrder(LinerClient client, long id) => client.List<Order>().FirstOrDefault(order => order.Id == id);

    /// <summary>The account's orders by id, from one read of the order list (the first of an id that comes twice).</summary>
    public static Dictionary<long, Order> OrdersById(LinerClient client)
    {
        var orders = new Dictionary<long, Order>();
        foreach (var order in client.List<Order>())
        {
            if (!orders.ContainsKey(order.Id))
            {
                orders.Add(order.Id, order);
            }
        }
        return orders;
    }

    /// <summary>Ids in the order given, each once.</summary>
    public static void AddDistinct(List<long> list, IEnumerable<long>? ids)
    {
        if (ids is null)
        {
            return;
        }
        foreach (var id in ids)
        {
            if (!list.Contains(id))
            {
                list.Add(id);
            }
        }
    }

    /// <summary>
    /// <paramref name="current"/> with <paramref name="given"/> added at its end (those it lacks, in the order
    /// given) or removed, the others kept in their order; null when that is what it is already.
    /// </summary>
    public static List<long>? Edited(IReadOnlyList<long> current, IReadOnlyList<long> given, bool add)
    {
        var result = add ? current.ToList() : current.Where(id => !given.Contains(id)).ToList();
        if (add)
        {
            AddDistinct(result, given.Where(id => !current.Contains(id)));
        }
        return result.SequenceEqual(current) ? null : result;
    }

    public static string Ids(IEnumerable<long> ids) => string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The call schedule as the API takes it: '09:00-13:00' becomes ["09:00", "13:00"].</summary>
    public static List<string[]> Schedule(IEnumerable<string> windows) =>
        windows.Select(window => CallWindowText.Parse(window) ?? throw new ArgumentException($"'{window}' is not a call window like 09:00-13:00.")).ToList();

    /// <summary>Dates as the API takes them (yyyy-MM-dd).</summary>
    public static List<string> Dates(IEnumerable<DateTime> dates) =>
        dates.Select(date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();

    /// <summary>
    /// Queues the create of one <typeparamref name="T"/>, reads back what it made with <paramref name="readBack"/>
    /// and writes it; when the read fails, a warning says so and <paramref name="asSent"/> is written. A create
    /// that fails is an error carrying <paramref name="target"/>: "may exist" when it may have reached the server,
    /// saying to look with the command <paramref name="check"/>.
    /// </summary>
    public static void QueueCreate<T>(
        LinerWriteCmdlet cmdlet,
        JsonBody body,
        object target,
        string label,
        Func<LinerClient, long, T?> readBack,
        Func<long, T> asSent,
        string notCreatedId,
        string mayExistId,
        string check)
        where T : ApiItem
    {
        cmdlet.Queue(
            target,
            (client, _) =>
            {
                var id = client.Create<T>(body);
                if (id is null)
                {
                    return new Made<T>(null, null, null);
                }
                try
                {
                    return new Made<T>(id, readBack(client, id.Value), null);
                }
                catch (LinerApiException error)
                {
                    return new Made<T>(id, null, error);
                }
            },
            outcome =>
            {
                var made = (Made<T>)outcome!;
                if (made.Id is not { } id)
                {
                    cmdlet.WriteWarning($"{label} was created, but Liner's answer gave no id: find it with {check}.");
                    return;
                }
                if (made.Item is null)
                {
                    cmdlet.WriteWarning(made.ReadError is null
                        ? $"{label} was created with id {id}, but it is not in the list read back: it is written as it was sent."
                        : $"{label} was created with id {id}, but reading it back failed: {made.ReadError.Message} It is written as it was sent.");
                }
                cmdlet.WriteItem(made.Item ?? asSent(id));
            },
            error => error is LinerApiException { MayHaveActed: true }
                ? cmdlet.ItemError(error, mayExistId, $"{label} may have been created: ", target, $"It is not sent again by itself: check with {check} before running the command again.")
                : cmdlet.ItemError(error, notCreatedId, $"{label} was not created: ", target, "Correct the values (Liner's message says what it refused) and run the command again."));
    }

    private sealed class Made<T>
    {
        public Made(long? id, T? item, Exception? readError)
        {
            Id = id;
            Item = item;
            ReadError = readError;
        }

        public long? Id { get; }

        public T? Item { get; }

        public Exception? ReadError { get; }
    }
}

/// <summary>A window of a call schedule written as people write it: <c>09:00-13:00</c>, <c>9:00 - 13:30</c>.</summary>
internal static class CallWindowText
{
    /// <summary>The window's start and end as HH:MM, or null when the text is no window.</summary>
    public static string[]? Parse(string? text)
    {
        var parts = (text ?? string.Empty).Split('-');
        if (parts.Length != 2 || Time(parts[0]) is not { } start || Time(parts[1]) is not { } end || start == "24:00")
        {
            return null;
        }
        return new[] { start, end };
    }

    private static string? Time(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length == 2
            && parts[0].Length is 1 or 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            && parts[1].Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            && minutes < 60 && (hours < 24 || (hours == 24 && minutes == 0)))
        {
            return $"{hours:00}:{minutes:00}";
        }
        return null;
    }
}

/// <summary>Refuses, while the parameter is bound, a call window that is not HH:MM-HH:MM.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateCallWindowAttribute : ValidateEnumeratedArgumentsAttribute
{
    protected override void ValidateElement(object element)
    {
        var text = element is PSObject wrapped ? wrapped.BaseObject?.ToString() : element?.ToString();
        if (CallWindowText.Parse(text) is null)
        {
            throw new ValidationMetadataException($"'{text}' is not a call window: write it as HH:MM-HH:MM, such as 09:00-13:00 (24:00 may end a window).");
        }
    }
}
