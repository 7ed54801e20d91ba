package dev.tenantcore.shared.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientNetworkTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            203.0.113.7                              | 203.0.113.7
            ' 203.0.113.7 '                          | 203.0.113.7
            2001:db8:1:2:3:4:5:6                     | 2001:db8:1:2::/64
            2001:DB8:1:2::FFFF                       | 2001:db8:1:2::/64
            2001:db8::1                              | 2001:db8:0:0::/64
            ::1                                      | 0:0:0:0::/64
            ::ffff:198.51.100.20                     | 198.51.100.20
            not-an-address                           | not-an-address
            FE80:ZZ::1                               | fe80:zz::1
            """)
    void countsIpv4AsItselfAndIpv6ByItsSlash64(String address, String network) {
        assertThat(ClientNetwork.of(address)).isEqualTo(network);
    }
}
