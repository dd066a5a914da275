using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Web;

namespace RallyNov.Core.Tests.Web;

/// <summary>A module's minimal POST under /admin needs the antiforgery token, like every MVC action.</summary>
public sealed class AdminAntiforgeryTests
{
    [Fact]
    public async Task Admin_writes_need_a_token_other_endpoints_are_left_alone()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAntiforgery();
        await using var app = builder.Build();
        app.UseRouting();
        app.UseAntiforgery();
        var group = app.MapGroup("");
        AdminAntiforgery.RequireForAdminWrites(group);
        group.MapPost("/admin/ping", () => "admin");
        group.MapGet("/admin/state", () => "state");
        group.MapPost("/api/ping", () => "api");
        group.MapGet("/token", (IAntiforgery antiforgery, HttpContext context) => antiforgery.GetAndStoreTokens(context).RequestToken!);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        using var forged = await client.PostAsync("/admin/ping", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("state", await client.GetStringAsync("/admin/state"));
        using var api = await client.PostAsync("/api/ping", new StringContent(""));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);

        // With the token (cookie + form field) the same post goes through.
        using var tokenResponse = await client.GetAsync("/token");
        var token = await tokenResponse.Content.ReadAsStringAsync();
        var cookie = tokenResponse.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/ping")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", cookie);
        using var signed = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal("admin", await signed.Content.ReadAsStringAsync());
        await app.StopAsync();
    }
}
