package id.warta.membership;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientNetworkTest {

    @Test
    void anIpv4AddressIsItsOwnNetwork() {
        assertThat(ClientNetwork.of("203.0.113.7")).isEqualTo(new ClientNetwork("203.0.113.7"));
        assertThat(ClientNetwork.of("203.0.113.8")).isNotEqualTo(ClientNetwork.of("203.0.113.7"));
    }

    @Test
    void everyIpv6AddressOfOneSlash64IsOneNetwork() {
        ClientNetwork network = ClientNetwork.of("2001:db8:85a3:8d3:1319:8a2e:370:7348");

        assertThat(network).isEqualTo(new ClientNetwork("2001:db8:85a3:8d3::/64"));
        assertThat(ClientNetwork.of("2001:DB8:85A3:8D3::1")).isEqualTo(network);
        assertThat(ClientNetwork.of("2001:db8:85a3:8d4::1")).isNotEqualTo(network);
    }

    @Test
    void anIpv4MappedIpv6AddressIsTheIpv4Address() {
        assertThat(ClientNetwork.of("::ffff:203.0.113.7")).isEqualTo(new ClientNetwork("203.0.113.7"));
    }

    @Test
    void requestsWithoutASourceAddressShareOneNetwork() {
        assertThat(ClientNetwork.of(null)).isEqualTo(ClientNetwork.of(" ")).isEqualTo(ClientNetwork.UNKNOWN);
    }
}
