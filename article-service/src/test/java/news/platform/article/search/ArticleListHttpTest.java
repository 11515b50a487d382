package news.platform.article.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.article.search.Documents.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The list and search endpoints over HTTP. Articles go in through the index's public interface
 * (and once through the editor API and the event feed);
 * each test uses its own section and a made-up word, so data of other tests in the shared context
 * cannot change what it sees.
 */
@ServiceIntegrationTest
class ArticleListHttpTest {

	@LocalServerPort
	int port;

	@Autowired
	ArticleIndex index;

	@Autowired
	MeterRegistry meters;

	private String section;

	private String word;

	@BeforeEach
	void isolate() {
		String unique = UUID.randomUUID().toString().replace("-", "").replaceAll("[0-9]", "x");
		this.section = "sec-" + unique;
		this.word = "zq" + unique.substring(0, 10) + "x";
	}

	@Test
	void listsNewestFirstWithSelectedFieldsAndACursor() {
		for (int i = 0; i < 5; i++) {
			this.index.upsert(article(this.section + "-" + i, i, "Naslov " + i, "Uvod " + i, "Tekst", this.section,
					List.of("Alep")));
		}

		Http.Response first = Http.get(api("/api/v1/articles?section=" + this.section + "&limit=2&fields=headline"));

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.contentType()).startsWith("application/json");
		JsonNode items = first.json().path("items");
		assertThat(items.size()).isEqualTo(2);
		assertThat(items.get(0).path("id").asString()).isEqualTo(this.section + "-4");
		assertThat(items.get(0).path("headline").asString()).isEqualTo("Naslov 4");
		assertThat(items.get(0).has("standfirst")).as("not selected").isFalse();

		List<String> ids = new ArrayList<>();
		items.forEach(item -> ids.add(item.path("id").asString()));
		String cursor = first.json().path("nextCursor").asString();
		while (cursor != null && !cursor.isEmpty()) {
			Http.Response next = Http.get(api("/api/v1/articles?section=" + this.section + "&limit=2&cursor=" + cursor));
			assertThat(next.status()).isEqualTo(200);
			next.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
			cursor = next.json().path("nextCursor").isNull() ? null : next.json().path("nextCursor").asString();
		}
		assertThat(ids).containsExactly(this.section + "-4", this.section + "-3", this.section + "-2",
				this.section + "-1", this.section + "-0");

