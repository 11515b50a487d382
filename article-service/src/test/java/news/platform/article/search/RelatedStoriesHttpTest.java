package news.platform.article.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.article.ArticleApi.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Related stories over HTTP: what they hold, what never shows, the cache following the feed. */
@ServiceIntegrationTest
class RelatedStoriesHttpTest {

	@LocalServerPort
	int port;

	ArticleApi api;

	String topic;

	String other;

	@BeforeEach
	void setUp() {
		this.api = new ArticleApi(this.port);
		this.topic = letters("vjet");
		this.other = letters("tur");
	}

	@Test
	void publishedStoriesLikeTheArticleShowAndAnUnpublishedOneLeavesWithinTwoSeconds() {
		String a = publish("Vjetroelektrana " + this.topic, "Nova vjetroelektrana " + this.topic + " " + this.other
				+ " gradi se kraj grada. Turbine " + this.other + " stižu iduće godine.", true);
		String b = publish("Turbine " + this.topic + " stigle", "Turbine " + this.other + " za vjetroelektranu "
				+ this.topic + " stigle su brodom.", true);
		String c = publish("Vjetroelektrana " + this.topic + " radi", "Vjetroelektrana " + this.topic
				+ " proizvodi struju; turbine " + this.other + " rade punim kapacitetom.", true);
		String draft = publish("Nacrt o " + this.topic, "Nacrt o vjetroelektrani " + this.topic + " i turbinama "
				+ this.other + ".", false);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.api.get("/api/v1/articles/search?q=" + this.topic).json()
				.path("items")
				.size()).isEqualTo(3));

		Http.Response related = this.api.get("/api/v1/articles/" + a + "/related?limit=20");
		assertThat(related.status()).as(related.body()).isEqualTo(200);
		assertThat(ids(related.json())).contains(b, c).doesNotContain(a, draft);
		assertThat(related.json().at("/items/0/url").asString()).startsWith("http://localhost:8080/");
		assertThat(related.header("Cache-Control")).startsWith("public");
		assertThat(ids(this.api.get("/api/v1/articles/" + a + "/related?limit=1").json())).hasSize(1);

		// taken down: gone from the (cached) related box within 2 s
		assertThat(this.api.action(EDITOR, b, "unpublish", null).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(ids(this.api.get("/api/v1/articles/" + a + "/related?limit=20").json()))
				.contains(c)
				.doesNotContain(b));

		assertThat(this.api.get("/api/v1/articles/" + draft + "/related").status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/articles/" + b + "/related").status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/articles/ffffffffffffffffffffffff/related").status()).isEqualTo(404);
	}

	@Test
	void aLimitOutOfRangeOrAnUnknownParameterIsRefusedNamingIt() {
		String a = publish("Ograničenje " + this.topic, "Tekst " + this.topic + ".", true);
		for (String query : List.of("limit=0", "limit=21", "limit=abc", "limit=1&limit=2", "limit=-1")) {
			Http.Response response = this.api.get("/api/v1/articles/" + a + "/related?" + query);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("limit");
		}
		Http.Response unknown = this.api.get("/api/v1/articles/" + a + "/related?sort=new");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("sort");
	}

	private String publish(String headline, String text, boolean publish) {
		Http.Response created = this.api.create(EDITOR, """
				{"headline": "%s", "section": "vijesti", "tags": ["energija"],
				 "body": [{"type": "paragraph", "text": "%s"}]}""".formatted(headline, text));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		if (publish) {
			assertThat(this.api.action(EDITOR, id, "publish", null).status()).isEqualTo(200);
		}
		return id;
	}

	private static List<String> ids(JsonNode answer) {
		List<String> ids = new ArrayList<>();
		answer.path("items").forEach(item -> ids.add(item.path("id").asString()));
		return ids;
	}

	private static String letters(String prefix) {
		StringBuilder letters = new StringBuilder(prefix);
		for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
			letters.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
		}
		return letters.toString();
	}

}
