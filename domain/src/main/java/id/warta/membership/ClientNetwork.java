package id.warta.membership;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.StringJoiner;

/**
 * The network a request comes from, as the per-client limits count it: an IPv4 address itself, an
 * IPv6 address by its /64 prefix (what one subscriber line or host is given, so that a client cannot
 * step past its limits by changing the address within it). Requests without a source address (not
 * from API Gateway: handler tests, {@code bin/invoke}) share one network.
 */
public record ClientNetwork(String id) {
    static final ClientNetwork UNKNOWN = new ClientNetwork("unknown");
    private static final int IPV6_PREFIX_GROUPS = 4;

    /** @param sourceIp {@code requestContext.http.sourceIp}, as API Gateway saw the connection; may be null */
    public static ClientNetwork of(String sourceIp) {
        if (sourceIp == null || sourceIp.isBlank()) {
            return UNKNOWN;
        }
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(sourceIp);
        } catch (IllegalArgumentException notAnAddress) {
            return new ClientNetwork(sourceIp);
        }
        if (!(address instanceof Inet6Address)) {
            return new ClientNetwork(address.getHostAddress());
        }
        byte[] bytes = address.getAddress();
        StringJoiner prefix = new StringJoiner(":", "", "::/64");
        for (int group = 0; group < IPV6_PREFIX_GROUPS; group++) {
            prefix.add(Integer.toHexString(((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff)));
        }
        return new ClientNetwork(prefix.toString());
    }
}
