@{ RootModule = "Veo.PowerShell.dll" }
