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

/**
 * Each article is analysed in its own language (issue 16 item 6): English stemming for an English
 * story, Croatian for a Croatian one, folding for others; {@code language=} narrows a search or a
 * list to one language; related stories stay within the article's analysis.
 */
@ServiceIntegrationTest
class LanguageSearchHttpTest {

	@LocalServerPort
	int port;

	ArticleApi api;

	String word;

	@BeforeEach
	void setUp() {
		this.api = new ArticleApi(this.port);
		this.word = letters("lng");
	}

	@Test
	void englishStemmingFindsRunningWithRunOnlyInTheEnglishStory() {
		String english = publish("en", "Marathon " + this.word, "Thousands were running through the city.");
		String croatian = publish("hr", "Maraton " + this.word, "Klub running okupio je tisuće trkača.");
		String german = publish("de", "Marathon " + this.word, "Tausende Läufer; das running war schön.");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ids(search("q=" + this.word))).containsExactlyInAnyOrder(english, croatian,
					german));

		// "run" is the English stem of "running": only the English story has it
		assertThat(ids(search("q=run+" + this.word))).containsExactly(english);
		// the word as written is found in every language
		assertThat(ids(search("q=running+" + this.word))).containsExactlyInAnyOrder(english, croatian, german);
		// folding for a language without its own analysis: Läufer typed as laufer
		assertThat(ids(search("q=laufer+" + this.word))).containsExactly(german);
		// Croatian stemming still applies to the Croatian story: trkača → trkač
		assertThat(ids(search("q=trkaci+" + this.word))).containsExactly(croatian);
		JsonNode hit = search("q=run+" + this.word).path("items").get(0);
		assertThat(hit.path("language").asString()).isEqualTo("en");
		assertThat(hit.at("/highlights/body").asString()).contains("<mark>running</mark>");
	}

	@Test
	void languageNarrowsSearchAndListsToOneLanguage() {
		String english = publish("en-GB", "Harbour " + this.word, "The harbour was busy.");
		String croatian = publish("hr", "Luka " + this.word, "Luka je bila puna brodova.");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ids(search("q=" + this.word))).containsExactlyInAnyOrder(english, croatian));

		assertThat(ids(search("q=" + this.word + "&language=hr"))).containsExactly(croatian);
		// the primary subtag matches a regional tag; upper case is the same code
		assertThat(ids(search("q=" + this.word + "&language=en"))).containsExactly(english);
		assertThat(ids(search("q=" + this.word + "&language=EN"))).containsExactly(english);
		assertThat(ids(search("q=harbours+" + this.word + "&language=en"))).containsExactly(english);
		assertThat(ids(search("q=" + this.word + "&language=de"))).isEmpty();
		Http.Response list = this.api.get("/api/v1/articles?language=en&limit=50");
		assertThat(list.status()).isEqualTo(200);
		assertThat(ids(list.json())).contains(english).doesNotContain(croatian);
	}

	@Test
	void relatedStoriesUseTheArticlesOwnLanguage() {
		String topic = letters("wnd");
		String a = publish("en", "Wind farm " + topic, "A wind farm " + topic + " is being built near the town.");
		String b = publish("en", "Turbines for " + topic, "Turbines for the wind farm " + topic + " arrived.");
		String c = publish("hr", "Wind farm " + topic, "Wind farm " + topic + " gradi se kraj grada.");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ids(search("q=" + topic))).containsExactlyInAnyOrder(a, b, c));

		Http.Response related = this.api.get("/api/v1/articles/" + a + "/related?limit=20");
		assertThat(related.status()).as(related.body()).isEqualTo(200);
		assertThat(ids(related.json())).contains(b).doesNotContain(a, c);
	}

	@Test
	void aMalformedLanguageIsRefusedNamingIt() {
		for (String bad : List.of("english", "e", "e1", "en-GB", "hr_HR", "%24ne", "")) {
			for (String path : List.of("/api/v1/articles/search?q=grad&language=", "/api/v1/articles?language=")) {
				Http.Response response = this.api.get(path + bad);
				assertThat(response.status()).as(path + bad).isEqualTo(400);
				assertThat(response.contentType()).startsWith("application/problem+json");
				assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("language");
			}
		}
	}

	private JsonNode search(String query) {
		Http.Response response = this.api.get("/api/v1/articles/search?" + query + "&limit=50");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private String publish(String language, String headline, String text) {
		Http.Response created = this.api.create(EDITOR, """
				{"headline": "%s", "language": "%s", "section": "vijesti",
				 "body": [{"type": "paragraph", "text": "%s"}]}""".formatted(headline, language, text));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(this.api.action(EDITOR, id, "publish", null).status()).isEqualTo(200);
		return id;
	}

	private static List<String> ids(JsonNode answer) {
		List<String> ids = new ArrayList<>();
		answer.path("items").forEach(item -> ids.add(item.path("id").asString()));
		return ids;
	}

	/** A word of letters only, so every analysis keeps it as one token. */
	private static String letters(String prefix) {
		StringBuilder letters = new StringBuilder(prefix);
		for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
			letters.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
		}
		return letters.toString();
	}

}
