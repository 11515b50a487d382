package news.platform.site;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

/**
 * The site on random ports in the {@code test} profile, reading the services' stub over HTTP:
 * one Spring context for every test class of the module. Its public base URL is fixed, so a test
 * can tell it from the address the request came in on (never reflected).
 */
@ServiceIntegrationTest
abstract class SiteTest {

	static final String PUBLIC = "https://www.example.hr";

	static final ServicesStub services = ServicesStub.get();

	private static final AtomicInteger sequence = new AtomicInteger();

	/** Stories get publication times one minute apart, newest last, in the past. */
	private static final Instant START = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		properties(registry::add);
	}

	interface Setter {

		void add(String key, java.util.function.Supplier<Object> value);

	}

	static void properties(Setter registry) {
		registry.add("platform.upstreams.article-service", services::url);
		registry.add("platform.upstreams.media-service", services::url);
		registry.add("platform.upstreams.comment-service", services::url);
		// short, so the test of a removed comment's lifetime runs in seconds
		registry.add("site.comments.lifetime", () -> "6s");
		registry.add("platform.public-urls.site", () -> PUBLIC);
		registry.add("platform.feed.follow.interval", () -> "100ms");
		// readers sign in at the stub's authorization and token endpoints (identity's shapes), their ID
		// and access tokens signed with the test issuer's key
		registry.add("spring.security.oauth2.client.provider.identity.authorization-uri",
				() -> services.url() + "/oauth2/authorize");
		registry.add("spring.security.oauth2.client.provider.identity.token-uri", () -> services.url() + "/oauth2/token");
		registry.add("spring.security.oauth2.client.provider.identity.jwk-set-uri",
				() -> news.platform.testsupport.TestIssuer.get().jwkSetUri());
	}

	String site(String path) {
		return "http://localhost:" + this.port + path;
	}

	Http.Response get(String path, String... headers) {
		return Http.get(site(path), headers);
	}

	static String unique(String prefix) {
		return prefix + "-" + sequence.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
	}

	static Instant nextTime() {
		return START.plus(sequence.incrementAndGet(), ChronoUnit.MINUTES);
	}

	static ServicesStub.Story published(String section, String headline) {
		String slug = unique("prica");
		ServicesStub.Story story = services.draft(unique("id"), slug, section, headline, "Kratki uvod u priču.",
				"Prvi odlomak priče.", "Drugi odlomak priče.");
		return services.publish(story, nextTime());
	}

}
