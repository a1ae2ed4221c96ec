using System;
using System.Collections.Generic;
using Liner.PowerShell.Formatting;

namespace Liner.PowerShell;

/// <summary>A user of the account (an agent, an admin, ...), as <c>GET /v2/user/detail/{id}/</c> describes one.</summary>
[Api.ApiEndpoint("user", "v2/user/list/", Paged = true, Detail = "v2/user/detail/{0}/")]
public sealed class User : ApiItem
{
    [TableColumn(1, 6, Right = true)]
    public long Id { get; internal set; }

    /// <summary>The first name (<c>name</c>).</summary>
    public string? Name { get; internal set; }

    public string? LastName { get; internal set; }

    /// <summary>The middle name or patronymic (<c>secondName</c>); often null.</summary>
    public string? SecondName { get; internal set; }

    [TableColumn(3)]
    public string? Email { get; internal set; }

    [TableColumn(5, 8)]
    public bool IsActive { get; internal set; }

    /// <summary><c>client</c>, <c>call-center</c>, <c>call-center-senior</c>, <c>arbitration</c>, <c>moderator</c> or <c>admin</c>.</summary>
    [TableColumn(4, 18)]
    public string? AccessGroup { get; internal set; }

    public bool? WebRtcEnabled { get; internal set; }

    public string? InterfaceLanguageCode { get; internal set; }

    public ValueList<string> LanguageSkillCodes { get; internal set; } = ValueList<string>.Empty;

    public int? AutoAnswer { get; internal set; }

    public string? PhoneMode { get; internal set; }

    public string? AvatarUrl { get; internal set; }

    public bool? TelegramNotificationsEnabled { get; internal set; }

    public string? TelegramChatId { get; internal set; }

    public string? TelegramNotificationsType { get; internal set; }

    public bool? EmailNotificationsEnabled { get; internal set; }

    public string? EmailNotificationsType { get; internal set; }

    public DateTimeOffset? LastLoginAt { get; internal set; }

    [TableColumn(6, 14, TimeFormat = "yyyy-MM-dd")]
    public DateTimeOffset? LastActivityAt { get; internal set; }

    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>The parts of the name that are present, in Liner's order: name, last name, second name.</summary>
    [TableColumn(2)]
    public string FullName
    {
        get
        {
            var parts = new List<string>(3);
            foreach (var part in new[] { Name, LastName, SecondName })
            {
                if (!string.IsNullOrWhiteSpace(part))
                {
                    parts.Add(part!.Trim());
                }
            }
            return string.Join(" ", parts);
        }
    }

    public override string ToString() => FullName.Length == 0 ? Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Id} {FullName}";
}
