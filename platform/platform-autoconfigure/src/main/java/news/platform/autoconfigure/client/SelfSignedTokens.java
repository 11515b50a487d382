package news.platform.autoconfigure.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
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

import org.springframework.core.io.Resource;

/**
 * Signs {@code service} tokens with the issuer's own private key. Only where this process may
 * hold that key: on a developer's machine (the development issuer's key the run command made) and
 * in tests. Clusters use the identity provider's client-credentials grant instead.
 */
final class SelfSignedTokens {

	private final Resource privateKeyPem;

	private volatile RSASSASigner signer;

	private final String issuer;

	private final String audience;

	private final String subject;

	private final Duration lifetime;

	private final Clock clock;

	SelfSignedTokens(Resource privateKeyPem, String issuer, String audience, String subject, Duration lifetime,
			Clock clock) {
		// read on first use: a service that never calls another never needs the key file
		this.privateKeyPem = privateKeyPem;
		this.issuer = issuer;
		this.audience = audience;
		this.subject = subject;
		this.lifetime = lifetime;
		this.clock = clock;
	}

	CachedToken.Issued issue() {
		Instant now = clock.instant();
		Instant expires = now.plus(lifetime);
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.audience(audience)
			.subject(subject)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now.minusSeconds(5)))
			.expirationTime(Date.from(expires))
			.claim("roles", List.of("service"))
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims);
			jwt.sign(signer());
			return new CachedToken.Issued(jwt.serialize(), expires);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a service token", ex);
		}
	}

	private RSASSASigner signer() {
		RSASSASigner current = this.signer;
		if (current == null) {
			current = new RSASSASigner(readPrivateKey(this.privateKeyPem));
			this.signer = current;
		}
		return current;
	}

	private static RSAPrivateKey readPrivateKey(Resource pem) {
		try (InputStream in = pem.getInputStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
			String base64 = text.replace("-----BEGIN PRIVATE KEY-----", "")
				.replace("-----END PRIVATE KEY-----", "")
				.replaceAll("\\s", "");
			byte[] der = Base64.getDecoder().decode(base64);
			return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the service token signing key " + pem, ex);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("The service token signing key " + pem
					+ " is not a PKCS#8 PEM RSA private key", ex);
		}
	}

}
