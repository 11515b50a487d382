package news.platform.article.agency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;
import news.platform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agency pictures by their uri: a picture item sent again answers the media item it made, and a
 * text item's picture associations become media items through media-service's internal endpoint
 * (the stub here), named in the new draft: the first as its main picture, the others as picture
 * blocks after the text; one that cannot be fetched is listed with its problem and the story
 * imports without it. A picture media-service's clean-up is about to delete (nothing names it) is
 * forgotten, so sending it again fetches it again.
 */
@ServiceIntegrationTest
class AgencyPictureHttpTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String JOURNALIST = TestTokens.token("journalist-agency-pictures", "journalist");

	private static final String SERVICE = TestTokens.token("media-service", "service");

	@LocalServerPort
	int port;

	@Test
	void aPictureItemSentAgainAnswersTheMediaItemItMade() {
		ObjectNode item = item("example-ap_image.json");
		int before = MediaServiceStub.get().calls.size();

		Http.Response first = importItem(item.toString());
		Http.Response again = importItem(item.toString());

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		String mediaId = first.json().get("mediaId").stringValue();
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("result").stringValue()).isEqualTo("picture");
		assertThat(again.json().get("mediaId").stringValue()).isEqualTo(mediaId);
		assertThat(again.header("Location")).isEqualTo("/api/v1/media/" + mediaId);
		assertThat(MediaServiceStub.get().calls).as("fetched once").hasSize(before + 1);

		// in a batch too
		Http.Response batch = importItem("[" + item + "]");
		assertThat(batch.json().at("/results/0/status").intValue()).isEqualTo(200);
		assertThat(batch.json().at("/results/0/mediaId").stringValue()).isEqualTo(mediaId);
		assertThat(MediaServiceStub.get().calls).hasSize(before + 1);
	}

	@Test
	void aPictureTheCleanUpDeletesIsFetchedAgainWhenSentAgain() {
		ObjectNode unused = item("example-ap_image.json");
		ObjectNode story = item("example-tt_text_image.json");
		ObjectNode association = (ObjectNode) story.get("associations").get(0);
		association.put("uri", association.get("uri").stringValue() + "#" + UUID.randomUUID());
		String unusedId = importItem(unused.toString()).json().get("mediaId").stringValue();
		String namedId = importItem(story.toString()).json().get("heroMediaId").stringValue();
		int before = MediaServiceStub.get().calls.size();

		// media-service's clean-up asks; what nothing names it deletes next
		Http.Response asked = Http.post(url("/internal/v1/articles/media-references"),
				"{\"mediaIds\": [\"" + unusedId + "\", \"" + namedId + "\"]}", "Content-Type", "application/json",
				"Authorization", Http.bearer(SERVICE));
		assertThat(asked.status()).as(asked.body()).isEqualTo(200);
		assertThat(asked.json().at("/references/0/referenced").booleanValue()).isFalse();
		assertThat(asked.json().at("/references/1/referenced").booleanValue()).isTrue();

		Http.Response again = importItem(unused.toString());
		assertThat(again.status()).as("a new media item, not the deleted one: " + again.body()).isEqualTo(201);
		assertThat(again.json().get("mediaId").stringValue()).isNotEqualTo(unusedId);
		assertThat(MediaServiceStub.get().calls).as("fetched again").hasSize(before + 1);

		// the picture a story names is still answered by key
		ObjectNode next = item("example-simple_text.json");
		next.putArray("associations").add(association.deepCopy());
		assertThat(importItem(next.toString()).json().get("heroMediaId").stringValue()).isEqualTo(namedId);
		assertThat(MediaServiceStub.get().calls).hasSize(before + 1);
	}

	@Test
	void aTextItemsPictureAssociationsBecomeMediaItemsNamedInTheDraft() {
		ObjectNode item = item("example-tt_text_image.json");
		ArrayNode associations = (ArrayNode) item.get("associations");
		ObjectNode main = (ObjectNode) associations.get(0);
		main.put("uri", main.get("uri").stringValue() + "#" + UUID.randomUUID());
		ObjectNode second = main.deepCopy();
		second.put("name", "a002");
		second.put("uri", "http://tt.se/media/image/second#" + UUID.randomUUID());
		((ObjectNode) second.get("renditions").get(0)).put("href", "https://beta.tt.se/media/a002_NormalHires.jpg");
		associations.add(second);
		ObjectNode refused = main.deepCopy();
		refused.put("name", "a003");
		refused.put("uri", "http://tt.se/media/image/refused#" + UUID.randomUUID());
		ArrayNode privateOnly = refused.putArray("renditions");
		privateOnly.addObject().put("name", "r00").put("href", "http://10.0.0.1/a003.jpg").put("contenttype", "image/jpeg");
		associations.add(refused);
		ObjectNode notHttp = main.deepCopy();
		notHttp.put("name", "a004");
		notHttp.putArray("renditions")
			.addObject()
			.put("name", "r00")
			.put("href", "ftp://tt.se/a004.jpg")
			.put("contenttype", "image/jpeg");
		associations.add(notHttp);
		int before = MediaServiceStub.get().calls.size();

		Http.Response created = importItem(item.toString());

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode answer = created.json();
		JsonNode pictures = answer.get("pictures");
		assertThat(pictures.size()).as("the ftp one is never asked for").isEqualTo(3);
		String hero = pictures.get(0).get("mediaId").stringValue();
		String other = pictures.get(1).get("mediaId").stringValue();
		assertThat(answer.get("heroMediaId").stringValue()).isEqualTo(hero);
		JsonNode last = answer.get("body").get(answer.get("body").size() - 1);
		assertThat(last.get("type").stringValue()).isEqualTo("image");
		assertThat(last.get("mediaId").stringValue()).isEqualTo(other);
		assertThat(pictures.get(2).has("mediaId")).isFalse();
		assertThat(pictures.get(2).at("/problem/status").intValue()).isEqualTo(422);
		assertThat(pictures.get(2).at("/problem/errors/0/field").stringValue())
			.isEqualTo("$.associations[2].renditions[0].href");
		List<MediaServiceStub.Call> calls = new ArrayList<>(MediaServiceStub.get().calls.subList(before,
				MediaServiceStub.get().calls.size()));
		assertThat(calls).hasSize(3);
		// the largest rendition, on behalf of the importing journalist
		assertThat(calls.get(0).body().get("url").stringValue())
			.isEqualTo("https://beta.tt.se/media/text/210526-militarovning-a0f2d045/a001_NormalHires.jpg");
		assertThat(calls.get(0).body().get("onBehalfOf").stringValue()).isEqualTo("journalist-agency-pictures");
		assertThat(calls.get(0).body().get("credit").stringValue()).isEqualTo("Karl Melander/TT");

		// another story with the same picture: the media item made for it, no second fetch
		ObjectNode next = item("example-simple_text.json");
		next.putArray("associations").add(main.deepCopy());
		Http.Response reused = importItem(next.toString());
		assertThat(reused.status()).as(reused.body()).isEqualTo(201);
		assertThat(reused.json().get("heroMediaId").stringValue()).isEqualTo(hero);
		assertThat(MediaServiceStub.get().calls).hasSize(before + 3);
	}

	private Http.Response importItem(String body) {
		return Http.post(url("/api/v1/articles/import"), body, "Content-Type", "application/ninjs+json",
				"Authorization", Http.bearer(JOURNALIST));
	}

	private static ObjectNode item(String name) {
		try (InputStream in = AgencyPictureHttpTest.class.getResourceAsStream("/ninjs/" + name)) {
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