		JsonNode full = Http.get(api("/api/v1/articles?section=" + this.section + "&limit=1")).json().path("items").get(0);
		assertThat(full.path("slug").asString()).isEqualTo("slug-" + this.section + "-4");
		assertThat(full.path("tags").get(0).path("name").asString()).isEqualTo("Alep");
		assertThat(full.path("authors").get(0).path("name").asString()).isEqualTo("Ana Horvat");
		assertThat(full.path("publishedAt").asString()).endsWith("Z");
		assertThat(full.path("language").asString()).isEqualTo("hr");
	}

	@Test
	void searchRanksAndHighlights() {
		this.index.upsert(article(this.section + "-body", 5, "Vijesti", null, "Danas se spominje " + this.word + ".",
				this.section, List.of()));
		this.index.upsert(article(this.section + "-head", 1, "Naslov o " + this.word, null, "Tekst.", this.section,
				List.of()));

		Http.Response response = Http.get(api("/api/v1/articles/search?q=" + this.word + "&section=" + this.section));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode items = response.json().path("items");
		assertThat(items.size()).isEqualTo(2);
		assertThat(items.get(0).path("id").asString()).isEqualTo(this.section + "-head");
		assertThat(items.get(0).path("highlights").path("headline").asString())
			.isEqualTo("Naslov o <mark>" + this.word + "</mark>");
		assertThat(items.get(1).path("highlights").path("body").asString()).contains("<mark>" + this.word + "</mark>");
		assertThat(response.json().path("nextCursor").isNull()).isTrue();
	}

	@Test
	void searchFindsCroatianFormsFromPlainLetters() {
		this.index.upsert(article(this.section + "-1", 1, "Sajam u Čačku", null,
				"U Čačak stižu evakuacije i novi život.", this.section, List.of()));

		for (String q : List.of("cacak", "evakuacija", "zivot", "ČAČAK")) {
			Http.Response response = Http.get(api("/api/v1/articles/search?q=" + encode(q) + "&section=" + this.section));
			assertThat(response.json().path("items").size()).as(q).isEqualTo(1);
		}
	}

	@Test
	void answersWithAStrongEtagAndNotModified() {
		this.index.upsert(article(this.section + "-1", 1, "Naslov", null, "Tekst", this.section, List.of()));
		String url = api("/api/v1/articles?section=" + this.section + "&limit=1&fields=headline");

		Http.Response response = Http.get(url);
		String etag = response.header("ETag");

		assertThat(etag).matches("\"[A-Za-z0-9_-]+\"");
		assertThat(response.header("Cache-Control"))
			.isEqualTo("public, max-age=10, stale-while-revalidate=30, stale-if-error=86400");
		assertThat(response.header("Vary")).contains("Accept-Encoding");
		Http.Response again = Http.get(url, "If-None-Match", etag);
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(Http.get(url, "If-None-Match", "\"other\"").status()).isEqualTo(200);
	}

	@Test
	void compressesLargePagesWithTheirOwnEtag() {
		for (int i = 0; i < 10; i++) {
			this.index.upsert(article(this.section + "-" + i, i, "Naslov " + i, "Uvod ".repeat(30), "Tekst",
					this.section, List.of()));
		}
		String url = api("/api/v1/articles?section=" + this.section);

		Http.Response plain = Http.get(url);
		Http.Response gzip = Http.get(url, "Accept-Encoding", "gzip");

		assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
		assertThat(gzip.header("ETag")).isEqualTo(plain.header("ETag").replaceAll("\"$", "-gz\""));
		assertThat(Http.get(url, "Accept-Encoding", "gzip", "If-None-Match", gzip.header("ETag")).status())
			.isEqualTo(304);
	}

	@Test
	void hidesEmbargoedArticles() {
		SearchDocument embargoed = Documents.embargoed(
				article(this.section + "-e", 1, "Tajno " + this.word, null, "x", this.section, List.of()),
				java.time.Instant.now().plusSeconds(3600));
		this.index.upsert(embargoed);

		assertThat(Http.get(api("/api/v1/articles?section=" + this.section)).json().path("items").size()).isZero();
		assertThat(Http.get(api("/api/v1/articles/search?q=" + this.word)).json().path("items").size()).isZero();
	}

	@Test
	void identicalSearchesShareOneRenderedResponseUntilTheIndexChanges() {
		this.index.upsert(article(this.section + "-1", 1, "Prvi " + this.word, null, "x", this.section, List.of()));
		String url = api("/api/v1/articles/search?q=" + this.word);
		Http.Response first = Http.get(url);
		double hits = searchCacheHits();

		Http.Response second = Http.get(url);

		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
		assertThat(searchCacheHits()).as("served from the cache").isGreaterThan(hits);

		this.index.upsert(article(this.section + "-2", 2, "Drugi " + this.word, null, "x", this.section, List.of()));

		assertThat(ids(Http.get(url))).as("a write changes the index version: no stale page")
			.containsExactly(this.section + "-2", this.section + "-1");
	}

	@Test
	void showsAnArticleWhenItsEmbargoEndsWithoutAnotherWrite() {
		java.time.Instant ends = java.time.Instant.now().plusMillis(1500);
		this.index.upsert(Documents.embargoed(
				article(this.section + "-e", 1, "Uskoro " + this.word, null, "x", this.section, List.of()), ends));
		String url = api("/api/v1/articles/search?q=" + this.word);

		assertThat(ids(Http.get(url))).isEmpty();
		assertThat(ids(Http.get(url))).as("the cached answer, still before the end").isEmpty();

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(ids(Http.get(url))).hasSize(1));
		assertThat(java.time.Instant.now()).as("never before its time").isAfterOrEqualTo(ends);
	}

	@Test
	void followsPublishingThroughTheEventFeed() {
		ArticleApi api = new ArticleApi(this.port);
		JsonNode article = api.published("Izvanredna vijest " + this.word);
		String id = article.path("id").asString();
		String search = api("/api/v1/articles/search?q=" + this.word);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ids(Http.get(search))).containsExactly(id));
		JsonNode item = Http.get(search).json().path("items").get(0);
		assertThat(item.path("headline").asString()).isEqualTo("Izvanredna vijest " + this.word);
		assertThat(item.path("authors").get(0).path("name").asString()).isEqualTo("Ana Anić");

		Http.Response unpublished = api.action(ArticleApi.EDITOR, id, "unpublish", null);
		assertThat(unpublished.status()).as(unpublished.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(Http.get(search).json().path("items").size()).isZero());
	}

	@Test
	void refusesBadInputNamingTheParameter() {
		assertBadParameter("/api/v1/articles?cursor=not-a-cursor!!", "cursor");
		assertBadParameter("/api/v1/articles?cursor=AAAA", "cursor");
		assertBadParameter("/api/v1/articles?fields=headline,password", "fields");
		assertBadParameter("/api/v1/articles?fields=highlights", "fields");
		assertBadParameter("/api/v1/articles?limit=51", "limit");
		assertBadParameter("/api/v1/articles?limit=0", "limit");
		assertBadParameter("/api/v1/articles?limit=ten", "limit");
		assertBadParameter("/api/v1/articles?from=2026-11-25", "from");
		assertBadParameter("/api/v1/articles?to=2026-11-25T10:00:00", "to");
		assertBadParameter("/api/v1/articles?from=2026-11-25T10:00:00Z&to=2026-11-24T10:00:00Z", "to");
		assertBadParameter("/api/v1/articles?sectoin=sport", "sectoin");
		assertBadParameter("/api/v1/articles?section=a&section=b", "section");
		assertBadParameter("/api/v1/articles/search?q=", "q");
		assertBadParameter("/api/v1/articles/search?section=sport", "q");
		assertBadParameter("/api/v1/articles/search?q=x&limit=500", "limit");

		String listCursor = PageCursorTestSupport.listCursor();
		assertBadParameter("/api/v1/articles/search?q=x&cursor=" + listCursor, "cursor");
	}

	@Test
	void acceptsOffsetDatesAndALimitOfFifty() {
		this.index.upsert(article(this.section + "-1", 60, "Naslov", null, "x", this.section, List.of()));
		// 09:00+01:00 is 08:00Z, the Documents base; the article is an hour later
		String from = encode("2026-11-01T09:30:00+01:00");
		String to = encode("2026-11-01T10:30:00+01:00");

		Http.Response response = Http
			.get(api("/api/v1/articles?section=" + this.section + "&from=" + from + "&to=" + to + "&limit=50"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("items").size()).isEqualTo(1);
	}

	@Test
	void documentsBothEndpointsInOpenApi() {
		JsonNode paths = Http.get(api("/v3/api-docs")).json().path("paths");

		assertThat(paths.path("/api/v1/articles").path("get").path("parameters").toString()).contains("\"cursor\"")
			.doesNotContain("\"parameters\"");
		assertThat(paths.path("/api/v1/articles/search").path("get").path("parameters").toString()).contains("\"q\"");
	}

	private double searchCacheHits() {
		return this.meters.get("cache.gets").tag("cache", "search-responses").tag("result", "hit")
			.functionCounter().count();
	}

	private static List<String> ids(Http.Response response) {
		List<String> ids = new ArrayList<>();
		response.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
		return ids;
	}

	private void assertBadParameter(String path, String field) {
		Http.Response response = Http.get(api(path));
		assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("errors").get(0).path("field").asString()).as(path).isEqualTo(field);
		assertThat(response.json().path("type").asString()).startsWith("/problems/");
	}

	private String api(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
