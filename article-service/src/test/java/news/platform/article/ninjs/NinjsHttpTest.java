package news.platform.article.ninjs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.story.Block;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;
import news.platform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** An agency item in, the same article out as ninjs, valid against the official schema. */
@ServiceIntegrationTest
class NinjsHttpTest {

	@LocalServerPort
	int port;

	@Test
	void anImportedItemReadsBackAsValidNinjsBeforeAndAfterPublishing() throws IOException {
		String editor = Http.bearer(TestTokens.token("editor-ninjs-1", "editor"));
		Http.Response imported = Http.post(url("/api/v1/articles/import"), resource("hina-item.json"), "Content-Type",
				NinjsMapper.MEDIA_TYPE, "Authorization", editor);
		assertThat(imported.status()).isEqualTo(201);
		String id = imported.json().get("id").stringValue();

		Http.Response draft = Http.get(url("/api/v1/articles/" + id), "Accept", NinjsMapper.MEDIA_TYPE,
				"Authorization", editor);

		assertThat(draft.status()).isEqualTo(200);
		assertThat(draft.contentType()).startsWith(NinjsMapper.MEDIA_TYPE);
		JsonNode withheld = draft.json();
		assertThat(NinjsSchema.validate(withheld)).isEmpty();
		assertThat(withheld.get("uri").stringValue()).isEqualTo(NinjsMapper.URI_PREFIX + id);
		assertThat(withheld.get("pubstatus").stringValue()).isEqualTo("withheld");
		assertThat(withheld.at("/headlines/0/value").stringValue())
			.isEqualTo("Olujna bura zatvorila Paški most i dionice autoceste A1");
		assertThat(texts(NinjsMapper.fromNinjs(withheld).blocks())).isEqualTo(texts(imported.json().get("body")));

		Http.Response published = Http.post(url("/api/v1/articles/" + id + "/publish"), null, "If-Match",
				imported.header("ETag"), "Authorization", editor);
		assertThat(published.status()).isEqualTo(200);

		Http.Response reader = Http.get(url("/api/v1/articles/" + id), "Accept", NinjsMapper.MEDIA_TYPE);
		assertThat(reader.status()).isEqualTo(200);
		assertThat(reader.contentType()).startsWith(NinjsMapper.MEDIA_TYPE);
		assertThat(NinjsSchema.validate(reader.json())).isEmpty();
		assertThat(reader.json().get("pubstatus").stringValue()).isEqualTo("usable");
		assertThat(Http.get(url("/api/v1/articles/" + id)).contentType()).startsWith("application/json");
	}

	private static List<String> texts(List<Block> blocks) {
		List<String> texts = new ArrayList<>();
		for (Block block : blocks) {
			texts.add(block.getClass().getSimpleName() + ":"
					+ ((block instanceof Block.RelatedLink link) ? link.title() : block.plainText()));
		}
		return texts;
	}

	private static List<String> texts(JsonNode body) {
		List<String> texts = new ArrayList<>();
		for (JsonNode block : body) {
			String type = switch (block.get("type").stringValue()) {
				case "paragraph" -> "Paragraph";
				case "heading" -> "Heading";
				case "quote" -> "Quote";
				case "related" -> "RelatedLink";
				default -> block.get("type").stringValue();
			};
			String text = block.has("text") ? block.get("text").stringValue() : block.get("title").stringValue();
			texts.add(type + ":" + text);
		}
		return texts;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * The item with a uri of its own: a known uri is the agency's next version of a story, and the
	 * test database is shared by every test of this JVM.
	 */
	private static String resource(String name) throws IOException {
		try (InputStream in = NinjsHttpTest.class.getResourceAsStream("/ninjs/" + name)) {
			String item = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return item.replace("\"uri\": \"urn:newsml:hina.hr:", "\"uri\": \"urn:newsml:hina.hr:" + java.util.UUID.randomUUID() + ":");
		}
	}

}
