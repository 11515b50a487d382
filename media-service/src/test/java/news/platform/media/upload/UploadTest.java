package news.platform.media.upload;

import java.awt.Color;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.media.MediaApi;
import news.platform.media.TestImages;
import news.platform.media.imaging.BlurHash;
import news.platform.media.item.MediaItems;
import news.platform.media.original.Originals;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.media.MediaApi.EDITOR;
import static news.platform.media.MediaApi.JOURNALIST;
import static news.platform.media.MediaApi.READER;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class UploadTest {

	@LocalServerPort
	int port;

	@Autowired
	Originals originals;

	@Autowired
	MediaItems items;

	MediaApi api;

	@BeforeEach
	void setUp() {
		this.api = new MediaApi(this.port);
	}

	@Test
	void aStreamedJpegBecomesAnItemWithMetadataPlaceholderAndColour() {
		byte[] jpeg = TestImages.jpeg(TestImages.solid(320, 200, new Color(200, 30, 40)));
		MediaApi.Response response = this.api.upload(JOURNALIST, jpeg, "image/jpeg");
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(response.header("ETag")).isEqualTo("\"1\"");
		JsonNode item = response.json();
		assertThat(response.header("Location")).isEqualTo("/api/v1/media/" + item.path("id").asString());
		assertThat(item.path("mediaType").asString()).isEqualTo("image/jpeg");
		assertThat(item.path("width").asInt()).isEqualTo(320);
		assertThat(item.path("height").asInt()).isEqualTo(200);
		assertThat(item.path("byteSize").asLong()).isEqualTo(jpeg.length);
		assertThat(item.path("hash").asString()).matches("[0-9a-f]{64}");
		assertThat(item.path("uploadedBy").asString()).isEqualTo("journalist-1");
		assertThat(item.path("version").asLong()).isEqualTo(1);
		assertThat(item.path("focalPoint").path("x").asDouble()).isEqualTo(0.5);
		String blurHash = item.path("blurHash").asString();
		assertThat(blurHash).hasSize(28);
		assertThat(BlurHash.averageColour(blurHash)).isNotBlank();
		assertThat(colourDistance(item.path("dominantColour").asString(), new Color(200, 30, 40))).isLessThan(30);
		assertThat(item.path("renditions").path("hero").asString())
			.startsWith("/api/v1/media/" + item.path("id").asString() + "/rendition?preset=hero&fp=0.5,0.5");
	}

	@Test
	void theSameBytesTwiceAreTwoItemsSharingOneOriginal() {
		byte[] png = TestImages.png(TestImages.picture(120, 90, 42));
		long originalsBefore = this.originals.count();
		long filesBefore = this.originals.fileCount();
		JsonNode first = this.api.uploaded(png);
		JsonNode second = this.api.uploaded(png);
		assertThat(first.path("id").asString()).isNotEqualTo(second.path("id").asString());
		assertThat(first.path("hash").asString()).isEqualTo(second.path("hash").asString());
		assertThat(this.originals.count()).isEqualTo(originalsBefore + 1);
		assertThat(this.originals.fileCount()).isEqualTo(filesBefore + 1);
	}

	@Test
	void multipartPngWebpAndGifAreAcceptedWhateverTheNameSays() {
		MediaApi.Response png = this.api.uploadMultipart(EDITOR, TestImages.png(TestImages.picture(64, 48, 1)),
				"photo.jpg", "image/jpeg");
		assertThat(png.status()).as(png.text()).isEqualTo(201);
		assertThat(png.json().path("mediaType").asString()).isEqualTo("image/png");
		MediaApi.Response webp = this.api.uploadMultipart(EDITOR, TestImages.webp(TestImages.picture(64, 48, 2)),
				"photo.webp", "image/webp");
		assertThat(webp.status()).as(webp.text()).isEqualTo(201);
		assertThat(webp.json().path("mediaType").asString()).isEqualTo("image/webp");
		assertThat(webp.json().path("width").asInt()).isEqualTo(64);
		MediaApi.Response gif = this.api.upload(EDITOR, TestImages.gif(TestImages.picture(40, 30, 3)),
				"application/octet-stream");
		assertThat(gif.status()).as(gif.text()).isEqualTo(201);
		assertThat(gif.json().path("mediaType").asString()).isEqualTo("image/gif");
	}

	@Test
	void exifOrientationTurnsTheDimensionsAndEmbeddedTextBecomesTheDefaults() {
		byte[] jpeg = TestImages.withExif(TestImages.jpeg(TestImages.picture(300, 200, 5)),
				new TestImages.Exif(6, "Most preko Save", "Ana Fotografkinja", "(c) 2026 Novine d.d.", true));
		JsonNode item = this.api.uploaded(jpeg);
		assertThat(item.path("width").asInt()).isEqualTo(200);
		assertThat(item.path("height").asInt()).isEqualTo(300);
		assertThat(item.path("caption").asString()).isEqualTo("Most preko Save");
		assertThat(item.path("credit").asString()).isEqualTo("Ana Fotografkinja");
		assertThat(item.path("copyright").asString()).isEqualTo("(c) 2026 Novine d.d.");
	}

	@Test
	void xmpWinsOverExifForCaptionCreditAndRights() {
		byte[] jpeg = TestImages.withXmp(
				TestImages.withExif(TestImages.jpeg(TestImages.picture(100, 80, 6)),
						new TestImages.Exif(1, "exif caption", "exif artist", "exif copyright", false)),
				"Poplava u Slavoniji", "HINA", "CC BY 4.0");
		JsonNode item = this.api.uploaded(jpeg);
		assertThat(item.path("caption").asString()).isEqualTo("Poplava u Slavoniji");
		assertThat(item.path("credit").asString()).isEqualTo("HINA");
		assertThat(item.path("copyright").asString()).isEqualTo("CC BY 4.0");
	}

	@Test
	void readersAndAnonymousCannotUpload() {
		byte[] jpeg = TestImages.jpeg(TestImages.picture(20, 20, 8));
		long before = this.items.count();
		assertThat(this.api.upload(READER, jpeg, "image/jpeg").status()).isEqualTo(403);
		assertThat(this.api.send("POST", "/api/v1/media", java.net.http.HttpRequest.BodyPublishers.ofByteArray(jpeg),
				"Content-Type", "image/jpeg").status()).isEqualTo(401);
		assertThat(this.items.count()).isEqualTo(before);
	}

	static int colourDistance(String hex, Color expected) {
		Color actual = Color.decode(hex);
		return Math.abs(actual.getRed() - expected.getRed()) + Math.abs(actual.getGreen() - expected.getGreen())
				+ Math.abs(actual.getBlue() - expected.getBlue());
	}

}
