package news.platform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints RS256 tokens as the platform's identity provider would, with a key pair made for this
 * test JVM. Services under test validate them with the public key written by
 * {@link #publicKeyPemFile()}.
 */
public final class TestTokens {

	public static final String ISSUER = "https://issuer.test.news.platform";

	public static final String AUDIENCE = "news-platform";

	private static final KeyPair KEY_PAIR = newKeyPair();

	private static final KeyPair OTHER_KEY_PAIR = newKeyPair();

	private static volatile Path publicKeyPem;

	private static volatile Path privateKeyPem;

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

	/** Signed by a key the services do not trust. */
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

	/** The public key as a PEM file, for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
	public static Path publicKeyPemFile() {
		if (publicKeyPem == null) {
			synchronized (TestTokens.class) {
				if (publicKeyPem == null) {
					publicKeyPem = writePublicKey();
				}
			}
		}
		return publicKeyPem;
	}

	/**
	 * The issuer's private key as a PKCS#8 PEM file: services under test sign their own
	 * {@code service} tokens with it, as they do with the development issuer's key locally.
	 */
	public static Path privateKeyPemFile() {
		if (privateKeyPem == null) {
			synchronized (TestTokens.class) {
				if (privateKeyPem == null) {
					privateKeyPem = writePem("PRIVATE KEY", KEY_PAIR.getPrivate().getEncoded());
				}
			}
		}
		return privateKeyPem;
	}

	private static Path writePublicKey() {
		return writePem("PUBLIC KEY", KEY_PAIR.getPublic().getEncoded());
	}

	private static Path writePem(String label, byte[] der) {
		String pem = "-----BEGIN " + label + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + label + "-----\n";
		try {
			Path file = Files.createTempFile("test-issuer-", ".pem");
			file.toFile().deleteOnExit();
			Files.writeString(file, pem, StandardCharsets.US_ASCII);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sign(JWTClaimsSet claims, KeyPair keyPair) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
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
