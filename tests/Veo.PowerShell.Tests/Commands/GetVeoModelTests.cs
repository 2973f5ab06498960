using System.Management.Automation;
using Veo.Core.Models;
using Veo.Core.Tests.Support;
using Veo.PowerShell.Tests.Harness;

namespace Veo.PowerShell.Tests.Commands;

/// <summary>Get-VeoModel, models.json declared through its rows, lifecycles and ModelUnavailable as a user meets them.</summary>
public class GetVeoModelTests : PowerShellTest
{
    private string ModelsJson => Home.PathOf("models.json");

    [Fact]
    public void Rows_are_filtered_by_route_family_and_status()
    {
        var lite = Run("Get-VeoModel -Route Google -Family Lite").Output.Select(o => o.BaseObject).Cast<ModelEntry>().ToList();

        Assert.Equal("veo-3.1-lite-generate-preview", Assert.Single(lite).Id);
        // The Gemini API's Veo ids, shut down there on 2026-10-22, are the catalog's only shut-down models.
        Assert.Equal(["veo-3.1-fast-generate-preview", "veo-3.1-generate-preview", "veo-3.1-lite-generate-preview"],
            Run("Get-VeoModel -Status ShutDown").Output.Select(o => o.BaseObject).Cast<ModelEntry>().Select(m => m.Id));
        Assert.Equal(13, Run("Get-VeoModel -Route *").Output.Count);
        Assert.Contains("There is no route named 'Nope'", Assert.Single(Run("Get-VeoModel -Route Nope").Errors).Exception.Message);
    }

    [Fact]
    public void The_table_shows_each_model_with_its_unit_price_from_the_price_book()
    {
        var table = string.Join("\n", Run("Get-VeoModel -Route LaoZhang | Out-String -Width 200").Output);

        // The family is left to Format-List, so a route's row fits a 120-column console with its price.
        Assert.Contains("veo-3.1-fast-generate-preview *", table);
        Assert.DoesNotContain("Family", table);
        Assert.Contains("$0.30/call", table);
        Assert.Contains("T2V,I2V,FLF,Ref3", table);
    }

