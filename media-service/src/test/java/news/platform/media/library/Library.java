package news.platform.media.library;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;

import news.platform.media.MediaApi;
import news.platform.media.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/** The photo library over HTTP, as the desk uses it. */
final class Library {

	private final MediaApi api;

	Library(MediaApi api) {
		this.api = api;
	}

	/**
	 * A word no other test's picture carries, so a search sees only this test's items in the
	 * shared database: consonants the stemmer leaves alone.
	 */
	static String marker() {
		String letters = "bdfpstvwxz";
		StringBuilder word = new StringBuilder("zq");
		for (int i = 0; i < 8; i++) {
			word.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
		}
		return word.toString();
	}

	/** A JPEG of its own (a new original) uploaded by {@code token} under {@code fileName}; its id. */
	String upload(String token, String fileName) {
		byte[] bytes = TestImages.jpeg(TestImages.picture(48, 32, ThreadLocalRandom.current().nextLong()));
		MediaApi.Response response = this.api.uploadMultipart(token, bytes, fileName, "image/jpeg");
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	String uploadPng(String token, String fileName) {
		byte[] bytes = TestImages.png(TestImages.picture(40, 30, ThreadLocalRandom.current().nextLong()));
		MediaApi.Response response = this.api.uploadMultipart(token, bytes, fileName, "image/png");
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	/** A merge patch of the item's metadata as an editor; the item as answered. */
	JsonNode describe(String id, String json) {
		MediaApi.Response current = this.api.get("/api/v1/media/" + id, "Authorization", "Bearer " + MediaApi.EDITOR);
		MediaApi.Response patched = this.api.patch(MediaApi.EDITOR, id, current.header("ETag"), json);
		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		return patched.json();
	}

	MediaApi.Response get(String query, String token) {
		return token == null ? this.api.get("/api/v1/media?" + query)
				: this.api.get("/api/v1/media?" + query, "Authorization", "Bearer " + token);
	}

	/** The ids of a staff search's page, in order. */
	List<String> ids(String query) {
		return ids(page(query));
	}

	JsonNode page(String query) {
		MediaApi.Response response = get(query, MediaApi.EDITOR);
		assertThat(response.status()).as(query + ": " + response.text()).isEqualTo(200);
		return response.json();
	}

	static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.path("items").forEach(item -> ids.add(item.path("id").asString()));
		return ids;
	}

	static String q(String words) {
		return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
	}

}
