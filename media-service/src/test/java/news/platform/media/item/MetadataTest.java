package news.platform.media.item;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.media.MediaApi;
import news.platform.media.TestImages;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.media.MediaApi.EDITOR;
import static news.platform.media.MediaApi.JOURNALIST;
import static news.platform.media.MediaApi.READER;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class MetadataTest {

	@LocalServerPort
	int port;

	MediaApi api;

	String id;

	@BeforeEach
	void setUp() {
		this.api = new MediaApi(this.port);
		this.id = this.api.uploaded(TestImages.jpeg(TestImages.picture(120, 80, 31))).path("id").asString();
	}

	@Test
	void staffEditWithOptimisticLocking() {
		MediaApi.Response first = this.api.patch(JOURNALIST, this.id, "\"1\"", """
				{"alt": "Most preko Save u sumrak", "caption": "Novi most", "credit": "Ana A./HINA",
				 "copyright": "CC BY 4.0", "source": "HINA", "tags": ["most", "Sava", "most"],
				 "focalPoint": {"x": 0.25, "y": 0.75}}
				""");
		assertThat(first.status()).as(first.text()).isEqualTo(200);
		assertThat(first.header("ETag")).isEqualTo("\"2\"");
		JsonNode item = first.json();
		assertThat(item.path("alt").asString()).isEqualTo("Most preko Save u sumrak");
		assertThat(item.path("tags").size()).isEqualTo(2);
		assertThat(item.path("focalPoint").path("x").asDouble()).isEqualTo(0.25);

		JsonNode stale = problem(this.api.patch(EDITOR, this.id, "\"1\"", "{\"caption\": \"x\"}"), 412,
				"/problems/stale-version", "If-Match");
		assertThat(stale.path("detail").asString()).contains("current version is 2");
		problem(this.api.patch(EDITOR, this.id, null, "{\"caption\": \"x\"}"), 428, "/problems/precondition-required",
				"If-Match");

		MediaApi.Response cleared = this.api.patch(EDITOR, this.id, "\"2\"", "{\"caption\": null, \"focalPoint\": null}");
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.json().has("caption")).isFalse();
		assertThat(cleared.json().path("focalPoint").path("x").asDouble()).isEqualTo(0.5);
	}

	@Test
	void readersSeeThePublicViewOnly() {
		MediaApi.Response anonymous = this.api.get("/api/v1/media/" + this.id);
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.json().has("uploadedBy")).isFalse();
		assertThat(anonymous.json().has("original")).isFalse();
		assertThat(anonymous.json().has("blurHash")).isTrue();
		MediaApi.Response staff = this.api.get("/api/v1/media/" + this.id, "Authorization", "Bearer " + EDITOR);
		assertThat(staff.json().path("uploadedBy").asString()).isEqualTo("editor-1");
		assertThat(staff.json().path("original").asString()).isEqualTo("/api/v1/media/" + this.id + "/original");
		assertThat(this.api.patch(READER, this.id, "\"1\"", "{\"caption\": \"x\"}").status()).isEqualTo(403);
	}

	@Test
	void badEditsNameTheFieldAndChangeNothing() {
		problem(this.api.patch(EDITOR, this.id, "\"1\"", "{\"focalPoint\": {\"x\": 1.2, \"y\": 0.5}}"), 422,
				"/problems/validation", "focalPoint.x");
		problem(this.api.patch(EDITOR, this.id, "\"1\"", "{\"focalPoint\": {\"x\": 0.5, \"y\": -0.01}}"), 422,
				"/problems/validation", "focalPoint.y");
		problem(this.api.patch(EDITOR, this.id, "\"1\"", "{\"focalPoint\": {\"x\": \"0.5\", \"y\": 0.5}}"), 400,
				"/problems/invalid-value", "focalPoint.x");
		problem(this.api.patch(EDITOR, this.id, "\"1\"", "{\"hash\": \"abc\"}"), 400, "/problems/unknown-field", "hash");
		problem(this.api.patch(EDITOR, this.id, "\"1\"", "{\"caption\": {\"$gt\": \"\"}}"), 400,
				"/problems/invalid-value", "caption");
		problem(this.api.patch(EDITOR, this.id, "\"1\"", "{\"alt\": \"" + "a".repeat(501) + "\"}"), 422,
				"/problems/validation", "alt");
		problem(this.api.patch(EDITOR, this.id, "\"1\"", "{\"tags\": [\"\"]}"), 422, "/problems/validation", "tags[0]");
		problem(this.api.patch(EDITOR, this.id, "\"1\"", "{}"), 422, "/problems/validation", "body");
		problem(this.api.patch(EDITOR, this.id, "\"1\"", "not json"), 400, "/problems/malformed-body", null);
		MediaApi.Response after = this.api.get("/api/v1/media/" + this.id, "Authorization", "Bearer " + EDITOR);
		assertThat(after.json().path("version").asLong()).isEqualTo(1);
		problem(this.api.patch(EDITOR, "0123456789abcdef01234567", "\"1\"", "{\"caption\": \"x\"}"), 404,
				"/problems/not-found", null);
		problem(this.api.get("/api/v1/media/nope"), 404, "/problems/not-found", null);
	}

	@Test
	void aMetadataBodyOverThePlatformLimitIsRefusedUnread() {
		// platform.web.max-body-size (64KB) holds every body but an upload
		String caption = "a".repeat(70 * 1024);
		problem(this.api.patch(EDITOR, this.id, "\"1\"", "{\"caption\": \"" + caption + "\"}"), 413,
				"/problems/payload-too-large", "body");
		MediaApi.Response after = this.api.get("/api/v1/media/" + this.id, "Authorization", "Bearer " + EDITOR);
		assertThat(after.json().path("version").asLong()).isEqualTo(1);
	}

	static JsonNode problem(MediaApi.Response response, int status, String type, String field) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).isEqualTo(type);
		if (field != null) {
			assertThat(problem.path("errors").path(0).path("field").asString()).isEqualTo(field);
		}
		return problem;
	}

}
