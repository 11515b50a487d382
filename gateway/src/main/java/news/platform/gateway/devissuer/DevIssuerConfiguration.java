package news.platform.gateway.devissuer;


import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The development issuer's two endpoints, in the {@code local} profile only (no bean, so no path,
 * anywhere else): {@code GET /dev-issuer/jwks.json} (its public key) and
 * {@code GET /dev-issuer/tokens} (one fresh token per role, printed by the run command).
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class DevIssuerConfiguration {

	@Bean
	DevIssuer devIssuer(ResourceLoader resources,
			@Value("${platform.dev-issuer.private-key-location:file:./data/dev-issuer/private.pem}") String privateKey,
			@Value("${spring.security.oauth2.resourceserver.jwt.public-key-location:file:./data/dev-issuer/public.pem}") String publicKey,
			@Value("${platform.security.issuer}") String issuer,
			@Value("${spring.security.oauth2.resourceserver.jwt.audiences:news-platform}") String audience) {
		String firstAudience = audience.split(",")[0].trim();
		return new DevIssuer(resources.getResource(privateKey), resources.getResource(publicKey), issuer,
				firstAudience);
	}

	@Bean
	RouterFunction<ServerResponse> devIssuerRoutes(DevIssuer issuer) {
		return RouterFunctions.route()
			.GET("/dev-issuer/jwks.json", request -> ServerResponse.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.cacheControl(CacheControl.noCache())
				.bodyValue(issuer.jwks()))
			.GET("/dev-issuer/tokens", request -> ServerResponse.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.cacheControl(CacheControl.noStore())
				.bodyValue(issuer.tokens()))
			.build();
	}

}
