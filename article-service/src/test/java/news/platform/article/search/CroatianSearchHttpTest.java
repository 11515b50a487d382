package news.platform.article.search;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.article.ArticleApi.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Article search uses the platform's shared Croatian analysis (news.platform.textanalysis). */
@ServiceIntegrationTest
class CroatianSearchHttpTest {

	@LocalServerPort
	int port;

	@Test
	void cacakMostFindsMostUCacku() {
		ArticleApi api = new ArticleApi(port);
		String word = "ozn" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
		Http.Response created = api.create(EDITOR, """
				{"headline": "Most u Čačku %s", "section": "vijesti",
				 "body": [{"type": "paragraph", "text": "Novi most otvoren je jučer."}]}""".formatted(word));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(api.action(EDITOR, id, "publish", null).status()).isEqualTo(200);

		// the fleeting a of the shared stemmer: "Čačak" typed without diacritics finds "u Čačku"
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode found = api.get("/api/v1/articles/search?q=cacak+most+" + word).json();
			assertThat(found.at("/items/0/id").asString()).isEqualTo(id);
		});
	}

}
