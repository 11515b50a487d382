package news.platform.article.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An index rebuilt from MongoDB (a new replica, a wiped disk, a new index schema) still knows
 * which stories are on the agency lists: the rebuild reads the agency state of every article, not
 * only the articles themselves.
 */
@ServiceIntegrationTest
class AgencyListRebuildTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	SearchIndexMaintenance maintenance;

	@Test
	void aRebuiltIndexKeepsWithdrawnStoriesAndPendingUpdatesListed() {
		String tag = "obnova" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
		ObjectNode withdrawnItem = item("example-ntb_text.json");
		String withdrawn = importItem(withdrawnItem, tag).json().get("id").stringValue();
		withdrawnItem.put("pubstatus", "canceled");
		withdrawnItem.remove("bodies");
		assertThat(importItem(withdrawnItem, tag).status()).isEqualTo(200);
		ObjectNode updatedItem = item("example-dpa_text.json");
		updatedItem.put("version", "1");
		Http.Response created = importItem(updatedItem, tag);
		String updated = created.json().get("id").stringValue();
		assertThat(Http.post(url("/api/v1/articles/" + updated + "/publish"), null, "If-Match", created.header("ETag"),
				"Authorization", Http.bearer(ArticleApi.EDITOR)).status()).isEqualTo(200);
		updatedItem.put("version", "2");
		assertThat(importItem(updatedItem, tag).status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(ids(tag, "withdrawn")).containsExactly(withdrawn);
			assertThat(ids(tag, "pending-update")).containsExactly(updated);
		});

		assertThat(this.maintenance.rebuild()).isPositive();

		assertThat(ids(tag, "withdrawn")).containsExactly(withdrawn);
		assertThat(ids(tag, "pending-update")).containsExactly(updated);
	}

	private Http.Response importItem(ObjectNode item, String tag) {
		return Http.post(url("/api/v1/articles/import?tags=" + tag), item.toString(), "Content-Type",
				"application/ninjs+json", "Authorization", Http.bearer(ArticleApi.EDITOR));
	}

	private List<String> ids(String tag, String agency) {
		Http.Response answer = Http.get(url("/api/v1/articles?tag=" + tag + "&agency=" + agency), "Authorization",
				Http.bearer(ArticleApi.EDITOR));
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		answer.json().get("items").forEach(item -> ids.add(item.get("id").stringValue()));
		return ids;
	}

	private static ObjectNode item(String name) {
		try (InputStream in = AgencyListRebuildTest.class.getResourceAsStream("/ninjs/" + name)) {
			ObjectNode item = (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			item.put("uri", item.get("uri").stringValue() + "#" + UUID.randomUUID());
			return item;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
