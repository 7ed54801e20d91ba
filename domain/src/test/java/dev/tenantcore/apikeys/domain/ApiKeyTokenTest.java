package dev.tenantcore.apikeys.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;

class ApiKeyTokenTest {

    private static final Pattern TOKEN_FORMAT = Pattern.compile("tc_([a-z0-9]{12})_([A-Za-z0-9_-]{43})");
    private static final String VALID_PREFIX = "abc123def456";
    private static final String VALID_SECRET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijk-_0123";

    static Stream<String> malformedTokens() {
        return Stream.of(
                "",
                "tc_",
                VALID_PREFIX + "_" + VALID_SECRET,
                "tk_" + VALID_PREFIX + "_" + VALID_SECRET,
                "TC_" + VALID_PREFIX + "_" + VALID_SECRET,
                "tc-" + VALID_PREFIX + "_" + VALID_SECRET,
                "tc_" + VALID_PREFIX + "-" + VALID_SECRET,
                "tc_" + VALID_PREFIX.substring(1) + "_" + VALID_SECRET,
                "tc_" + VALID_PREFIX + "x_" + VALID_SECRET,
                "tc_" + VALID_PREFIX + "_" + VALID_SECRET.substring(1),
                "tc_" + VALID_PREFIX + "_" + VALID_SECRET + "x",
                "tc_ABC123DEF456_" + VALID_SECRET,
                "tc_" + VALID_PREFIX + "_" + VALID_SECRET.substring(1) + "+",
                "tc_" + VALID_PREFIX + "_" + VALID_SECRET.substring(1) + "=",
                " tc_" + VALID_PREFIX + "_" + VALID_SECRET,
                "tc_" + VALID_PREFIX + "_" + VALID_SECRET + " ",
                "tc_" + VALID_PREFIX + "_" + VALID_SECRET + "\n",
                "Bearer tc_" + VALID_PREFIX + "_" + VALID_SECRET);
    }

    @Test
    void theHandWrittenValidTokenIsAccepted() {
        // Guards the malformed cases below: each differs from this accepted token in one respect only.
        assertThat(ApiKeyToken.parse("tc_" + VALID_PREFIX + "_" + VALID_SECRET)).isPresent();
    }

    @Test
    void generatedTokenHasTheDocumentedFormat() {
        ApiKeyToken token = ApiKeyToken.generate();

        Matcher matcher = TOKEN_FORMAT.matcher(token.reveal());
        assertThat(matcher.matches()).as("format of %s", token.reveal()).isTrue();
        assertThat(token.prefix()).isEqualTo(matcher.group(1));
    }

    @Test
    void generatedTokensDiffer() {
        ApiKeyToken first = ApiKeyToken.generate();
        ApiKeyToken second = ApiKeyToken.generate();

        assertThat(first.reveal()).isNotEqualTo(second.reveal());
        assertThat(first.hash()).isNotEqualTo(second.hash());
    }

    @Test
    void parseRoundTripsAGeneratedToken() {
        ApiKeyToken generated = ApiKeyToken.generate();

        ApiKeyToken parsed = ApiKeyToken.parse(generated.reveal()).orElseThrow();

        assertThat(parsed.prefix()).isEqualTo(generated.prefix());
        assertThat(parsed.reveal()).isEqualTo(generated.reveal());
        assertThat(parsed.hash()).isEqualTo(generated.hash());
    }

    @ParameterizedTest
    @NullSource
    @MethodSource("malformedTokens")
    void parseRejectsAnythingNotShapedLikeOurTokens(String presented) {
        assertThat(ApiKeyToken.parse(presented)).isEmpty();
    }

    @Test
    void hashIsA32ByteSha256OfTheWholeToken() throws Exception {
        ApiKeyToken token = ApiKeyToken.generate();
        byte[] expected = MessageDigest.getInstance("SHA-256")
                .digest(token.reveal().getBytes(StandardCharsets.US_ASCII));

        assertThat(token.hash()).hasSize(32).isEqualTo(expected);
    }

    @Test
    void hashIsStableAcrossCalls() {
        ApiKeyToken token = ApiKeyToken.generate();

        assertThat(token.hash()).isEqualTo(token.hash());
    }

    @Test
    void matchesItsOwnHash() {
        ApiKeyToken token = ApiKeyToken.generate();

        assertThat(token.matches(token.hash())).isTrue();
    }

    @Test
    void doesNotMatchAnotherTokensHash() {
        ApiKeyToken token = ApiKeyToken.generate();
        ApiKeyToken other = ApiKeyToken.generate();

        assertThat(token.matches(other.hash())).isFalse();
    }

    @Test
    void doesNotMatchATruncatedOrMissingHash() {
        ApiKeyToken token = ApiKeyToken.generate();

        assertThat(token.matches(Arrays.copyOf(token.hash(), 31))).isFalse();
        assertThat(token.matches(new byte[0])).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void toStringShowsThePrefixButNeverTheSecret() {
        ApiKeyToken token = ApiKeyToken.generate();
        String secret = token.reveal().substring("tc_".length() + 12 + 1);

        assertThat(secret).hasSize(43);
        assertThat(token.toString()).contains(token.prefix()).doesNotContain(secret);
    }

    @Test
    void toStringOfAParsedTokenNeverShowsTheSecret() {
        ApiKeyToken token = ApiKeyToken.parse("tc_" + VALID_PREFIX + "_" + VALID_SECRET).orElseThrow();

        assertThat(token.toString()).doesNotContain(VALID_SECRET);
    }
}
