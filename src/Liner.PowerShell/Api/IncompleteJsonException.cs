using System;

namespace Liner.PowerShell.Api;

/// <summary>
/// The buffer ended inside a JSON value that is being mapped: the parser rolls back to the value's
/// start and maps it again once more bytes have arrived. Thrown at most about once per buffer.
/// </summary>
internal sealed class IncompleteJsonException : Exception
{
    public IncompleteJsonException()
        : base("The JSON value continues beyond the bytes received so far.")
    {
    }
}
