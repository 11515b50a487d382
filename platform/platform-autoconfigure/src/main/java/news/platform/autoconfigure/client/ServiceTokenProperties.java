package news.platform.autoconfigure.client;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a process gets its {@code service} role token: the identity provider's client-credentials
 * grant, in every profile (identity locally and in the dev cluster, the organisation's provider in
 * prod, the test issuer in tests).
 *
 * @param tokenUri the identity provider's token endpoint
 * @param clientId this process's client id at the identity provider
 * @param clientSecret its client secret (from a Secret, or handed over by the run command; never
 * from the repository)
 * @param scope scopes to ask for, space separated; empty for the provider's default
 * @param renewBefore how long before expiry a cached token is replaced
 */
@ConfigurationProperties("platform.service-tokens")
public record ServiceTokenProperties(String tokenUri, String clientId, String clientSecret, String scope,
		@DefaultValue("60s") Duration renewBefore) {

}
