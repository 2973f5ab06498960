namespace Veo.PowerShell; internal static class Placeholder { }
