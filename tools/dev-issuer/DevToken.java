import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Mints a development token of the {@code local} profile with the JDK alone, signed with the key
 * pair {@code DevIssuerKeys} made:
 * <pre>
 *   java tools/dev-issuer/DevToken.java ./data/dev-issuer editor [editor journalist ...]
 * </pre>
 * Prints one RS256 JWT per role (subject {@code dev-<role>}, claim {@code roles}, issuer
 * {@code http://localhost:8080/dev-issuer}, audience {@code news-platform}, valid 12 hours), the
 * same claims the services check. The run command uses it while the gateway does not offer
 * development tokens itself.
 * <p>
 * Exit codes: 0 printed, 1 failure (reason on stderr), 2 usage.
 */
public final class DevToken {

    static final String ISSUER = "http://localhost:8080/dev-issuer";

    static final String AUDIENCE = "news-platform";

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: java tools/dev-issuer/DevToken.java <key folder> <role> [role ...]");
            System.exit(2);
        }
        try {
            PrivateKey key = readPrivateKey(Path.of(args[0], "private.pem"));
            for (int i = 1; i < args.length; i++) {
                System.out.println(args[i] + " " + token(key, args[i]));
            }
        }
        catch (Exception ex) {
            System.err.println("DevToken: " + ex.getMessage());
            System.exit(1);
        }
    }

    static String token(PrivateKey key, String role) throws Exception {
        if (!role.matches("[a-z]{1,32}")) {
            throw new IllegalArgumentException("a role is lower-case letters, got '" + role + "'");
        }
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"dev\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"dev-" + role
                + "\",\"name\":\"Development " + role + "\",\"roles\":[\"" + role + "\"],\"iat\":" + now
                + ",\"nbf\":" + (now - 5) + ",\"exp\":" + (now + 12 * 3600) + ",\"jti\":\"" + UUID.randomUUID()
                + "\"}";
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64.encodeToString(signature.sign());
    }

    static PrivateKey readPrivateKey(Path file) throws Exception {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

}
