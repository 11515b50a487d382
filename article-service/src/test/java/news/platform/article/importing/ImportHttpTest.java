package news.platform.article.importing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;
import news.platform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class ImportHttpTest {

	private static final String NINJS = "application/ninjs+json";

	private static final String TEXT = "text/plain; charset=utf-8";

	@LocalServerPort
	int port;

	@Autowired
	MongoDatabase database;

	@Test
	void theSampleArticleImportsAsADraftOwnedByTheCaller() throws IOException {
		String text = Files.readString(Path.of("../demo/articles/sample-hr.txt"), StandardCharsets.UTF_8);
		String token = TestTokens.token("journalist-import-1", "journalist");

		Http.Response created = Http.post(url("/api/v1/articles/import?section=Svijet&tags=Sirija,Alep"), text,
				"Content-Type", TEXT, "Authorization", Http.bearer(token));

		assertThat(created.status()).isEqualTo(201);
		JsonNode draft = created.json();
		assertThat(created.header("Location")).isEqualTo("/api/v1/articles/" + draft.get("id").stringValue());
		assertThat(draft.get("status").stringValue()).isEqualTo("DRAFT");
		assertThat(draft.get("ownerId").stringValue()).isEqualTo("journalist-import-1");
		assertThat(draft.get("headline").stringValue())
			.isEqualTo("Sirijski dužnosnik je kazao da je gotovo tisuću ljudi napustilo Alep, objavio je Reuters");
		// "Svijet" is the name of the section svijet: the draft holds its path
		assertThat(draft.get("section").stringValue()).isEqualTo("svijet");
		assertThat(strings(draft.get("tags"))).containsExactly("Sirija", "Alep");
		assertThat(draft.get("source").stringValue()).isEqualTo("Reuters, TASS, AFP");
		JsonNode body = draft.get("body");
		assertThat(body.size()).isEqualTo(14);
		assertThat(body.get(2).get("type").stringValue()).isEqualTo("heading");
		assertThat(body.get(13).get("type").stringValue()).isEqualTo("related");
		assertThat(created.body()).doesNotContain("\u00A0");

		Http.Response read = Http.get(url(created.header("Location")), "Authorization", Http.bearer(token));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("headline").stringValue()).isEqualTo(draft.get("headline").stringValue());
	}

	@Test
	void aGivenHeadlineIsUsed() {
		Http.Response created = Http.post(
				url("/api/v1/articles/import?headline=" + URLEncoder.encode("Čačak i Alep", StandardCharsets.UTF_8)),
				"Prvi odlomak teksta.", "Content-Type", TEXT, "Authorization", Http.bearer(staff()));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("headline").stringValue()).isEqualTo("Čačak i Alep");
		assertThat(created.json().get("slug").stringValue()).startsWith("cacak-i-alep");
	}

	@Test
	void onlyStaffImport() {
		Http.Response reader = Http.post(url("/api/v1/articles/import"), "Tekst.", "Content-Type", TEXT,
				"Authorization", Http.bearer(TestTokens.token("reader-1", "reader")));
		Http.Response anonymous = Http.post(url("/api/v1/articles/import"), "Tekst.", "Content-Type", TEXT);

		assertThat(reader.status()).isEqualTo(403);
		assertThat(anonymous.status()).isEqualTo(401);
	}

	@Test
	void anEmptyTextIsRefusedNamingTheField() {
		long before = articles();
		for (String empty : List.of("", "  \r\n\t ")) {
			Http.Response response = Http.post(url("/api/v1/articles/import"), empty, "Content-Type", TEXT,
					"Authorization", Http.bearer(staff()));

			assertThat(response.status()).isEqualTo(422);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().at("/errors/0/field").stringValue()).isEqualTo("text");
		}
		assertThat(articles()).isEqualTo(before);
	}

	@Test
	void invalidUtf8IsRefused() throws Exception {
		long before = articles();
		byte[] latin2 = "Čačak".getBytes("ISO-8859-2");
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/v1/articles/import")))
				.header("Content-Type", TEXT)
				.header("Authorization", Http.bearer(staff()))
				.POST(HttpRequest.BodyPublishers.ofByteArray(latin2))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"text\"");
		assertThat(articles()).isEqualTo(before);
	}

	@Test
	void anOversizeTextIsRefused() {
		long before = articles();

		Http.Response response = Http.post(url("/api/v1/articles/import"), "Rečenica. ".repeat(110_000),
				"Content-Type", TEXT, "Authorization", Http.bearer(staff()));

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().get("type").stringValue()).isEqualTo("/problems/payload-too-large");
		assertThat(articles()).isEqualTo(before);
	}

	@Test
	void anotherCharsetIsRefused() {
		Http.Response response = Http.post(url("/api/v1/articles/import"), "Tekst.", "Content-Type",
				"text/plain; charset=iso-8859-2", "Authorization", Http.bearer(staff()));

		assertThat(response.status()).isEqualTo(415);
	}

	@Test
	void anAgencyNinjsItemImportsAsADraft() throws IOException {
		new news.platform.article.ArticleApi(this.port).author("Ana Anić");
		Http.Response created = Http.post(url("/api/v1/articles/import?tags=agencija"), resource("hina-item.json"),
				"Content-Type", NINJS, "Authorization", Http.bearer(TestTokens.token("editor-import-1", "editor")));

		assertThat(created.status()).isEqualTo(201);
		JsonNode draft = created.json();
		assertThat(draft.get("status").stringValue()).isEqualTo("DRAFT");
		assertThat(draft.get("ownerId").stringValue()).isEqualTo("editor-import-1");
		assertThat(draft.get("headline").stringValue())
			.isEqualTo("Olujna bura zatvorila Paški most i dionice autoceste A1");
		assertThat(draft.get("language").stringValue()).isEqualTo("hr-HR");
		// the agency's section "Hrvatska" is the name of our vijesti/hrvatska
		assertThat(draft.get("section").stringValue()).isEqualTo("vijesti/hrvatska");
		assertThat(strings(draft.get("tags"))).containsExactly("vrijeme", "promet", "bura", "agencija");
		assertThat(strings(draft.get("authors"))).containsExactly("Ana Anić");
		assertThat(draft.get("source").stringValue()).isEqualTo("HINA");
		assertThat(draft.get("body").size()).isEqualTo(6);
		assertThat(created.body()).doesNotContain("<p>", "<h2>", "<a ");
	}

	@Test
	void aGivenHeadlineReplacesTheNinjsOne() throws IOException {
		Http.Response created = Http.post(url("/api/v1/articles/import?headline=Bura%20na%20Pagu"),
				resource("hina-item.json"), "Content-Type", NINJS, "Authorization", Http.bearer(staff()));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("headline").stringValue()).isEqualTo("Bura na Pagu");
	}

	@Test
	void anEmptyNinjsBodyIsRefused() {
		Http.Response response = Http.post(url("/api/v1/articles/import"), "", "Content-Type", NINJS,
				"Authorization", Http.bearer(staff()));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().at("/errors/0/field").stringValue()).isEqualTo("$");
	}

	@Test
	void invalidNinjsIsRefusedWithThePaths() {
		long before = articles();
		Http.Response response = Http.post(url("/api/v1/articles/import"),
				"{\"headlines\": [{\"role\": \"main\"}], \"pubstatus\": \"published\"}", "Content-Type", NINJS,
				"Authorization", Http.bearer(staff()));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").stringValue()).isEqualTo("/problems/ninjs-invalid");
		assertThat(response.json().get("detail").stringValue()).contains("ninjs");
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach((error) -> fields.add(error.get("field").stringValue()));
		assertThat(fields).containsExactlyInAnyOrder("$.uri", "$.headlines[0].value", "$.pubstatus");
		assertThat(articles()).isEqualTo(before);
	}

	@Test
	void malformedNinjsIsABadRequest() {
		Http.Response response = Http.post(url("/api/v1/articles/import"), "{\"uri\": ", "Content-Type", NINJS,
				"Authorization", Http.bearer(staff()));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	private long articles() {
		return this.database.getCollection("articles").countDocuments(new Document());
	}

	private static String staff() {
		return TestTokens.token("journalist-import-2", "journalist");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		// tags and authors are {id, slug, name, url}: their names
		array.forEach((value) -> values.add(value.isObject() ? value.path("name").stringValue() : value.stringValue()));
		return values;
	}

	/**
	 * The item with a uri of its own: a known uri is the agency's next version of a story, and the
	 * test database is shared by every test of this JVM.
	 */
	private static String resource(String name) throws IOException {
		try (InputStream in = ImportHttpTest.class.getResourceAsStream("/ninjs/" + name)) {
			String item = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return item.replace("\"uri\": \"urn:newsml:hina.hr:", "\"uri\": \"urn:newsml:hina.hr:" + java.util.UUID.randomUUID() + ":");
		}
	}

}
