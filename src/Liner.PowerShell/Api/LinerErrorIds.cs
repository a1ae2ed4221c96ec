namespace Liner.PowerShell.Api;

/// <summary>
/// The stable first part of every FullyQualifiedErrorId the module writes. Scripts match on these,
/// the README lists them: never rename one.
/// </summary>
public static class LinerErrorIds
{
    public const string NotConnected = "LinerNotConnected";
    public const string ConnectionClosed = "LinerConnectionClosed";
    public const string MissingApiHost = "LinerMissingApiHost";
    public const string MissingApiKey = "LinerMissingApiKey";
    public const string InvalidApiHost = "LinerInvalidApiHost";
    public const string AuthenticationFailed = "LinerAuthenticationFailed";
    public const string ApiError = "LinerApiError";
    public const string HttpError = "LinerHttpError";
    public const string Timeout = "LinerTimeout";
    public const string NetworkError = "LinerNetworkError";
    public const string TlsError = "LinerTlsError";
    public const string ProxyAuthenticationRequired = "LinerProxyAuthenticationRequired";
    public const string InvalidProxy = "LinerInvalidProxy";
    public const string InvalidResponse = "LinerInvalidResponse";
    public const string RedirectRefused = "LinerRedirectRefused";
    public const string VirtualNumberNotFound = "LinerVirtualNumberNotFound";
    public const string OrderNotFound = "LinerOrderNotFound";
    public const string UserNotFound = "LinerUserNotFound";
    public const string CallNotFound = "LinerCallNotFound";
    public const string CallRecordNotFound = "LinerCallRecordNotFound";
    public const string DownloadFailed = "LinerDownloadFailed";
    public const string DestinationUnavailable = "LinerDestinationUnavailable";
    public const string LeadNotFound = "LinerLeadNotFound";
    public const string LeadNotCreated = "LinerLeadNotCreated";
    public const string LeadMayExist = "LinerLeadMayExist";
    public const string LeadNotUpdated = "LinerLeadNotUpdated";
    public const string UnknownLeadStatus = "LinerUnknownLeadStatus";
    public const string UnknownCustomField = "LinerUnknownCustomField";
    public const string OrderNotCreated = "LinerOrderNotCreated";
    public const string OrderMayExist = "LinerOrderMayExist";
    public const string OrderNotUpdated = "LinerOrderNotUpdated";
    public const string OrderNumbersNotChanged = "LinerOrderNumbersNotChanged";
    public const string AgentGroupNotFound = "LinerAgentGroupNotFound";
    public const string AgentGroupNotCreated = "LinerAgentGroupNotCreated";
    public const string AgentGroupMayExist = "LinerAgentGroupMayExist";
    public const string AgentGroupNotUpdated = "LinerAgentGroupNotUpdated";
    public const string CallAttemptGroupNotFound = "LinerCallAttemptGroupNotFound";
    public const string CallAttemptGroupNotCreated = "LinerCallAttemptGroupNotCreated";
    public const string CallAttemptGroupMayExist = "LinerCallAttemptGroupMayExist";
    public const string CallAttemptGroupNotUpdated = "LinerCallAttemptGroupNotUpdated";
    public const string UnexpectedInput = "LinerUnexpectedInput";
}
