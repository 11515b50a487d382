package news.platform.article.reader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.article.commit.ArticleCommits;
import news.platform.article.schedule.Schedule;
import news.platform.article.section.SectionDirectory;
import news.platform.article.story.Article;
import news.platform.article.story.Articles;
import news.platform.article.story.Correction;
import news.platform.article.web.ContentCoding;
import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.article.ArticleApi.EDITOR;
import static news.platform.article.ArticleApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class ReaderHttpCachingTest {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Articles articles;

	@Autowired
	Schedule schedule;

	@Autowired
	FeedPublisher articleFeed;

	@Autowired
	SectionDirectory sections;

	ArticleApi api;

	@BeforeEach
	void setUp() {
		this.api = new ArticleApi(this.port);
	}

	@Test
	void publishedArticlesCarryCdnHeadersAndAnswer304() {
		JsonNode article = this.api.published(unique("Keširano"));
		String path = "/api/v1/articles/by-slug/" + article.path("slug").asString();
		Http.Response first = this.api.get(path);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=60, stale-while-revalidate=30, stale-if-error=86400");
		assertThat(first.header("Vary")).isEqualTo("Accept, Accept-Encoding");
		assertThat(first.header("Last-Modified")).isNotBlank();
		assertThat(first.header("Content-Encoding")).isNull();
		String etag = first.header("ETag");
		assertThat(etag).matches("\"[0-9a-f]{32}\"");
		assertThat(first.json().path("headline").asString()).isEqualTo(article.path("headline").asString());
		assertThat(first.json().has("ownerId")).isFalse();

		Http.Response again = this.api.get(path, "If-None-Match", etag);
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(this.api.get("/api/v1/articles/" + article.path("id").asString()).header("ETag")).isEqualTo(etag);
	}

	/**
	 * An anonymous read by slug is answered by ReaderFastPath before the security chain; with a
	 * token the same read goes through the chain to the controller. Both must answer alike.
	 */
	@Test
	void theAnonymousFastPathAnswersExactlyAsTheControllerDoes() throws Exception {
		JsonNode article = this.api.published(unique("Brzi put"));
		String url = this.api.url("/api/v1/articles/by-slug/" + article.path("slug").asString());
		for (String encoding : new String[] { "identity", "gzip" }) {
			HttpResponse<byte[]> fast = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
				.header("Accept-Encoding", encoding)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			HttpResponse<byte[]> controller = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
				.header("Accept-Encoding", encoding)
				.header("Authorization", Http.bearer(ArticleApi.READER))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(fast.statusCode()).isEqualTo(200).isEqualTo(controller.statusCode());
			assertThat(fast.body()).isEqualTo(controller.body());
			for (String header : new String[] { "ETag", "Cache-Control", "Vary", "Content-Type", "Content-Encoding",
					"Content-Length", "Last-Modified", "X-Content-Type-Options", "X-Frame-Options", "X-XSS-Protection" }) {
				assertThat(fast.headers().firstValue(header)).as(encoding + " " + header)
					.isEqualTo(controller.headers().firstValue(header));
			}
			HttpResponse<byte[]> notModified = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
				.header("Accept-Encoding", encoding)
				.header("If-None-Match", fast.headers().firstValue("ETag").orElseThrow())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(notModified.statusCode()).isEqualTo(304);
		}
		// an unknown slug still gets the controller's problem
		Http.Response missing = this.api.get("/api/v1/articles/by-slug/nema-ga-" + System.nanoTime());
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("application/problem+json");
	}

	@Test
	void gzipIsItsOwnRepresentationWithItsOwnETag() throws Exception {
		JsonNode article = this.api.published(unique("Sažeto"));
		String url = this.api.url("/api/v1/articles/" + article.path("id").asString());
		HttpResponse<byte[]> gzipped = CLIENT.send(
				HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip, deflate").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(gzipped.statusCode()).isEqualTo(200);
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		String gzipEtag = gzipped.headers().firstValue("ETag").orElseThrow();
		assertThat(gzipEtag).endsWith("-gz\"");
		String identity = this.api.get("/api/v1/articles/" + article.path("id").asString()).body();
		assertThat(gunzip(gzipped.body())).isEqualTo(identity);
		assertThat(gzipEtag).isEqualTo(this.api.get("/api/v1/articles/" + article.path("id").asString())
			.header("ETag")
			.replace("\"", "")
			.transform(hash -> "\"" + hash + "-gz\""));
		HttpResponse<byte[]> notModified = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
			.header("Accept-Encoding", "gzip")
			.header("If-None-Match", gzipEtag)
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(notModified.statusCode()).isEqualTo(304);
	}

	@Test
	void aWriteOnThisReplicaIsVisibleAtOnce() {
		JsonNode article = this.api.published(unique("Odmah"));
		String id = article.path("id").asString();
		String etag = this.api.get("/api/v1/articles/" + id).header("ETag");
		Http.Response patched = this.api.update("PATCH", EDITOR, id, "\"" + article.path("revision").asLong() + "\"",
				"{\"standfirst\": \"Promijenjeno\"}");
		assertThat(patched.status()).isEqualTo(200);
		Http.Response after = this.api.get("/api/v1/articles/" + id, "If-None-Match", etag);
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.json().path("standfirst").asString()).isEqualTo("Promijenjeno");
	}

	@Test
	void aWriteOnAnotherReplicaArrivesThroughTheFeedWithinTwoSeconds() {
		JsonNode article = this.api.published(unique("Druga replika"));
		String id = article.path("id").asString();
		assertThat(this.api.get("/api/v1/articles/" + id).json().path("standfirst").asString()).isEqualTo("Uvod");
		// another replica: same database, but its in-process notifications never reach this one
		ArticleCommits otherReplica = new ArticleCommits(this.articles, this.schedule, this.articleFeed, event -> {
		}, Clock.systemUTC(), this.sections);
		Article before = this.articles.find(id).orElseThrow();
		Article changed = before.withWorkflow(before.status(), before.publishedAt(), before.firstPublishedAt(),
				before.scheduledAt(), before.embargoUntil(),
				List.of(new Correction(otherReplica.now(), "Druga replika.")),
				otherReplica.now(), "editor-2");
		assertThat(otherReplica.save(before, changed, "corrections")).isPresent();
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(this.api.get("/api/v1/articles/" + id).json().path("corrections").size())
				.isEqualTo(1));
	}

	@Test
	void ninjsIsARepresentationOfItsOwn() {
		JsonNode article = this.api.published(unique("Agencija"));
		String id = article.path("id").asString();
		Http.Response ninjs = this.api.get("/api/v1/articles/" + id, "Accept", "application/ninjs+json");
		assertThat(ninjs.status()).as(ninjs.body()).isEqualTo(200);
		assertThat(ninjs.contentType()).startsWith("application/ninjs+json");
		assertThat(ninjs.json().path("uri").asString()).endsWith(id);
		assertThat(ninjs.header("Vary")).contains("Accept");
		String json = this.api.get("/api/v1/articles/" + id).header("ETag");
		assertThat(ninjs.header("ETag")).isNotEqualTo(json);
		assertThat(this.api.get("/api/v1/articles/" + id, "Accept", "application/ninjs+json", "If-None-Match",
				ninjs.header("ETag")).status()).isEqualTo(304);
		Http.Response staffExport = this.api.get("/api/v1/articles/" + this.api.draft(EDITOR, unique("Skica")).path("id").asString(),
				"Accept", "application/ninjs+json", "Authorization", Http.bearer(EDITOR));
		assertThat(staffExport.status()).isEqualTo(200);
		assertThat(staffExport.contentType()).startsWith("application/ninjs+json");
	}

	@Test
	void gzipAcceptanceFollowsQualityValues() {
		assertThat(ContentCoding.acceptsGzip("gzip")).isTrue();
		assertThat(ContentCoding.acceptsGzip("br, gzip;q=0.5")).isTrue();
		assertThat(ContentCoding.acceptsGzip("gzip;q=0")).isFalse();
		assertThat(ContentCoding.acceptsGzip("br")).isFalse();
		assertThat(ContentCoding.acceptsGzip(null)).isFalse();
	}

	private static String gunzip(byte[] bytes) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
