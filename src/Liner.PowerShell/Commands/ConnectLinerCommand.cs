using System;
using System.Management.Automation;
using System.Security;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Connects to a Liner account: checks host and key with one request, then makes the connection the
/// session default. Never prompts: what is not given comes from LINER_API_HOST and LINER_API_KEY.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Liner", DefaultParameterSetName = ApiKeySet)]
[OutputType(typeof(LinerConnection))]
public sealed class ConnectLinerCommand : LinerCmdlet
{
    private const string ApiKeySet = "ApiKey";
    private const string CredentialSet = "Credential";

    internal const string HostVariable = "LINER_API_HOST";
    internal const string KeyVariable = "LINER_API_KEY";

    #region Parameters

    /// <summary>The Liner API host, or a full https:// URI with port and path prefix.</summary>
    [Parameter(Position = 0)]
    [ValidateApiHost]
    public string? ApiHost { get; set; }

    /// <summary>The integration's API key.</summary>
    [Parameter(Position = 1, ParameterSetName = ApiKeySet)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    /// <summary>
    /// A credential whose password is the API key; the user name is not used. No [Credential]
    /// attribute: it would prompt when given a string, and this cmdlet never prompts.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 15;

    [Parameter]
    [ValidateRange(0, 10)]
    public int MaximumRetryCount { get; set; } = 3;

    [Parameter]
    public SwitchParameter SkipValidation { get; set; }

    [Parameter]
    public SwitchParameter AllowUnencryptedConnection { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>A proxy to use instead of the platform's: http://host:port (host:port means http://).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Proxy { get; set; }

    /// <summary>The user name and password the proxy asks for (407); not prompted for.</summary>
    [Parameter]
    [ValidateNotNull]
    public PSCredential? ProxyCredential { get; set; }

    /// <summary>Gives the proxy this account's default (Windows) credentials.</summary>
    [Parameter]
    public SwitchParameter ProxyUseDefaultCredentials { get; set; }

    /// <summary>Goes straight to the API host, whatever proxy the platform configures.</summary>
    [Parameter]
    public SwitchParameter NoProxy { get; set; }

    #endregion

    protected override void End()
    {
        var host = string.IsNullOrWhiteSpace(ApiHost) ? Environment.GetEnvironmentVariable(HostVariable) : ApiHost;
        var key = Credential?.Password ?? ApiKey ?? KeyFromEnvironment();
        ThrowIfMissing(host, key);

        Uri baseUri;
        try
        {
            baseUri = ApiHostParser.Parse(host, AllowUnencryptedConnection.IsPresent);
        }
        catch (ArgumentException error)
        {
            Fail(error, LinerErrorIds.InvalidApiHost, ErrorCategory.InvalidArgument, host, "Use an https:// host, or add -AllowUnencryptedConnection on a trusted network.");
            return;
        }
        if (key!.Length == 0)
        {
            Fail(
                new ArgumentException("The API key is empty. Give the key of a Liner integration with -ApiKey, -Credential or LINER_API_KEY."),
                LinerErrorIds.MissingApiKey,
                ErrorCategory.InvalidArgument,
                null,
                $"Copy the key of the integration from Liner's web interface, and pass it with -ApiKey (a SecureString) or set {KeyVariable}.");
        }

        ProxySettings proxy;
        try
        {
            proxy = ProxySettings.Create(Proxy, ProxyCredential?.UserName, ProxyCredential?.Password, ProxyUseDefaultCredentials, NoProxy);
        }
        catch (ArgumentException error)
        {
            // No target object: the address as typed may hold a password.
            Fail(error, LinerErrorIds.InvalidProxy, ErrorCategory.InvalidArgument, null, "Give -Proxy as http://host:port, with at most one of -ProxyCredential and -ProxyUseDefaultCredentials; -NoProxy alone.");
            return;
        }

        var connection = new LinerConnection(baseUri, key, TimeoutSec, MaximumRetryCount, proxy);
        WriteVerbose(connection.Proxy is null
            ? $"Requests to {connection.ApiHost} go straight to it ({(NoProxy ? "-NoProxy" : "the platform configures no proxy for it")})."
            : $"Requests to {connection.ApiHost} go through the proxy {connection.Proxy}{(Proxy is null ? " (the platform's proxy settings)" : string.Empty)}.");
        if (!SkipValidation)
        {
            try
            {
                Client(connection).Probe();
            }
            catch (LinerApiException error)
            {
                // A connection that failed its check is never registered; the previous default stays.
                connection.Dispose();
                Fail(error.ToErrorRecord(connection.ApiHost));
            }
            catch
            {
                connection.Dispose();
                throw;
            }
            WriteVerbose($"Connected to {connection.ApiHost}.");
        }

        LinerSession.SetDefault(connection);
        if (PassThru)
        {
            WriteObject(connection);
        }
    }

    private static SecureString? KeyFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var key = new SecureString();
        foreach (var c in text!.Trim())
        {
            key.AppendChar(c);
        }
        key.MakeReadOnly();
        return key;
    }

    private void ThrowIfMissing(string? host, SecureString? key)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            Fail(
                new ArgumentException($"No Liner API host was given. Use -ApiHost, or set the environment variable {HostVariable}."),
                LinerErrorIds.MissingApiHost,
                ErrorCategory.InvalidArgument,
                null,
                $"Connect-Liner -ApiHost liner.example.com -ApiKey $key, or set {HostVariable} and {KeyVariable} for runbooks and scheduled tasks.");
        }
        if (key is null)
        {
            Fail(
                new ArgumentException($"No Liner API key was given. Use -ApiKey or -Credential, or set the environment variable {KeyVariable}."),
                LinerErrorIds.MissingApiKey,
                ErrorCategory.InvalidArgument,
                null,
                $"Pass the integration's key as a SecureString with -ApiKey, or set {KeyVariable} for runbooks and scheduled tasks.");
        }
    }
}
