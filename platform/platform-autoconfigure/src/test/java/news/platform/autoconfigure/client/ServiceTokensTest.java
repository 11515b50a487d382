package news.platform.autoconfigure.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import news.platform.autoconfigure.core.PlatformAutoConfiguration;

class ServiceTokensTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlatformAutoConfiguration.class, ServiceTokensAutoConfiguration.class))
		.withPropertyValues("spring.application.name=comment-service", "platform.security.issuer=https://issuer.example",
				"spring.security.oauth2.resourceserver.jwt.audiences=news-platform");

	@Test
	void asksTheIdentityProviderByClientCredentialsAndCachesTheToken() throws IOException {
		List<String> requests = new CopyOnWriteArrayList<>();
		AtomicInteger issued = new AtomicInteger();
		HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		provider.createContext("/token", exchange -> {
			requests.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] body = ("{\"access_token\":\"token-" + issued.incrementAndGet()
					+ "\",\"token_type\":\"Bearer\",\"expires_in\":300}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		provider.start();
		try {
			runner
				.withPropertyValues(
						"platform.service-tokens.token-uri=http://127.0.0.1:" + provider.getAddress().getPort() + "/token",
						"platform.service-tokens.client-id=comment-service", "platform.service-tokens.client-secret=s3cret",
						"platform.service-tokens.scope=articles.read")
				.run(context -> {
					ServiceTokens tokens = context.getBean(ServiceTokens.class);
					assertThat(tokens.authorization()).isEqualTo("Bearer token-1");
					assertThat(tokens.authorization()).isEqualTo("Bearer token-1");
				});
		}
		finally {
			provider.stop(0);
		}
		String basic = "Basic " + Base64.getEncoder().encodeToString("comment-service:s3cret".getBytes(StandardCharsets.UTF_8));
		assertThat(requests).hasSize(1);
		assertThat(requests.get(0)).startsWith(basic).contains("grant_type=client_credentials").contains("scope=articles.read");
	}

	@Test
	void renewsATokenThatIsAboutToExpire() throws IOException {
		AtomicInteger issued = new AtomicInteger();
		HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		provider.createContext("/token", exchange -> {
			byte[] body = ("{\"access_token\":\"token-" + issued.incrementAndGet()
					+ "\",\"token_type\":\"Bearer\",\"expires_in\":30}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		provider.start();
		try {
			runner
				.withPropertyValues(
						"platform.service-tokens.token-uri=http://127.0.0.1:" + provider.getAddress().getPort() + "/token",
						"platform.service-tokens.client-id=comment-service", "platform.service-tokens.client-secret=s3cret",
						"platform.service-tokens.renew-before=60s")
				.run(context -> {
					ServiceTokens tokens = context.getBean(ServiceTokens.class);
					assertThat(tokens.authorization()).as("expires within renew-before: asked for again")
						.isNotEqualTo(tokens.authorization());
				});
		}
		finally {
			provider.stop(0);
		}
	}

	@Test
	void noSourceConfiguredMeansNoBean() {
		runner.run(context -> assertThat(context).doesNotHaveBean(ServiceTokens.class));
	}

}
