package news.platform.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints RS256 tokens as the platform's identity provider would, with a key pair made for this
 * test JVM. Services under test validate them against the JWKS {@link TestIssuer} serves.
 */
public final class TestTokens {

	public static final String ISSUER = "https://issuer.test.news.platform";

	public static final String AUDIENCE = "news-platform";

	/** The {@code kid} of the trusted key, as the test JWKS publishes it. */
	public static final String KEY_ID = "test";

	private static final KeyPair KEY_PAIR = newKeyPair();

	private static final KeyPair OTHER_KEY_PAIR = newKeyPair();

	private TestTokens() {
	}

	/** A valid token for one hour, for the given subject and roles. */
	public static String token(String subject, String... roles) {
		return sign(claims(subject, roles).build(), KEY_PAIR);
	}

	/** Claims to adjust before {@link #sign(JWTClaimsSet)}: a valid token's claims. */
	public static JWTClaimsSet.Builder claims(String subject, String... roles) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(AUDIENCE)
			.subject(subject)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now.minusSeconds(5)))
			.expirationTime(Date.from(now.plus(Duration.ofHours(1))))
			.claim("name", subject)
			.claim("roles", List.of(roles));
	}

	public static String sign(JWTClaimsSet claims) {
		return sign(claims, KEY_PAIR);
	}

	/** Signed by a key the services do not trust, under the trusted key's {@code kid}. */
	public static String signWithUntrustedKey(JWTClaimsSet claims) {
		return sign(claims, OTHER_KEY_PAIR);
	}

	public static String expiredToken(String subject, String... roles) {
		Instant past = Instant.now().minus(Duration.ofHours(2));
		return sign(claims(subject, roles).issueTime(Date.from(past))
			.notBeforeTime(Date.from(past))
			.expirationTime(Date.from(past.plus(Duration.ofMinutes(10))))
			.build());
	}

	/** An unsigned token ({@code alg: none}), which no service may accept. */
	public static String unsignedToken(String subject, String... roles) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String header = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String payload = encoder
			.encodeToString(claims(subject, roles).build().toString().getBytes(StandardCharsets.UTF_8));
		return header + "." + payload + ".";
	}

	/** The trusted public key, for the test JWKS ({@link TestIssuer}). */
	public static java.security.PublicKey publicKey() {
		return KEY_PAIR.getPublic();
	}

	/**
	 * The claims of {@code token} if this JVM's issuer signed it and it is valid now (issuer,
	 * audience, lifetime), else empty. For stubs that stand in for a service and must refuse what
	 * the real one refuses, e.g. the article feed checking the {@code service} token a follower sends.
	 */
	public static Optional<JWTClaimsSet> verified(String token) {
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
					|| !jwt.verify(new RSASSAVerifier((RSAPublicKey) KEY_PAIR.getPublic()))) {
				return Optional.empty();
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			Date now = new Date();
			boolean valid = ISSUER.equals(claims.getIssuer()) && claims.getAudience().contains(AUDIENCE)
					&& claims.getExpirationTime() != null && claims.getExpirationTime().after(now)
					&& (claims.getNotBeforeTime() == null || !claims.getNotBeforeTime().after(now));
			return valid ? Optional.of(claims) : Optional.empty();
		}
		catch (ParseException | JOSEException ex) {
			return Optional.empty();
		}
	}

	/** Signed by a key the services do not trust, under a {@code kid} the test JWKS does not publish. */
	public static String signWithUnpublishedKey(JWTClaimsSet claims) {
		return sign(claims, OTHER_KEY_PAIR, "unpublished");
	}

	private static String sign(JWTClaimsSet claims, KeyPair keyPair) {
		return sign(claims, keyPair, KEY_ID);
	}

	private static String sign(JWTClaimsSet claims, KeyPair keyPair, String keyId) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
			jwt.sign(new RSASSASigner((RSAPrivateKey) keyPair.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
