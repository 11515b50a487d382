package news.platform.article.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.article.ArticleApi.EDITOR;
import static news.platform.article.ArticleApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of bad input answers problem+json naming the field, and writes nothing. */
@ServiceIntegrationTest
class BadInputTest {

	@LocalServerPort
	int port;

	@Autowired
	MongoDatabase database;

	ArticleApi api;

	@BeforeEach
	void setUp() {
		this.api = new ArticleApi(this.port);
	}

	@Test
	void unknownFieldsAreNamed() {
		assertRefusedCreate("{\"headline\": \"x\", \"status\": \"PUBLISHED\"}", 400, "/problems/unknown-field",
				"status");
	}

	@Test
	void operatorShapedValuesAreRefused() {
		assertRefusedCreate("{\"headline\": {\"$ne\": null}}", 400, null, "headline");
		assertRefusedCreate("{\"headline\": \"x\", \"tags\": [{\"$gt\": \"\"}]}", 400, null, "tags");
	}

	@Test
	void keysShapedLikeOperatorsOrPathsAreRefusedAnywhere() {
		assertRefusedCreate("{\"headline\": \"x\", \"$where\": \"1\"}", 400, "/problems/operator-key", "$where");
		assertRefusedCreate("{\"headline\": \"x\", \"body\": [{\"type\": \"paragraph\", \"text\": \"t\", \"a.b\": 1}]}",
				400, "/problems/operator-key", "body[0].a.b");
	}

	@Test
	void unknownEnumValuesAreNamed() {
		assertRefusedCreate("{\"headline\": \"x\", \"body\": [{\"type\": \"video\", \"text\": \"t\"}]}", 400, null,
				"body[0]");
	}

	@Test
	void invalidValuesAreNamed() {
		assertRefusedCreate("{\"headline\": \"\"}", 422, "/problems/validation", "headline");
		assertRefusedCreate("{\"headline\": \"x\", \"slug\": \"Not A Slug\"}", 422, "/problems/validation", "slug");
		assertRefusedCreate("{\"headline\": \"x\", \"body\": [{\"type\": \"heading\", \"level\": 7, \"text\": \"t\"}]}",
				422, "/problems/validation", "body[0].level");
		assertRefusedCreate("{\"headline\": \"x\", \"embargoUntil\": \"tomorrow\"}", 400, "/problems/invalid-value",
				"embargoUntil");
	}

	@Test
	void oversizeBodiesAnswer413() {
		String big = "{\"headline\": \"x\", \"standfirst\": \"" + "a".repeat(1_100_000) + "\"}";
		Http.Response response = this.api.create(EDITOR, big);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().path("type").asString()).isEqualTo("/problems/payload-too-large");
	}

	@Test
	void oversizeBodiesWithoutContentLengthAnswer413() throws Exception {
		long before = count();
		byte[] big = ("{\"headline\": \"x\", \"standfirst\": \"" + "a".repeat(1_100_000) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		// a body of unknown length goes out chunked: no Content-Length to refuse it by, so it is counted
		HttpResponse<String> response = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(HttpRequest.newBuilder(URI.create(this.api.url("/api/v1/articles")))
				.header("Content-Type", "application/json")
				.header("Authorization", Http.bearer(EDITOR))
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.body()).contains("/problems/payload-too-large");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void invalidUtf8Answers400() throws Exception {
		long before = count();
		byte[] body = { '{', '"', 'h', 'e', 'a', 'd', 'l', 'i', 'n', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"',
				'}' };
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.api.url("/api/v1/articles")))
				.header("Content-Type", "application/json")
				.header("Authorization", Http.bearer(EDITOR))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.body()).contains("/problems/invalid-encoding");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aSlugCollisionAnswers409() {
		JsonNode first = this.api.draft(EDITOR, unique("Zauzeto"));
		assertRefusedCreate("{\"headline\": \"y\", \"slug\": \"" + first.path("slug").asString() + "\"}", 409,
				"/problems/slug-taken", "slug");
		JsonNode second = this.api.draft(EDITOR, unique("Drugo"));
		Http.Response clash = this.api.update("PATCH", EDITOR, second.path("id").asString(), "\"1\"",
				"{\"slug\": \"" + first.path("slug").asString() + "\"}");
		assertThat(clash.status()).isEqualTo(409);
		assertThat(this.api.get("/api/v1/articles/" + second.path("id").asString(), "Authorization",
				Http.bearer(EDITOR)).json().path("revision").asLong()).isEqualTo(1);
	}

	@Test
	void malformedCursorsAnswer400() {
		Http.Response response = this.api.get("/api/v1/articles?cursor=not-a-cursor!");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void unsupportedMediaTypesAnswer415() {
		Http.Response response = Http.post(this.api.url("/api/v1/articles"), "headline=x", "Content-Type",
				"application/x-www-form-urlencoded", "Authorization", Http.bearer(EDITOR));
		assertThat(response.status()).isEqualTo(415);
	}

	private void assertRefusedCreate(String json, int status, String type, String field) {
		long before = count();
		Http.Response response = this.api.create(EDITOR, json);
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		if (type != null) {
			assertThat(problem.path("type").asString()).isEqualTo(type);
		}
		assertThat(problem.path("errors").get(0).path("field").asString()).as(response.body()).startsWith(field);
		assertThat(count()).isEqualTo(before);
	}

	private long count() {
		return this.database.getCollection("articles").countDocuments(new Document());
	}

}
