package news.platform.media.original;

import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.media.MediaApi;
import news.platform.media.TestImages;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.media.MediaApi.EDITOR;
import static news.platform.media.MediaApi.JOURNALIST;
import static news.platform.media.MediaApi.READER;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class OriginalTest {

	@LocalServerPort
	int port;

	MediaApi api;

	byte[] bytes;

	String url;

	@BeforeEach
	void setUp() {
		this.api = new MediaApi(this.port);
		this.bytes = TestImages.jpeg(TestImages.picture(400, 300, 41));
		this.url = "/api/v1/media/" + this.api.uploaded(this.bytes).path("id").asString() + "/original";
	}

	@Test
	void staffGetTheExactBytesWithValidators() {
		MediaApi.Response original = this.api.get(this.url, "Authorization", "Bearer " + JOURNALIST);
		assertThat(original.status()).isEqualTo(200);
		assertThat(original.body()).isEqualTo(this.bytes);
		assertThat(original.header("Content-Type")).isEqualTo("image/jpeg");
		assertThat(original.header("Accept-Ranges")).isEqualTo("bytes");
		assertThat(original.header("ETag")).matches("\"[0-9a-f]{64}\"");
		assertThat(original.header("Last-Modified")).isNotBlank();
		assertThat(original.header("Cache-Control")).contains("private");

		MediaApi.Response notModified = this.api.get(this.url, "Authorization", "Bearer " + EDITOR, "If-None-Match",
				original.header("ETag"));
		assertThat(notModified.status()).isEqualTo(304);

		MediaApi.Response head = this.api.send("HEAD", this.url, java.net.http.HttpRequest.BodyPublishers.noBody(),
				"Authorization", "Bearer " + EDITOR);
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(this.bytes.length));
	}

	@Test
	void byteRanges() {
		MediaApi.Response first = this.api.get(this.url, "Authorization", "Bearer " + EDITOR, "Range", "bytes=0-9");
		assertThat(first.status()).isEqualTo(206);
		assertThat(first.header("Content-Range")).isEqualTo("bytes 0-9/" + this.bytes.length);
		assertThat(first.body()).isEqualTo(Arrays.copyOf(this.bytes, 10));

		MediaApi.Response tail = this.api.get(this.url, "Authorization", "Bearer " + EDITOR, "Range", "bytes=-100");
		assertThat(tail.status()).isEqualTo(206);
		assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(this.bytes, this.bytes.length - 100, this.bytes.length));

		MediaApi.Response middle = this.api.get(this.url, "Authorization", "Bearer " + EDITOR, "Range", "bytes=1000-1999");
		assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(this.bytes, 1000, 2000));

		MediaApi.Response unsatisfiable = this.api.get(this.url, "Authorization", "Bearer " + EDITOR, "Range",
				"bytes=" + (this.bytes.length + 10) + "-");
		assertThat(unsatisfiable.status()).isEqualTo(416);
		assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */" + this.bytes.length);
	}

	@Test
	void onlyStaffGetOriginals() {
		assertThat(this.api.get(this.url).status()).isEqualTo(401);
		MediaApi.Response reader = this.api.get(this.url, "Authorization", "Bearer " + READER);
		assertThat(reader.status()).isEqualTo(403);
		assertThat(reader.header("Content-Type")).startsWith("application/problem+json");
	}

}
