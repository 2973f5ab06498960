using System.Runtime.InteropServices;
using System.Security;

namespace Veo.PowerShell.Hosting;

internal static class SecureStrings
{
    /// <summary>The plain text, held only as long as the caller holds it; the unmanaged copy is zeroed at once.</summary>
    public static string Reveal(SecureString secure)
    {
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
        try
        {
            return Marshal.PtrToStringUni(pointer) ?? "";
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }
}
