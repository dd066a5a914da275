using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using RallyNov.Core.Hosting;

namespace RallyNov.Core.Web;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto, trusted from loopback and from the proxies and networks
/// of RallyNov:ReverseProxy only. X-Forwarded-Host is not read: the proxy passes the Host header,
/// which <see cref="HostValidationMiddleware"/> checks.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static ForwardedHeadersOptions Options(IConfiguration configuration)
    {
        var proxy = configuration.GetSection(RallyNovOptions.Section + ":ReverseProxy").Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            ForwardLimit = Math.Max(1, proxy.ForwardLimit),
        };

        // The defaults (loopback) stay: a proxy on the same machine needs no configuration.
        foreach (var address in proxy.KnownProxies.Where(a => !string.IsNullOrWhiteSpace(a)))
        {
            options.KnownProxies.Add(IPAddress.TryParse(address.Trim(), out var ip)
                ? ip
                : throw new InvalidOperationException($"RallyNov:ReverseProxy:KnownProxies : « {address} » n'est pas une adresse IP."));
        }

        foreach (var network in proxy.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)
                ? parsed
                : throw new InvalidOperationException($"RallyNov:ReverseProxy:KnownNetworks : « {network} » n'est pas un réseau au format CIDR (10.0.0.0/24)."));
        }

        return options;
    }
}
