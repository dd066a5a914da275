using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents;
using RallyNov.Contents.Admin;
using RallyNov.Core.Content;
using RallyNov.Core.Security;

namespace RallyNov.Modules.Tests.Contents;

public sealed class ContentAuthorizationTests
{
    private static readonly ClaimsPrincipal Marie = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "marie")], "test"));

    [Theory]
    [InlineData("marie", ContentAction.Edit, Permissions.EditOwnContent)]
    [InlineData("paul", ContentAction.Edit, Permissions.EditContent)]
    [InlineData("marie", ContentAction.Publish, Permissions.PublishOwnContent)]
    [InlineData("paul", ContentAction.Publish, Permissions.PublishContent)]
    [InlineData("marie", ContentAction.Delete, Permissions.DeleteOwnContent)]
    [InlineData(null, ContentAction.Delete, Permissions.DeleteContent)]
    public async Task Owners_are_asked_for_the_own_permission_others_for_the_broad_one(string? owner, ContentAction action, string expected)
    {
        var recorder = new RecordingAuthorization();
        var item = new ContentItem { ContentItemId = "x", ContentType = "Page", Owner = owner };

        await Create(recorder).CanAsync(Marie, item, action);

        Assert.Equal(expected, recorder.Asked);
    }

    [Fact]
    public async Task An_anonymous_user_never_counts_as_owner()
    {
        var recorder = new RecordingAuthorization();
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        await Create(recorder).CanAsync(anonymous, new ContentItem { Owner = "" }, ContentAction.Edit);

        Assert.Equal(Permissions.EditContent, recorder.Asked);
    }

    // Through the module's own registration: the service is internal to the module.
    private static IContentAuthorization Create(IAuthorizationService authorization)
    {
        var services = new ServiceCollection();
        new ContentsModule().ConfigureServices(services);
        services.AddSingleton(authorization);
        return services.BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<IContentAuthorization>();
    }

    private sealed class RecordingAuthorization : IAuthorizationService
    {
        public string? Asked { get; private set; }

        public Task<AuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, object? resource, IEnumerable<IAuthorizationRequirement> requirements)
        {
            Asked = requirements.OfType<PermissionRequirement>().Single().Permission;
            return Task.FromResult(AuthorizationResult.Success());
        }

        public Task<AuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, object? resource, string policyName) => throw new NotSupportedException();
    }
}
