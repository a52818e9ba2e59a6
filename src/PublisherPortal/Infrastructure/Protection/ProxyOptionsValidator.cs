using System.Net;
using Microsoft.Extensions.Options;

namespace PublisherPortal.Infrastructure.Protection;

/// <summary>An address or network that does not parse stops start-up naming the setting, instead of quietly trusting nobody (or everybody).</summary>
public sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[i], out _))
            {
                errors.Add($"{ProxyOptions.SectionName}:KnownProxies:{i} is '{options.KnownProxies[i]}', which is not an IP address.");
            }
        }

        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(options.KnownNetworks[i], out var network) || network.PrefixLength == 0)
            {
                errors.Add($"{ProxyOptions.SectionName}:KnownNetworks:{i} is '{options.KnownNetworks[i]}', which is not a network in CIDR notation " +
                    "(e.g. 10.0.0.0/24; /0, everybody, is refused).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
