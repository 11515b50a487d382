package news.platform.gateway.devissuer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * The {@code local} profile's identity provider: signs development tokens with the key pair the
 * run command made under {@code ./data/dev-issuer/}, so the services validate them with the public
 * key exactly as they validate a real provider's tokens.
 */
final class DevIssuer {

	static final List<String> ROLES = List.of("reader", "journalist", "editor", "moderator", "admin", "service");

	private static final Duration LIFETIME = Duration.ofHours(12);

	private final RSAKey key;

	private final RSASSASigner signer;

	private final String issuer;

	private final String audience;

	DevIssuer(Resource privateKey, Resource publicKey, String issuer, String audience) {
		RSAPrivateKey privateRsa = read(privateKey, true);
		RSAPublicKey publicRsa = read(publicKey, false);
		this.key = rsaKey(publicRsa, privateRsa);
		this.signer = signer(this.key);
		this.issuer = issuer;
		this.audience = audience;
	}

	/** One token per role, subject {@code dev-<role>}. */
	Map<String, String> tokens() {
		Map<String, String> tokens = new LinkedHashMap<>();
		for (String role : ROLES) {
			tokens.put(role, token("dev-" + role, role));
		}
		return tokens;
	}

	String token(String subject, String role) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.audience(this.audience)
			.subject(subject)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(LIFETIME)))
			.claim("name", subject)
			.claim("roles", List.of(role))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID())
			.type(JOSEObjectType.JWT)
			.build(), claims);
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/** The public half only. */
	Map<String, Object> jwks() {
		return new JWKSet(this.key.toPublicJWK()).toJSONObject(true);
	}

	private static RSAKey rsaKey(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
		try {
			// a key id derived from the key itself: a new pair gets a new id, so caches of the JWKS notice
			return new RSAKey.Builder(publicKey).privateKey(privateKey)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint()
				.build();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSASSASigner signer(RSAKey key) {
		try {
			return new RSASSASigner(key);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static <K> K read(Resource resource, boolean isPrivate) {
		try (InputStream in = resource.getInputStream()) {
			return (K) (isPrivate ? RsaKeyConverters.pkcs8().convert(in) : RsaKeyConverters.x509().convert(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the development key " + resource
					+ "; ./run-local.sh makes the pair under ./data/dev-issuer/", ex);
		}
	}

}
