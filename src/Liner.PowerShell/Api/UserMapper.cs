using System.Collections.Generic;
using System.Text.Json;

namespace Liner.PowerShell.Api;

/// <summary>Maps one user of <c>/v2/user/list/</c> or <c>/v2/user/detail/{id}/</c> to a <see cref="User"/>.</summary>
internal sealed class UserMapper : ObjectMapper<User>
{
    public override string ItemName => "user";

    protected override HashSet<string> PropertyNames => User.PropertyNames;

    protected override User Create() => new();

    protected override bool ReadField(string name, ref Utf8JsonReader value, User user)
    {
        switch (name)
        {
            case "id": user.Id = JsonValueReader.ReadInt64(ref value, name); return true;
            case "name": user.Name = JsonValueReader.ReadString(ref value, name); return true;
            case "lastName": user.LastName = JsonValueReader.ReadString(ref value, name); return true;
            case "secondName": user.SecondName = JsonValueReader.ReadString(ref value, name); return true;
            case "email": user.Email = JsonValueReader.ReadString(ref value, name); return true;
            case "isActive": user.IsActive = JsonValueReader.ReadBoolean(ref value, name); return true;
            case "accessGroup": user.AccessGroup = JsonValueReader.ReadString(ref value, name); return true;
            case "webRtcEnabled": user.WebRtcEnabled = JsonValueReader.ReadNullableBoolean(ref value, name); return true;
            case "interfaceLanguageCode": user.InterfaceLanguageCode = JsonValueReader.ReadString(ref value, name); return true;
            case "languageSkillCodes": user.LanguageSkillCodes = JsonValueReader.ReadStringArray(ref value, name); return true;
            case "autoAnswer": user.AutoAnswer = JsonValueReader.ReadNullableInt32(ref value, name); return true;
            case "phoneMode": user.PhoneMode = JsonValueReader.ReadString(ref value, name); return true;
            case "avatarUrl": user.AvatarUrl = JsonValueReader.ReadString(ref value, name); return true;
            case "telegramNotificationsEnabled": user.TelegramNotificationsEnabled = JsonValueReader.ReadNullableBoolean(ref value, name); return true;
            case "telegramChatId": user.TelegramChatId = JsonValueReader.ReadString(ref value, name); return true;
            case "telegramNotificationsType": user.TelegramNotificationsType = JsonValueReader.ReadString(ref value, name); return true;
            case "emailNotificationsEnabled": user.EmailNotificationsEnabled = JsonValueReader.ReadNullableBoolean(ref value, name); return true;
            case "emailNotificationsType": user.EmailNotificationsType = JsonValueReader.ReadString(ref value, name); return true;
            case "lastLoginAt": user.LastLoginAt = JsonValueReader.ReadDateTimeOffset(ref value, name); return true;
            case "lastActivityAt": user.LastActivityAt = JsonValueReader.ReadDateTimeOffset(ref value, name); return true;
            case "createdAt": user.CreatedAt = JsonValueReader.ReadDateTimeOffset(ref value, name); return true;
            default: return false;
        }
    }
}
