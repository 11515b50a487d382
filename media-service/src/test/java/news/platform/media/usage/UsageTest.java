package news.platform.media.usage;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.media.MediaApi;
import news.platform.media.TestImages;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;
import news.platform.testsupport.TestIssuer;
import news.platform.testsupport.TestTokens;

import static news.platform.media.MediaApi.EDITOR;
import static news.platform.media.MediaApi.JOURNALIST;
import static news.platform.media.MediaApi.READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * media-service follows the article feed (here the {@link ArticleServiceStub}) and knows which
 * articles use each item; a picture in a published article cannot be deleted.
 */
@ServiceIntegrationTest
class UsageTest {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	MediaApi api;

	ArticleServiceStub feed = ArticleServiceStub.get();

	@BeforeEach
	void setUp() {
		this.api = new MediaApi(this.port);
	}

	@AfterEach
	void feedUp() {
		this.feed.failing(false);
	}

	@Test
	void aPublishedArticlesHeroCannotBeDeletedUntilItIsUnpublished() {
		String hero = this.api.uploaded(TestImages.jpeg(TestImages.picture(64, 48, 51))).path("id").asString();
		String inBody = this.api.uploaded(TestImages.jpeg(TestImages.picture(64, 48, 52))).path("id").asString();
		String article = "a-" + hero.substring(16);
		this.feed.publish("article.published", article, "PUBLISHED", hero, List.of(hero, inBody), Instant.now());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode usage = this.api.get("/api/v1/media/" + hero + "/usage", "Authorization", "Bearer " + EDITOR).json();
			assertThat(usage.path("articles").path(0).path("articleId").asString()).isEqualTo(article);
		});
		JsonNode usage = this.api.get("/api/v1/media/" + hero + "/usage", "Authorization", "Bearer " + EDITOR).json();
		assertThat(usage.path("articles").path(0).path("published").asBoolean()).isTrue();
		assertThat(usage.path("articles").path(0).path("hero").asBoolean()).isTrue();
		assertThat(usage.path("articles").path(0).path("slug").asString()).isEqualTo("clanak-" + article);

		MediaApi.Response refused = this.api.send("DELETE", "/api/v1/media/" + hero,
				java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + EDITOR);
		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.json().path("type").asString()).isEqualTo("/problems/media-in-use");
		assertThat(refused.json().path("detail").asString()).contains(article);

		// the body picture is dropped by an update: its usage goes, the hero's stays
		this.feed.publish("article.updated", article, "PUBLISHED", hero, List.of(hero), Instant.now());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.api
			.get("/api/v1/media/" + inBody + "/usage", "Authorization", "Bearer " + EDITOR)
			.json()
			.path("articles")
			.size()).isZero());

		this.feed.publish("article.unpublished", article, "UNPUBLISHED", hero, List.of(hero), Instant.now());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.api
			.get("/api/v1/media/" + hero + "/usage", "Authorization", "Bearer " + EDITOR)
			.json()
			.path("articles")
			.path(0)
			.path("published")
			.asBoolean()).isFalse());
		MediaApi.Response deleted = this.api.send("DELETE", "/api/v1/media/" + hero,
				java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + EDITOR);
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/media/" + hero).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/media/" + hero + "/rendition?preset=thumb&fp=0.5,0.5").status()).isEqualTo(404);
	}

	@Test
	void theFollowerSendsAServiceTokenAndSurvivesAnUnreachableFeed() throws ParseException {
		String media = this.api.uploaded(TestImages.jpeg(TestImages.picture(40, 40, 53))).path("id").asString();
		this.feed.failing(true);
		this.feed.publish("article.published", "down-" + media.substring(16), "PUBLISHED", media, List.of(),
				Instant.now().minusSeconds(30));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.feed.authorizations().size() > 3);
		this.feed.failing(false);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.api
			.get("/api/v1/media/" + media + "/usage", "Authorization", "Bearer " + EDITOR)
			.json()
			.path("articles")
			.size()).isEqualTo(1));
		// the token the feed last received: from the test issuer's client-credentials endpoint, under
		// media-service's own client id, with the service role
		String bearer = this.feed.authorizations().get(this.feed.authorizations().size() - 1);
		assertThat(bearer).startsWith("Bearer ");
		JWTClaimsSet token = TestTokens.verified(bearer.substring("Bearer ".length()))
			.orElseThrow(() -> new AssertionError("not a valid token of the test issuer: " + bearer));
		assertThat(token.getSubject()).isEqualTo("media-service");
		assertThat(token.getStringListClaim("roles")).containsExactly("service");
		assertThat(TestIssuer.get().tokensIssued()).isPositive();
		String metrics = Http.get("http://localhost:" + this.managementPort + "/actuator/prometheus").body();
		assertThat(metrics).containsPattern("feed_consumer_lag_seconds\\{[^}]*consumer=\"media-service\"[^}]*\\} 0\\.0");
		assertThat(metrics).containsPattern("feed_consumer_events_total\\{[^}]*consumer=\"media-service\"");
		// the platform's follower also names the feed
		assertThat(metrics).containsPattern("feed_consumer_lag_seconds\\{[^}]*consumer=\"media-service\",feed=\"articles\"");
	}

	@Test
	void usageAndDeletionFollowTheRoles() {
		String media = this.api.uploaded(TestImages.jpeg(TestImages.picture(30, 30, 54))).path("id").asString();
		assertThat(this.api.get("/api/v1/media/" + media + "/usage").status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/media/" + media + "/usage", "Authorization", "Bearer " + READER).status())
			.isEqualTo(403);
		// a journalist may delete only what they uploaded
		MediaApi.Response notTheirs = this.api.send("DELETE", "/api/v1/media/" + media,
				java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + JOURNALIST);
		assertThat(notTheirs.status()).isEqualTo(403);
		MediaApi.Response own = this.api.upload(JOURNALIST, TestImages.jpeg(TestImages.picture(30, 30, 55)),
				"image/jpeg");
		MediaApi.Response deleted = this.api.send("DELETE", "/api/v1/media/" + own.json().path("id").asString(),
				java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + JOURNALIST);
		assertThat(deleted.status()).isEqualTo(204);
	}

}
