package news.platform.autoconfigure.client;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where a service gets its {@code service} role token. Exactly one source applies: the
 * identity provider's client-credentials grant when {@code token-uri} is set (clusters), else a
 * token signed with the issuer's private key at {@code signing-key-location} (the development
 * issuer's key locally, the test issuer's key in tests).
 *
 * @param tokenUri the identity provider's token endpoint
 * @param clientId this service's client id at the identity provider
 * @param clientSecret its client secret (from a Secret, never from the repository)
 * @param scope scopes to ask for, space separated; empty for the provider's default
 * @param signingKeyLocation a PKCS#8 PEM private key trusted by the services
 * @param lifetime how long a self-signed token is valid
 * @param renewBefore how long before expiry a cached token is replaced
 */
@ConfigurationProperties("platform.service-tokens")
public record ServiceTokenProperties(String tokenUri, String clientId, String clientSecret, String scope,
		Resource signingKeyLocation, @DefaultValue("10m") Duration lifetime, @DefaultValue("60s") Duration renewBefore) {

	boolean clientCredentials() {
		return tokenUri != null && !tokenUri.isBlank();
	}

	boolean selfSigned() {
		return signingKeyLocation != null;
	}

}
