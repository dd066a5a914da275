using RallyNov.Core.Tenants;

namespace RallyNov.Modules.Tests.Users;

/// <summary>Tenant contexts and accessors for unit tests, without the host.</summary>
internal static class TestTenants
{
    public static TenantContext Context(string name, string prefix) =>
        new(new TenantSettings { Name = name, UrlPrefix = prefix.TrimStart('/'), State = TenantState.Running }, new TenantPaths(Path.GetTempPath(), name), prefix);

    public static ITenantAccessor Accessor(TenantContext? tenant) => new FixedTenantAccessor(tenant);

    private sealed class FixedTenantAccessor(TenantContext? tenant) : ITenantAccessor
    {
        public TenantContext? Current => tenant;

        public TenantContext Required => tenant ?? throw new InvalidOperationException("No tenant.");

        public void Set(TenantContext context) => throw new NotSupportedException();
    }
}
