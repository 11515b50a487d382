package news.platform.article.translation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
 * Translations over HTTP (issue 16 item 6): linked with a PUT, listed in the reader answer while
 * published (language and public URL, for hreflang), gone from the others' answers when one is
 * unpublished; the bad input refused naming the field, nothing written.
 */
@ServiceIntegrationTest
class TranslationHttpTest {

	@LocalServerPort
	int port;

	ArticleApi api;

	@BeforeEach
	void setUp() {
		this.api = new ArticleApi(this.port);
	}

	@Test
	void readersSeeThePublishedTranslationsWithLanguageAndUrlAndAnUnpublishedOneLeaves() {
		String hr = create("hr", "Potres u Zagrebu", true);
		String en = create("en", "Earthquake in Zagreb", true);
		String de = create("de", "Erdbeben in Zagreb", false);
		assertThat(reader(hr).path("translations")).isEmpty();
		long head = Http.get(this.api.url("/internal/v1/articles/events/head"), "Authorization",
				Http.bearer(ArticleApi.SERVICE)).json().path("seq").asLong();

		Http.Response linked = put(hr, etag(hr), "[\"" + en + "\", \"" + de + "\"]");
		assertThat(linked.status()).as(linked.body()).isEqualTo(200);
		assertThat(ids(linked.json().path("translations"), "id")).containsExactly(en, de);
		assertThat(linked.json().at("/translations/1/status").asString()).isEqualTo("draft");

		// the draft is not shown to readers; the English one is, with its language and URL
		JsonNode translations = reader(hr).path("translations");
		assertThat(ids(translations, "id")).containsExactly(en);
		assertThat(translations.at("/0/language").asString()).isEqualTo("en");
		assertThat(translations.at("/0/url").asString()).startsWith("http://localhost:8080/")
			.isEqualTo(reader(en).path("url").asString());
		// every member lists the others
		assertThat(ids(reader(en).path("translations"), "id")).containsExactly(hr);
		assertThat(ids(get(de).json().path("translations"), "id")).containsExactlyInAnyOrder(hr, en);
		// announced on the feed, one event per member, which other replicas' reader caches act on
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			JsonNode events = Http.get(this.api.url("/internal/v1/articles/events?limit=1000&after=" + head),
					"Authorization", Http.bearer(ArticleApi.SERVICE)).json().path("events");
			List<String> announced = new ArrayList<>();
			events.forEach(event -> {
				if ("translations.changed".equals(event.path("type").asString())) {
					announced.add(event.path("articleId").asString());
					assertThat(event.path("schemaVersion").asInt()).isEqualTo(2);
					assertThat(event.at("/data/translations")).hasSize(2);
				}
			});
			assertThat(announced).containsExactlyInAnyOrder(hr, en, de);
		});

		// published: shows in the others' (cached) answers
		assertThat(this.api.action(EDITOR, de, "publish", null).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(ids(reader(hr).path("translations"), "id")).containsExactly(en, de));
		assertThat(ids(reader(en).path("translations"), "id")).containsExactlyInAnyOrder(hr, de);

		// unpublished: gone from every other reader answer within 2 s
		assertThat(this.api.action(EDITOR, en, "unpublish", null).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
			assertThat(ids(reader(hr).path("translations"), "id")).containsExactly(de);
			assertThat(ids(reader(de).path("translations"), "id")).containsExactly(hr);
		});
		// staff still see the link, with its status
		assertThat(get(hr).json().at("/translations/0/status").asString()).isEqualTo("unpublished");

		// unlinked: hr leaves, de has no translations left
		Http.Response left = put(hr, etag(hr), "[]");
		assertThat(left.status()).as(left.body()).isEqualTo(200);
		assertThat(left.json().path("translations")).isEmpty();
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
			assertThat(reader(hr).path("translations")).isEmpty();
			assertThat(ids(reader(de).path("translations"), "id")).isEmpty();
		});
		assertThat(ids(get(en).json().path("translations"), "id")).containsExactly(de);
	}

	@Test
	void aLinkToItselfOrAcrossTwoGroupsIsRefusedNamingTheFieldAndNothingIsWritten() {
		String a = create("hr", "Izbori", true);
		String b = create("en", "Elections", true);
		String c = create("fr", "Élections dans la ville", true);
		String d = create("en", "Elections in the city", true);
		assertThat(put(a, etag(a), "[\"" + b + "\"]").status()).isEqualTo(200);
		assertThat(put(c, etag(c), "[\"" + d + "\"]").status()).isEqualTo(200);

		assertRefused(put(a, etag(a), "[\"" + a + "\"]"), 422, "translations[0]");
		assertRefused(put(a, etag(a), "[\"" + b + "\", \"" + d + "\"]"), 422, "translations[1]");
		String e = create("de", "Wahlen", true);
		assertRefused(put(e, etag(e), "[\"" + b + "\", \"" + d + "\"]"), 422, "translations[1]");
		assertRefused(put(a, etag(a), "[\"" + b + "\", \"" + b + "\"]"), 422, "translations[1]");
		assertRefused(put(a, etag(a), "[\"ffffffffffffffffffffffff\"]"), 422, "translations[0]");
		assertRefused(put(a, etag(a), "[\"$ne\"]"), 422, "translations[0]");
		assertRefused(put(a, etag(a), "[\"" + b + "\", \"" + c + "\"]"), 422, "translations[1]");
		assertRefused(put(a, etag(a), "{}"), 422, "translations");
		assertRefused(put(a, null, "[\"" + b + "\"]"), 428, "If-Match");
		assertRefused(put(a, "\"999\"", "[\"" + b + "\"]"), 412, "If-Match");
		Http.Response journalist = Http.send("PUT", this.api.url("/api/v1/articles/" + a + "/translations"),
				"{\"translations\": []}", "Content-Type", "application/json", "Authorization",
				Http.bearer(ArticleApi.journalist("journalist-9")), "If-Match", etag(a));
		assertThat(journalist.status()).isIn(403, 404);

		// nothing written: both groups as they were, readers see the same
		assertThat(ids(get(a).json().path("translations"), "id")).containsExactly(b);
		assertThat(ids(get(c).json().path("translations"), "id")).containsExactly(d);
		assertThat(get(e).json().path("translations")).isEmpty();
		assertThat(ids(reader(b).path("translations"), "id")).containsExactly(a);
		assertThat(ids(reader(d).path("translations"), "id")).containsExactly(c);
	}

	private void assertRefused(Http.Response response, int status, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().at("/errors/0/field").asString()).as(response.body()).isEqualTo(field);
	}

	private String create(String language, String headline, boolean publish) {
		Http.Response created = this.api.create(EDITOR, """
				{"headline": "%s", "language": "%s", "section": "vijesti",
				 "body": [{"type": "paragraph", "text": "Tekst."}]}""".formatted(ArticleApi.unique(headline), language));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		if (publish) {
			assertThat(this.api.action(EDITOR, id, "publish", null).status()).isEqualTo(200);
		}
		return id;
	}

	private String etag(String id) {
		Http.Response response = get(id);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.header("ETag");
	}

	private Http.Response get(String id) {
		return this.api.get("/api/v1/articles/" + id + "/translations", "Authorization", Http.bearer(EDITOR));
	}

	private Http.Response put(String id, String etag, String translations) {
		String body = translations.startsWith("{") ? translations : "{\"translations\": " + translations + "}";
		List<String> headers = new ArrayList<>(
				List.of("Content-Type", "application/json", "Authorization", Http.bearer(EDITOR)));
		if (etag != null) {
			headers.addAll(List.of("If-Match", etag));
		}
		return Http.send("PUT", this.api.url("/api/v1/articles/" + id + "/translations"), body,
				headers.toArray(String[]::new));
	}

	private JsonNode reader(String id) {
		Http.Response response = this.api.get("/api/v1/articles/" + id);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> ids(JsonNode array, String field) {
		List<String> ids = new ArrayList<>();
		array.forEach(item -> ids.add(item.path(field).asString()));
		return ids;
	}

}
