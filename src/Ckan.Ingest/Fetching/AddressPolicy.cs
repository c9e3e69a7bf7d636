using System.Net;
using System.Net.Sockets;

namespace Ckan.Ingest.Fetching;

/// <summary>Decides whether an IP address is on the public internet.</summary>
public static class AddressPolicy
{
    // IPv4 ranges that are not public: this network, private (RFC 1918), shared (RFC 6598), loopback,
    // link-local (cloud metadata lives at 169.254.169.254), IETF protocol and benchmarking blocks,
    // multicast, reserved and broadcast.
    private static readonly (uint Network, int PrefixLength)[] BlockedIPv4 =
    [
        (0x00000000, 8), (0x0A000000, 8), (0x64400000, 10), (0x7F000000, 8), (0xA9FE0000, 16),
        (0xAC100000, 12), (0xC0000000, 24), (0xC0A80000, 16), (0xC6120000, 15), (0xE0000000, 4),
        (0xF0000000, 4),
    ];

    /// <summary>Returns whether <paramref name="address"/> is a public unicast address.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicIPv4(address),
            AddressFamily.InterNetworkV6 => IsPublicIPv6(address),
            _ => false,
        };
    }

    private static bool IsPublicIPv4(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        var value = (uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3];
        foreach (var (network, prefixLength) in BlockedIPv4)
        {
            var mask = uint.MaxValue << (32 - prefixLength);
            if ((value & mask) == network)
            {
                return false;
            }
        }

        return true;
    }

    // Only global unicast (2000::/3) is public, less the documentation block 2001:db8::/32; this also
    // rejects loopback, unspecified, link-local, unique local, multicast and NAT64 addresses.
    private static bool IsPublicIPv6(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        var isGlobalUnicast = (bytes[0] & 0xE0) == 0x20;
        var isDocumentation = bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8;
        return isGlobalUnicast && !isDocumentation;
    }
}
