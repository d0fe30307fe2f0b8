using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kessan.Console.Core.Logs;
using Kessan.Console.Features.Auth;
using Kessan.Console.Features.Logs;
using Kessan.Console.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace Kessan.Console.Tests.Logs;

/// <summary>Saved queries are shared by everyone; saving and deleting need the Operator role, checked on the server.
/// Each test uses its own query names on the shared console.</summary>
[Collection(AlertConsoleCollection.Name)]
public sealed class SavedQueryTests(AlertConsole console)
{
    private SavedQueryStore Store => console.Services.GetRequiredService<SavedQueryStore>();

    [Fact]
    public async Task The_seed_queries_come_first_in_the_guides_order()
    {
        var listed = await Store.ListAsync(CancellationToken.None);

        Assert.Equal(SeedQueries.All, listed.Take(4).Select(entry => entry.Query));
        Assert.All(listed.Take(4), entry => Assert.True(entry.IsSeed));
    }

    [Fact]
    public async Task An_operators_saved_query_is_listed_for_a_viewer_with_who_saved_it()
    {
        using var alice = await console.CreateClientSignedInAsync(TestUsers.Alice);
        using var viewer = await console.CreateClientSignedInAsync(TestUsers.Viewer);

        using var saved = await alice.PostAsJsonAsync(LogsEndpoints.QueriesPath, new { name = "Slow logins", query = "filter path = '/login' | sort response_time_ms desc" });
        var listed = await viewer.GetFromJsonAsync<JsonElement>(LogsEndpoints.QueriesPath);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var entry = Assert.Single(listed.EnumerateArray(), e => e.GetProperty("query").GetProperty("name").GetString() == "Slow logins");
        Assert.Equal("filter path = '/login' | sort response_time_ms desc", entry.GetProperty("query").GetProperty("queryString").GetString());
        Assert.Equal("alice", entry.GetProperty("savedBy").GetString());
    }

    [Fact]
    public async Task A_viewers_forged_save_is_refused_and_nothing_is_stored()
    {
        using var viewer = await console.CreateClientSignedInAsync(TestUsers.Viewer);

        using var response = await viewer.PostAsJsonAsync(LogsEndpoints.QueriesPath, new { name = "Forged by a viewer", query = "fields @message" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(await Store.ListAsync(CancellationToken.None), entry => entry.Query.Name == "Forged by a viewer");
    }

    [Fact]
    public async Task A_save_called_for_a_viewer_from_the_page_is_refused_by_the_store()
    {
        var viewer = ConsolePrincipal.Create(TestUsers.Viewer.Name, [KessanRoles.Viewer], "test");

        var result = await Store.SaveAsync(viewer, "Viewer from a page", "fields @message", null, CancellationToken.None);

        Assert.IsType<SavedQueryResult.NotPermitted>(result);
        Assert.DoesNotContain(await Store.ListAsync(CancellationToken.None), entry => entry.Query.Name == "Viewer from a page");
    }

    [Fact]
    public async Task A_viewers_forged_delete_is_refused_and_the_query_stays()
    {
        var saved = await SaveAsAliceAsync("Kept despite a viewer", "fields @message");
        using var viewer = await console.CreateClientSignedInAsync(TestUsers.Viewer);

        using var response = await viewer.DeleteAsync($"{LogsEndpoints.QueriesPath}/{saved.Query.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(await Store.ListAsync(CancellationToken.None), entry => entry.Query.Id == saved.Query.Id);
    }

    [Fact]
    public async Task An_operator_deletes_a_saved_query_for_everyone()
    {
        var saved = await SaveAsAliceAsync("Deleted by an operator", "fields @message");
        using var alice = await console.CreateClientSignedInAsync(TestUsers.Alice);

        using var response = await alice.DeleteAsync($"{LogsEndpoints.QueriesPath}/{saved.Query.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(await Store.ListAsync(CancellationToken.None), entry => entry.Query.Id == saved.Query.Id);
    }

    [Fact]
    public async Task Saving_under_a_taken_name_replaces_the_query()
    {
        await SaveAsAliceAsync("Replaced on save", "fields @message");

        await SaveAsAliceAsync("Replaced on save", "fields @timestamp");

        var entry = Assert.Single(await Store.ListAsync(CancellationToken.None), e => e.Query.Name == "Replaced on save");
        Assert.Equal("fields @timestamp", entry.Query.QueryString);
    }

    [Fact]
    public async Task A_seed_query_cannot_be_deleted()
    {
        var alice = ConsolePrincipal.Create(TestUsers.Alice.Name, [KessanRoles.Viewer, KessanRoles.Operator], "test");

        var result = await Store.DeleteAsync(alice, SeedQueries.Errors.Id, CancellationToken.None);

        Assert.Contains("cannot be deleted", Assert.IsType<SavedQueryResult.Invalid>(result).Message);
    }

    [Fact]
    public async Task A_query_without_a_name_is_refused_with_the_reason()
    {
        using var alice = await console.CreateClientSignedInAsync(TestUsers.Alice);

        using var response = await alice.PostAsJsonAsync(LogsEndpoints.QueriesPath, new { name = " ", query = "fields @message" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The name is empty", await response.Content.ReadAsStringAsync());
    }

    private async Task<SavedQueryEntry> SaveAsAliceAsync(string name, string query)
    {
        var alice = ConsolePrincipal.Create(TestUsers.Alice.Name, [KessanRoles.Viewer, KessanRoles.Operator], "test");
        return Assert.IsType<SavedQueryResult.Saved>(await Store.SaveAsync(alice, name, query, null, CancellationToken.None)).Entry;
    }
}
