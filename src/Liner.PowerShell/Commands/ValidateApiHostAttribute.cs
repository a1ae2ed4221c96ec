using System;
using System.Management.Automation;
using Liner.PowerShell.Api;

namespace Liner.PowerShell.Commands;

/// <summary>Rejects an -ApiHost that can never be a Liner API address while the parameter is bound.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateApiHostAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        // http:// to a remote host depends on -AllowUnencryptedConnection, so Connect-Liner checks that itself.
        try
        {
            ApiHostParser.Parse(arguments as string, allowUnencrypted: true);
        }
        catch (ArgumentException error)
        {
            throw new ValidationMetadataException(error.Message);
        }
    }
}
