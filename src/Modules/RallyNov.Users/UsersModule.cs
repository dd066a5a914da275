using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Accounts;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Modules;
using RallyNov.Core.Security;
using RallyNov.Users.Authentication;
using RallyNov.Users.CommandLine;
using RallyNov.Users.Data;
using RallyNov.Users.Recipes;
using RallyNov.Users.Security;
using RallyNov.Users.Services;
using RallyNov.Users.Setup;

namespace RallyNov.Users;

/// <summary>Sign-in, users, roles and permissions (ASP.NET Core Identity in each tenant's database).</summary>
public sealed class UsersModule : ModuleBase
{
    public const string ModuleId = "RallyNov.Users";

    public override string Id => ModuleId;

    public override string DisplayName => "Utilisateurs";

    public override bool AlwaysEnabled => true;

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped(sp => UsersDbContextFactory.Create(sp.GetRequiredService<RallyNovDbContext>()));

        services.AddIdentityCore<RallyNovUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<UsersDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<TenantClaimsPrincipalFactory>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, ConfigureCookie);

        // TenantCookieEvents re-reads the user on every authenticated request: a disabled account,
        // a reset password or a changed role counts at once. Back-office users are few; visitors
        // have no cookie and pay nothing.
        services.AddScoped<TenantCookieEvents>();

        services.AddAuthorization();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddOptions<MvcOptions>().Configure(o => o.Conventions.Add(new AdminAreaAuthorizationConvention()));

        services.AddSingleton<ISignInThrottle, SignInThrottle>();
        services.AddScoped<IRolePermissionService, RolePermissionService>();
        services.AddScoped<IUserAdministration, UserAdministration>();

        // Invitations and password links: single-use, expiring, stored (hashed) in the tenant's database.
        services.AddOptions<AccountLinkOptions>().BindConfiguration(AccountLinkOptions.Section);
        services.AddScoped<AccountTokenStore>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<IPasswordLinks, PasswordLinks>();
        services.AddScoped<IAccountInvitations, AccountInvitations>();
        services.AddScoped<ITenantMigration, UsersSchemaMigration>();
        services.AddScoped<UsersSetupHandler>();
        services.AddScoped<ITenantSetupHandler>(sp => sp.GetRequiredService<UsersSetupHandler>());
        services.AddScoped<ITenantSetupValidator, UsersSetupValidator>();
        services.AddRecipeStep<UsersStep>();
        services.AddSingleton<ICommandLineVerb, UsersVerb>();
    }

    public override void BuildAdminMenu(AdminMenuBuilder menu)
    {
        menu.Add("Utilisateurs", "/admin/users", position: 90, permission: Permissions.ManageUsers);
        menu.Add("Rôles", "/admin/roles", position: 91, permission: Permissions.ManageUsers);
    }

    private static void ConfigureIdentity(IdentityOptions o)
    {
        o.Password.RequiredLength = 10;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 5;
        o.Lockout.AllowedForNewUsers = true;
        // Five failures block one address for one account (SignInThrottle); the account itself
        // locks only after attempts from many addresses.
        o.Lockout.MaxFailedAccessAttempts = SignInThrottle.AccountLockoutFailures;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedAccount = false;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        // Paths are relative to the tenant: the handler prefixes the request's PathBase ("/bourgogne").
        o.LoginPath = "/admin/login";
        o.LogoutPath = "/admin/logout";
        o.AccessDeniedPath = "/erreur/403";
        o.ReturnUrlParameter = "returnUrl";
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.CookieManager = new TenantCookieManager();
        o.EventsType = typeof(TenantCookieEvents);
    }
}