    [Theory]
    [InlineData("Google")]
    [InlineData("Vertex")]
    [InlineData("LaoZhang")]
    [InlineData("Crazyrouter")]
    public void Every_row_of_a_route_shows_its_whole_price_in_a_120_column_console(string route)
    {
        var lines = string.Join("\n", Run($"Get-VeoModel -Route {route} | Out-String -Width 120").Output).Split('\n');
        var models = Run($"Get-VeoModel -Route {route}").Output.Select(o => (ModelEntry)o.BaseObject).ToList();

        Assert.NotEmpty(models);
        foreach (var model in models)
        {
            var line = Assert.Single(lines, l => l.StartsWith(model.Id + " ", StringComparison.Ordinal));
            var price = Run($"[Veo.PowerShell.Commands.ModelPrices]::UnitPrice((Get-VeoModel -Route {route} | Where-Object Id -eq '{model.Id}'))").Output.Single().ToString();
            // Cut short, the column ends in '…' (the Google route's "from $0.0304/s" showed as "…304/s" before).
            Assert.EndsWith(" " + price, line.TrimEnd());
            Assert.True(line.TrimEnd().Length <= 120, line);
        }
        Assert.Contains(lines, l => l.StartsWith(models.Single(m => m.Default).Id + " *", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_given_another_route_and_id_and_saved_with_ConvertTo_Json_declares_a_model_a_registered_gateway_serves()
    {
        var result = Run($"""
            Register-VeoRoute -Name MyGateway -Dialect UnifiedVideo -BaseUri '{Emulator.BaseUri}' -KeyVariable MYGW_KEY | Out-Null
            $entry = Get-VeoModel -Route Crazyrouter -Family Fast
            $entry.Route = 'MyGateway'; $entry.Id = 'veo-3.1-fast'
            $json = $entry | ConvertTo-Json -Depth 5 -AsArray
            $json = $json -replace '"Durations": \[[^\]]*\]', '"Durations": [8]'
            $json | Set-Content '{ModelsJson}'
            Write-Information ($json -match '"Status": "Live"' -and $json -match '"Audio": "Always"' -and $json -match '"TextToVideo"')
            $entry.Durations[0] = 5
            Get-VeoModel -Route MyGateway
            $shipped = Get-VeoModel -Route Crazyrouter -Family Fast
            Write-Warning ($shipped.Id + ' ' + ($shipped.Durations -join ','))
            New-VeoVideo 'A harbour' -Route MyGateway -Model veo-3.1-fast -Duration 4 -ApiKey (ConvertTo-SecureString {TestHome.Key} -AsPlainText -Force)
            """);

        var row = (ModelEntry)Assert.Single(result.Output).BaseObject;
        Assert.Equal(("MyGateway", "veo-3.1-fast"), (row.Route, row.Id));
        Assert.Equal([8], row.Durations);
        Assert.Contains("use -Duration 8", Assert.Single(result.Errors).Exception.Message);
        // The row was the user's to change: the catalog's own entry is as it was.
        Assert.Equal("veo-3.1-fast 4,6,8", Assert.Single(result.Warnings).Message);
        // The file a person reads: enums by name, as the catalog's own file writes them.
        Assert.Equal("True", Assert.Single(result.Information).MessageData.ToString());
        Assert.Equal(0, CreateCalls);
    }

    [Fact]
    public void A_bad_models_json_stops_the_command_naming_the_file_the_entry_and_the_field()
    {
        File.WriteAllText(ModelsJson, """[{ "Route": "Google", "Id": "veo-x", "Family": "veo-x", "Modes": ["TextToVideo"], "Durations": [8], "Resolutions": ["720p"], "AspectRatios": ["16:9"], "Audio": "Loud", "Source": "s", "AsOf": "2026-12-01" }]""");

        var result = Run("New-VeoVideo 'A harbour' -WhatIf");

        var record = result.Terminating is RuntimeException runtime ? runtime.ErrorRecord : Assert.Single(result.Errors);
        Assert.StartsWith("InvalidModelCatalog", record.FullyQualifiedErrorId);
        Assert.Contains($"Model catalog '{ModelsJson}', entry 1: (Google veo-x) 'Audio' holds the text \"Loud\"", record.Exception.Message);
        Assert.Equal(0, CreateCalls);
    }

    [Fact]
    public void A_shut_down_model_is_refused_before_any_call_and_a_deprecated_one_warns_once_a_session()
    {
        File.WriteAllText(ModelsJson, """
            [{ "Route": "LaoZhang", "Id": "veo-3.1-generate-preview", "Family": "veo-3.1", "Status": "ShutDown", "ShutDownOn": "2026-11-20",
               "Replacement": "veo-3.1-fast-generate-preview", "Modes": ["TextToVideo"], "Durations": [8], "Resolutions": ["720p"],
               "AspectRatios": ["16:9"], "Audio": "Always", "Source": "LaoZhang notice", "AsOf": "2026-11-01" },
             { "Route": "LaoZhang", "Id": "veo-3.1-fast-generate-preview", "Family": "veo-3.1-fast", "Default": true, "Status": "Deprecated",
               "DeprecatedOn": "2026-11-01", "Modes": ["TextToVideo"], "Durations": [4, 6, 8], "Resolutions": ["720p"], "AspectRatios": ["16:9"],
               "Audio": "Always", "Source": "LaoZhang notice", "AsOf": "2026-11-01" }]
            """);

        var shutDown = Run("New-VeoVideo 'A harbour' -Model Standard -WhatIf");
        var deprecated = Run("'One', 'Two' | New-VeoVideo -Model Fast -WhatIf; New-VeoVideo 'Three' -WhatIf");

        var refusal = Assert.Single(shutDown.Errors);
        Assert.StartsWith("ModelUnavailable", refusal.FullyQualifiedErrorId);
        Assert.Equal("Model veo-3.1-generate-preview on route LaoZhang was shut down on 2026-11-20 (source: LaoZhang notice). " +
            "Use -Model veo-3.1-fast-generate-preview instead. Nothing was sent.", refusal.Exception.Message);
        Assert.Equal("Use -Model veo-3.1-fast-generate-preview.", refusal.ErrorDetails.RecommendedAction);
        Assert.Empty(deprecated.Errors);
        Assert.Equal("Model veo-3.1-fast-generate-preview on route LaoZhang is deprecated since 2026-11-01 (source: LaoZhang notice).",
            Assert.Single(deprecated.Warnings).Message);
        Assert.Equal(0, CreateCalls);
    }

    [Fact]
    public void A_model_the_service_retired_is_ModelUnavailable_sent_once_and_journaled_as_refused()
    {
        Emulator.Emulator.Faults.Add(new Veo.Emulator.Fault(Veo.Emulator.FaultKind.ModelRetired) { Model = "veo-3.1-fast-generate-preview" });

        var result = Run("New-VeoVideo 'A harbour' -Model Fast");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ModelUnavailable", error.FullyQualifiedErrorId);
        Assert.Contains("LaoZhang does not serve model veo-3.1-fast-generate-preview (it answered 503 model_not_found: No available channel", error.Exception.Message);
        Assert.Equal(1, CreateCalls);
        Assert.DoesNotContain(Home.Journal.ReadAll(), e => e.Event == Core.Tasks.JournalEntry.Created);
    }

    [Fact]
    public void Live_lists_what_the_route_serves_beside_the_catalog()
    {
        Emulator.Emulator.Faults.Add(new Veo.Emulator.Fault(Veo.Emulator.FaultKind.ModelRetired) { Model = "veo-3.1-generate-preview" });

        var rows = Run("Get-VeoModel -Route LaoZhang -Live").Output.Select(o => (ModelListing)o.BaseObject).ToList();

        var gone = Assert.Single(rows, r => r.Id == "veo-3.1-generate-preview");
        Assert.False(gone.Listed);
        Assert.True(gone.InCatalog);
        Assert.Contains(rows, r => r.Id == "veo-3.1-fast-generate-preview" && r.Listed && r.InCatalog);
        Assert.Contains("documents no list", Assert.Single(Run("Get-VeoModel -Route Vertex -Live").Warnings).Message);
    }

    [Fact]
    public void Get_VeoPrice_takes_the_lengths_and_resolutions_a_declared_model_makes()
    {
        File.WriteAllText(ModelsJson, """
            [{ "Route": "Google", "Id": "omni-ish-flash", "Family": "omni-ish", "Modes": ["TextToVideo"], "Durations": [3, 10, 15],
               "Resolutions": ["360p", "1080p"], "AspectRatios": ["16:9"], "Audio": "Always", "Source": "s", "AsOf": "2026-12-01" }]
            """);
        File.WriteAllText(Home.PathOf("prices.json"),
            """[{ "route": "Google", "model": "omni-ish", "billing": "PerSecond", "price": 0.05, "source": "s", "asOf": "2026-12-01" }]""");

        var rows = Run("Get-VeoPrice -Route Google -Model omni-ish -Duration 10").Objects<Core.Pricing.PriceQuote>();
        var refused = Run("Get-VeoPrice -Route Google -Model omni-ish -Duration 8");

        Assert.Equal([("360p", 0.50m), ("1080p", 0.50m)], rows.Select(r => (r.Resolution, r.Cost)));
        Assert.Contains("-Duration 8 is not a length these models make: 3, 10, 15 seconds", Assert.Single(refused.AllErrorRecords()).Exception.Message);
    }

    [Fact]
    public void Completion_offers_the_catalog_s_values_for_the_model_being_typed()
    {
        File.WriteAllText(ModelsJson, """
            [{ "Route": "LaoZhang", "Id": "veo-3.1-generate-preview", "Family": "veo-3.1", "Status": "ShutDown", "ShutDownOn": "2026-11-20",
               "Modes": ["TextToVideo"], "Durations": [8], "Resolutions": ["720p"], "AspectRatios": ["16:9"], "Audio": "Always", "Source": "s", "AsOf": "2026-11-01" },
             { "Route": "LaoZhang", "Id": "veo-3.1-omni-ish", "Family": "omni-ish", "Modes": ["TextToVideo"], "Durations": [3, 4, 5, 10, 15],
               "Resolutions": ["360p", "720p"], "AspectRatios": ["16:9"], "Audio": "Always", "Source": "s", "AsOf": "2026-11-01" }]
            """);
        IReadOnlyList<string> Complete(string line) =>
            Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText", ("line", line)).Output.Select(o => o.ToString()).ToList();

        Assert.Equal(["Fast", "veo-3.1-fast-generate-preview", "veo-3.1-omni-ish"], Complete("New-VeoVideo -Route LaoZhang -Model "));
        Assert.Equal(["3", "4", "5", "10", "15"], Complete("New-VeoVideo -Route LaoZhang -Model veo-3.1-omni-ish -Duration "));
        Assert.Equal(["360p", "720p"], Complete("New-VeoVideo -Route LaoZhang -Model veo-3.1-omni-ish -Resolution "));
        Assert.Equal(["Omni", "Fast", "Standard", "Lite", "veo-3.1-fast", "veo-3.1", "omni-ish", "gemini-omni-flash", "veo-3.1-lite"], Complete("Get-VeoModel -Family "));
    }
}
