package dev.tenantcore.access.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantcore.shared.domain.OrganizationId;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;

class InvitationTokenTest {
    private static final OrganizationId ORGANIZATION =
            new OrganizationId(UUID.fromString("0190f0aa-0000-7000-8000-000000000001"));
    private static final InvitationId INVITATION =
            new InvitationId(UUID.fromString("0190f0aa-0000-7000-8000-000000000002"));
    private static final byte[] SECRET = new byte[32];

    static {
        Arrays.fill(SECRET, (byte) 7);
    }

    /** A token written out by hand from its documented layout. */
    private static String handWritten(byte[] secret) {
        var raw = ByteBuffer.allocate(64)
                .putLong(ORGANIZATION.value().getMostSignificantBits())
                .putLong(ORGANIZATION.value().getLeastSignificantBits())
                .putLong(INVITATION.value().getMostSignificantBits())
                .putLong(INVITATION.value().getLeastSignificantBits())
                .put(secret);
        return "tci_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw.array());
    }

    static Stream<String> malformedTokens() {
        var valid = handWritten(SECRET);
        var body = valid.substring(4);
        return Stream.of(
                "",
                "tci_",
                body,
                "tcr_" + body,
                "TCI_" + body,
                "tci-" + body,
                "tci_" + body.substring(1),
                "tci_" + body + "A",
                "tci_" + body + "==",
                "tci_" + body.substring(1) + "+",
                "tci_" + body.substring(1) + "/",
                " " + valid,
                valid + " ",
                valid + "\n",
                "Bearer " + valid,
                // a refresh token's length (80 bytes) under the invitation prefix
                "tci_" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[80]));
    }

    @Test
    void theHandWrittenTokenIsAcceptedAndCarriesItsIds() {
        // Guards the malformed cases: each differs from this accepted token in one respect only.
        var parsed = InvitationToken.parse(handWritten(SECRET)).orElseThrow();

        assertThat(parsed.organizationId()).isEqualTo(ORGANIZATION);
        assertThat(parsed.invitationId()).isEqualTo(INVITATION);
        assertThat(parsed.reveal()).isEqualTo(handWritten(SECRET));
    }

    @ParameterizedTest
    @NullSource
    @MethodSource("malformedTokens")
    void anythingElseIsNotAToken(String presented) {
        assertThat(InvitationToken.parse(presented)).isEmpty();
    }

    @Test
    void generatedTokensHaveTheDocumentedFormatAndRoundTrip() {
        var token = InvitationToken.generate(ORGANIZATION, INVITATION);

        assertThat(token.reveal()).matches("tci_[A-Za-z0-9_-]{86}");
        var parsed = InvitationToken.parse(token.reveal()).orElseThrow();
        assertThat(parsed.organizationId()).isEqualTo(ORGANIZATION);
        assertThat(parsed.invitationId()).isEqualTo(INVITATION);
        assertThat(parsed.hash()).isEqualTo(token.hash());
    }

    @Test
    void generatedSecretsDiffer() {
        var first = InvitationToken.generate(ORGANIZATION, INVITATION);
        var second = InvitationToken.generate(ORGANIZATION, INVITATION);

        assertThat(first.reveal()).isNotEqualTo(second.reveal());
        assertThat(first.hash()).isNotEqualTo(second.hash());
    }

    @Test
    void theHashIsTheSha256OfTheRandomPartOnly() throws Exception {
        var token = InvitationToken.parse(handWritten(SECRET)).orElseThrow();

        assertThat(token.hash()).hasSize(32).isEqualTo(MessageDigest.getInstance("SHA-256").digest(SECRET));
        var otherSecret = SECRET.clone();
        otherSecret[31] = 8;
        assertThat(InvitationToken.parse(handWritten(otherSecret)).orElseThrow().hash()).isNotEqualTo(token.hash());
    }

    @Test
    void toStringNamesTheIdsButNeverTheSecret() {
        var token = InvitationToken.generate(ORGANIZATION, INVITATION);
        var encoded = token.reveal().substring(4);

        assertThat(token.toString()).contains(INVITATION.toString()).doesNotContain(encoded)
                .doesNotContain(encoded.substring(43));
    }
}
