package news.platform.site;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import news.platform.testsupport.Http;
import news.platform.testsupport.TestIssuer;
import news.platform.testsupport.TestMongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas, each following the article feed on its own: a correction and an unpublish show on
 * both within 2 s of the event (a generous bound here; bench/site measures it), and a service that
 * is down leaves readers on the last good page, never on a withdrawn one.
 */
class FreshnessTest extends SiteTest {

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startSecondReplica() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.cloud.config.enabled", "false");
		properties.put("platform.test.shared-config-directory", "../config/src/main/resources/config-repo");
		properties.put("spring.profiles.active", "test");
		properties.put("server.port", "0");
		properties.put("management.server.port", "0");
		properties.put("spring.mongodb.uri", TestMongo.connectionString());
		properties.put("platform.service-tokens.token-uri", TestIssuer.get().tokenUri());
		properties.put("platform.service-tokens.client-id", "site");
		properties.put("platform.service-tokens.client-secret", TestIssuer.CLIENT_SECRET);
		properties.put("platform.upstreams.article-service", services.url());
		properties.put("platform.upstreams.media-service", services.url());
		properties.put("platform.public-urls.site", PUBLIC);
		properties.put("platform.feed.follow.interval", "100ms");
		properties.put("platform.security.issuer", news.platform.testsupport.TestTokens.ISSUER);
		List<String> args = new ArrayList<>();
		properties.forEach((key, value) -> args.add("--" + key + "=" + value));
		SpringApplication application = new SpringApplication(SiteApplication.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		second = application.run(args.toArray(String[]::new));
	}

	@AfterAll
	static void stopSecondReplica() {
		if (second != null) {
			second.close();
		}
	}

	private String secondSite(String path) {
		return "http://localhost:" + second.getEnvironment().getRequiredProperty("local.server.port") + path;
	}

	@Test
	void aCorrectionAndAnUnpublishShowOnEveryReplica() {
		ServicesStub.Story story = published("sport", "Dvije kopije, jedna istina");
		String[] replicas = { site(story.path()), secondSite(story.path()) };
		for (String replica : replicas) {
			assertThat(Http.get(replica).body()).contains("Kratki uvod u priču.");
			// once the publication has settled, reads are the cached page (no render, no Server-Timing)
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(Http.get(replica).header("Server-Timing")).isNull());
		}
		services.update(story, "Ispravljeni uvod.");
		for (String replica : replicas) {
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(Http.get(replica).body()).contains("Ispravljeni uvod."));
		}
		services.unpublish(story);
		for (String replica : replicas) {
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Http.get(replica).status()).isEqualTo(410));
		}
	}

	@Test
	void aServiceThatIsDownLeavesReadersOnTheLastGoodPageButNeverOnAWithdrawnOne() {
		ServicesStub.Story kept = published("vijesti", "Stranica koja ostaje");
		ServicesStub.Story withdrawn = published("vijesti", "Stranica koja odlazi");
		assertThat(get(kept.path()).status()).isEqualTo(200);
		assertThat(get(withdrawn.path()).status()).isEqualTo(200);
		services.unpublish(withdrawn);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get(withdrawn.path()).status()).isEqualTo(410));
		// the kept page showed the withdrawn story in its related box: that copy is gone, a new one is made
		assertThat(get(kept.path()).body()).doesNotContain("Stranica koja odlazi");
		services.down(true);
		try {
			// a new story makes the kept page's cache entry stale; the service is down: the last good copy
			services.update(kept, "Novi uvod koji nitko ne može pročitati.");
			Http.Response page = get(kept.path());
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).contains("Stranica koja ostaje");
			assertThat(get(withdrawn.path()).status()).isEqualTo(410);
		}
		finally {
			services.down(false);
		}
	}

}
