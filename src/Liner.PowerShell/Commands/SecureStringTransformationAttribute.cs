using System;
using System.Management.Automation;
using System.Security;

namespace Liner.PowerShell.Commands;

/// <summary>
/// Refuses a plain string for -ApiKey with a message that does not repeat it. PowerShell's own
/// conversion error would quote the string, putting the key into $Error and any transcript.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            null => null,
            SecureString secure => secure,
            _ => throw new ArgumentTransformationMetadataException(
                $"-ApiKey takes a SecureString, not a {value.GetType().Name}; the value was not shown. Use Read-Host -AsSecureString, Import-Clixml, Get-Secret, or -Credential, or leave it out and set LINER_API_KEY."),
        };
    }
}
