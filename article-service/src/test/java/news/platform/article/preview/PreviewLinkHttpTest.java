package news.platform.article.preview;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.article.ArticleApi.EDITOR;
import static news.platform.article.ArticleApi.journalist;
import static news.platform.article.ArticleApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Preview links: made by staff, read by anyone holding the token, ended at once by revoking. */
@ServiceIntegrationTest
class PreviewLinkHttpTest {

	@LocalServerPort
	int port;

	@Autowired
	PreviewLinks links;

	ArticleApi api;

	@BeforeEach
	void setUp() {
		this.api = new ArticleApi(this.port);
	}

	@Test
	void anOutsiderReadsADraftThroughALinkUntilItIsRevoked() {
		String token = journalist("j-preview");
		JsonNode draft = this.api.draft(token, unique("Pregled nacrta"));
		String id = draft.path("id").asString();

		Http.Response created = Http.post(this.api.url("/api/v1/articles/" + id + "/previews"), "", "Authorization",
				Http.bearer(token));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode link = created.json();
		String previewToken = link.path("token").asString();
		assertThat(link.path("apiUrl").asString()).contains("/articles/preview?token=");
		assertThat(link.path("url").asString()).startsWith("http://localhost:8080/").contains("?token=");
		assertThat(Instant.parse(link.path("expiresAt").asString())).isAfter(Instant.now().plus(Duration.ofHours(1)));

		Http.Response read = read(previewToken);
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.json().path("headline").asString()).isEqualTo(draft.path("headline").asString());
		assertThat(read.json().path("status").asString()).isEqualTo("DRAFT");
		assertThat(read.header("Cache-Control")).isEqualTo("private, no-store");
		assertThat(read.header("X-Robots-Tag")).isEqualTo("noindex");

		JsonNode listed = Http.get(this.api.url("/api/v1/articles/" + id + "/previews"), "Authorization",
				Http.bearer(EDITOR)).json();
		assertThat(listed.get(0).path("id").asString()).isEqualTo(link.path("id").asString());

		assertThat(Http.send("DELETE", this.api.url("/api/v1/articles/" + id + "/previews/" + link.path("id").asString()),
				null, "Authorization", Http.bearer(token)).status()).isEqualTo(204);
		Http.Response revoked = read(previewToken);
		assertThat(revoked.status()).isEqualTo(404);
		assertThat(revoked.header("Cache-Control")).isEqualTo("private, no-store");
	}

	@Test
	void tamperedMadeUpAndForeignTokensTellNothing() {
		String id = this.api.draft(EDITOR, unique("Tajni pregled")).path("id").asString();
		String good = Http.post(this.api.url("/api/v1/articles/" + id + "/previews"), "", "Authorization",
				Http.bearer(EDITOR)).json().path("token").asString();
		int dot = good.indexOf('.');
		String payload = new String(Base64.getUrlDecoder().decode(good.substring(0, dot)), StandardCharsets.UTF_8);
		String longer = payload.substring(0, payload.lastIndexOf(':') + 1) + "9999999999";
		String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(longer.getBytes(StandardCharsets.UTF_8))
				+ good.substring(dot);

		Http.Response refusedTampered = read(tampered);
		Http.Response refusedMadeUp = read("abc.def");
		Http.Response refusedMissing = Http.get(this.api.url("/api/v1/articles/preview"));
		assertThat(refusedTampered.status()).isEqualTo(404);
		assertThat(refusedMadeUp.status()).isEqualTo(404);
		assertThat(refusedMissing.status()).isEqualTo(404);
		assertThat(refusedTampered.json().path("detail").asString())
			.isEqualTo(refusedMadeUp.json().path("detail").asString());

		// someone else's draft: no link for a journalist who cannot see it, and nothing says it exists
		assertThat(Http.post(this.api.url("/api/v1/articles/" + id + "/previews"), "", "Authorization",
				Http.bearer(journalist("j-stranger"))).status()).isEqualTo(404);
		assertThat(Http.post(this.api.url("/api/v1/articles/" + id + "/previews"), "").status())
			.as("anonymous").isIn(401, 403);
	}

	@Test
	void anExpiredLinkAnswersAsAnUnknownOne() {
		String id = this.api.draft(EDITOR, unique("Istekli pregled")).path("id").asString();
		PreviewLinks.Link expired = this.links.create(id, "editor-1", Instant.now().minusSeconds(5));
		Http.Response refused = read(expired.token());
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.header("X-Robots-Tag")).isEqualTo("noindex");
	}

	@Test
	void aPublishedArticleNeedsNoPreview() {
		String id = this.api.published(unique("Već objavljeno")).path("id").asString();
		assertThat(Http.post(this.api.url("/api/v1/articles/" + id + "/previews"), "", "Authorization",
				Http.bearer(EDITOR)).status()).isEqualTo(409);
	}

	private Http.Response read(String token) {
		return Http.get(this.api.url("/api/v1/articles/preview?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
	}

}
