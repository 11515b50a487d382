package news.platform.media.library;

import java.net.http.HttpRequest;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import news.platform.media.MediaApi;
import news.platform.media.MediaServiceApplication;
import news.platform.media.usage.ArticleServiceStub;
import news.platform.testsupport.ServiceIntegrationTest;
import news.platform.testsupport.TestIssuer;
import news.platform.testsupport.TestMongo;
import news.platform.testsupport.TestTokens;

import static news.platform.media.MediaApi.EDITOR;
import static news.platform.media.library.Library.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas on one database, each with its own in-process index: what one takes (an upload, an
 * edit, a delete) the other's library shows within a second or two, through media's own feed.
 */
@ServiceIntegrationTest
class TwoReplicasTest {

	static ConfigurableApplicationContext other;

	static int otherPort;

	@LocalServerPort
	int port;

	Library here;

	Library there;

	String marker = Library.marker();

	@BeforeAll
	static void startAnotherReplica() {
		// the same settings as the test context (ServiceIntegrationTest and the platform's test
		// customizer), as command-line arguments so they win over the configuration files
		other = new SpringApplicationBuilder(MediaServiceApplication.class).run("--spring.cloud.config.enabled=false",
				"--platform.test.shared-config-directory=../config/src/main/resources/config-repo",
				"--spring.profiles.active=test", "--server.port=0", "--management.server.port=0",
				"--spring.mongodb.uri=" + TestMongo.connectionString(),
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestIssuer.get().jwkSetUri(),
				"--spring.security.oauth2.resourceserver.jwt.audiences=" + TestTokens.AUDIENCE,
				"--platform.security.issuer=" + TestTokens.ISSUER,
				"--platform.service-tokens.token-uri=" + TestIssuer.get().tokenUri(),
				"--platform.service-tokens.client-id=media-service",
				"--platform.service-tokens.client-secret=" + TestIssuer.CLIENT_SECRET,
				"--platform.upstreams.article-service=" + ArticleServiceStub.get().baseUrl());
		otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	static void stopIt() {
		if (other != null) {
			other.close();
		}
	}

	@BeforeEach
	void setUp() {
		this.here = new Library(new MediaApi(this.port));
		this.there = new Library(new MediaApi(otherPort));
	}

	@Test
	void whatOneReplicaTakesTheOthersLibraryShows() {
		String id = this.here.upload(EDITOR, "most-" + this.marker + ".jpg");
		// on the replica that took the upload at once; on the other through the feed
		assertThat(this.here.ids(q(this.marker))).containsExactly(id);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.there.ids(q(this.marker))).containsExactly(id));

		// the other replica keeps the items its pages show in memory: the edit's event drops them
		assertThat(this.there.get("ids=" + id, null).json().path("items").path(0).path("caption").isMissingNode()
				|| this.there.get("ids=" + id, null).json().path("items").path(0).path("caption").isNull()).isTrue();
		this.here.describe(id, "{\"caption\": \"Most u Čačku\"}");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.there.ids(q("cacak " + this.marker))).containsExactly(id));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(
					this.there.get("ids=" + id, null).json().path("items").path(0).path("caption").asString())
				.isEqualTo("Most u Čačku"));

		String fromThere = this.there.upload(EDITOR, "drugi-" + this.marker + ".jpg");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.here.ids(q(this.marker))).containsExactly(fromThere, id));

		MediaApi.Response deleted = new MediaApi(this.port).send("DELETE", "/api/v1/media/" + id,
				HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + EDITOR);
		assertThat(deleted.status()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.there.ids(q(this.marker))).containsExactly(fromThere));
		assertThat(this.there.get("ids=" + id + "," + fromThere, null).json().path("missing").path(0).asString())
			.isEqualTo(id);
	}

}
