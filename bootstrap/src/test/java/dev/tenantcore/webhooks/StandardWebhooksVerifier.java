package dev.tenantcore.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a delivery's signature as a receiver would, written from the Standard Webhooks specification and not from
 * the service's signing code: the secret after {@code whsec_} is base64; the signed content is
 * {@code id.timestamp.body}; the header holds space-separated {@code v1,<base64 HMAC-SHA256>} signatures, any of
 * which may match.
 */
final class StandardWebhooksVerifier {

    private StandardWebhooksVerifier() {
    }

    static boolean verifies(String secret, Receiver.Request request) {
        try {
            var key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            var content = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "."
                    + request.body();
            var expected = mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
            return Arrays.stream(request.header("webhook-signature").split(" "))
                    .filter(signature -> signature.startsWith("v1,"))
                    .map(signature -> Base64.getDecoder().decode(signature.substring(3)))
                    .anyMatch(signature -> MessageDigest.isEqual(signature, expected));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
