using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using RallyNov.Core.Security;

namespace RallyNov.Users.Authentication;

/// <summary>
/// Secure by default: every action of a controller in the "Admin" area (the back office, under
/// /admin) needs a signed-in user allowed into the back office, unless it says [AllowAnonymous]
/// (the login page). Actions add their own, narrower [RequirePermission] on top.
/// </summary>
internal sealed class AdminAreaAuthorizationConvention : IControllerModelConvention
{
    public const string Area = "Admin";

    public void Apply(ControllerModel controller)
    {
        if (!controller.RouteValues.TryGetValue("area", out var area) || !string.Equals(area, Area, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        foreach (var action in controller.Actions)
        {
            foreach (var selector in action.Selectors)
            {
                selector.EndpointMetadata.Add(new AuthorizeAttribute(PermissionPolicy.For(Permissions.ViewContent)));
            }
        }
    }
}
