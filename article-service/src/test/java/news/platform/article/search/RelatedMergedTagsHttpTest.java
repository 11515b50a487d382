package news.platform.article.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Related stories count a tag merged into another as a shared tag: after the merge, a story with
 * the merged tag is boosted for an article with the surviving one, as if both named the same tag
 * (they do now, by the tag directory's merge mapping), although neither article was re-indexed.
 */
@ServiceIntegrationTest
class RelatedMergedTagsHttpTest {

	@LocalServerPort
	int port;

	@Test
	void aStoryWhoseTagWasMergedIntoTheArticlesTagCountsAsSharingIt() {
		ArticleApi api = new ArticleApi(this.port);
		String topic = letters("sol");
		String extra = letters("ploc");
		String surviving = tag(api, "Preživjela " + topic);
		String merged = tag(api, "Spojena " + topic);
		String unrelated = tag(api, "Nevezana " + topic);
		String a = publish(api, "a-" + topic, "Sunčana elektrana " + topic, "Elektrana " + topic + " na krovu škole "
				+ topic + " daje struju.", surviving);
		// the same words as b's, one of them once more: without a shared tag c ranks above b
		String c = publish(api, "c-" + topic, "Elektrana " + topic + " radi", "Elektrana " + topic + " na krovu "
				+ topic + " radi " + topic + ".", unrelated);
		String b = publish(api, "b-" + topic, "Elektrana " + topic + " radi", "Elektrana " + topic + " na krovu "
				+ topic + " radi " + extra + ".", merged);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ids(api.get("/api/v1/articles/search?q=" + topic).json())).hasSize(3));

		List<String> before = ids(api.get("/api/v1/articles/" + a + "/related?limit=5").json());
		assertThat(before).contains(b, c);
		assertThat(before.indexOf(c)).as("no shared tag yet: the closer text first").isLessThan(before.indexOf(b));

		Http.Response merge = Http.post(api.url("/api/v1/tags/" + merged + "/merge"),
				"{\"into\": \"" + surviving + "\"}", "Content-Type", "application/json", "Authorization",
				Http.bearer(EDITOR));
		assertThat(merge.status()).as(merge.body()).isEqualTo(200);

		// another limit: a list of its own, not the one cached before the merge
		List<String> after = ids(api.get("/api/v1/articles/" + a + "/related?limit=6").json());
		assertThat(after.indexOf(b)).as("the merged tag is shared now").isLessThan(after.indexOf(c));
		assertThat(after.indexOf(c)).isNotNegative();
	}

	private static String tag(ArticleApi api, String name) {
		Http.Response made = Http.post(api.url("/api/v1/tags"), "{\"name\": \"" + name + "\"}", "Content-Type",
				"application/json", "Authorization", Http.bearer(EDITOR));
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		return made.json().path("slug").asString();
	}

	private static String publish(ArticleApi api, String slug, String headline, String text, String tag) {
		Http.Response created = api.create(EDITOR, """
				{"headline": "%s", "slug": "%s", "section": "vijesti", "tags": ["%s"],
				 "body": [{"type": "paragraph", "text": "%s"}]}""".formatted(headline, slug, tag, text));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(api.action(EDITOR, id, "publish", null).status()).isEqualTo(200);
		return id;
	}

	private static List<String> ids(JsonNode answer) {
		List<String> ids = new ArrayList<>();
		answer.path("items").forEach(item -> ids.add(item.path("id").asString()));
		return ids;
	}

	private static String letters(String prefix) {
		StringBuilder letters = new StringBuilder(prefix);
		for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
			letters.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
		}
		return letters.toString();
	}

}
