package news.platform.media.rendition;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.media.MediaApi;
import news.platform.media.TestImages;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.media.MediaApi.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class RenditionTest {

	@LocalServerPort
	int port;

	@Autowired
	RenditionSigner signer;

	@Autowired
	Rendering rendering;

	@Autowired
	MeterRegistry registry;

	@Autowired
	com.mongodb.client.MongoDatabase database;

	MediaApi api;

	@BeforeEach
	void setUp() {
		this.api = new MediaApi(this.port);
	}

	@Test
	void aPresetAsWebpWhenAcceptAllowsWithCdnHeaders() {
		JsonNode item = this.api.uploaded(TestImages.jpeg(TestImages.picture(800, 600, 21)));
		String url = item.path("renditions").path("card").asString();
		MediaApi.Response webp = this.api.get(url, "Accept", "image/avif,image/webp,*/*");
		assertThat(webp.status()).as(webp.text()).isEqualTo(200);
		assertThat(webp.header("Content-Type")).isEqualTo("image/webp");
		assertThat(webp.header("Vary")).contains("Accept");
		assertThat(webp.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
		assertThat(webp.header("ETag")).matches("\"[0-9a-f]{32}\"");
		assertThat(webp.header("Last-Modified")).isNotBlank();
		BufferedImage decoded = TestImages.read(webp.body());
		assertThat(decoded.getWidth()).isEqualTo(640);
		assertThat(decoded.getHeight()).isEqualTo(360);

		// the second answer comes from memory before the security chain (RenditionFastPath): the same answer
		MediaApi.Response again = this.api.get(url, "Accept", "image/webp");
		assertThat(again.body()).isEqualTo(webp.body());
		for (String header : List.of("Content-Type", "ETag", "Last-Modified", "Cache-Control", "Vary",
				"X-Content-Type-Options", "Content-Length")) {
			assertThat(again.header(header)).as(header).isEqualTo(webp.header(header));
		}

		MediaApi.Response jpeg = this.api.get(url, "Accept", "image/*");
		assertThat(jpeg.header("Content-Type")).isEqualTo("image/jpeg");
		assertThat(jpeg.header("Vary")).contains("Accept");
		assertThat(jpeg.header("ETag")).isNotEqualTo(webp.header("ETag"));

		MediaApi.Response notModified = this.api.get(url, "Accept", "image/webp", "If-None-Match", webp.header("ETag"));
		assertThat(notModified.status()).isEqualTo(304);
		assertThat(notModified.body()).isEmpty();
		assertThat(notModified.header("ETag")).isEqualTo(webp.header("ETag"));

		MediaApi.Response head = this.api.send("HEAD", url, java.net.http.HttpRequest.BodyPublishers.noBody(), "Accept",
				"image/webp");
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(webp.body().length));
		assertThat(head.header("ETag")).isEqualTo(webp.header("ETag"));
	}

	@Test
	void greyScaleAndIndexedPicturesBecomeWebpToo() {
		BufferedImage grey = new BufferedImage(400, 300, BufferedImage.TYPE_BYTE_GRAY);
		grey.getGraphics().drawImage(TestImages.picture(400, 300, 28), 0, 0, null);
		BufferedImage indexed = new BufferedImage(400, 300, BufferedImage.TYPE_BYTE_INDEXED);
		indexed.getGraphics().drawImage(TestImages.picture(400, 300, 29), 0, 0, null);
		for (byte[] upload : List.of(TestImages.jpeg(grey), TestImages.gif(indexed))) {
			JsonNode item = this.api.uploaded(upload);
			MediaApi.Response webp = this.api.get(item.path("renditions").path("card").asString(), "Accept",
					"image/webp");
			assertThat(webp.status()).as(webp.text()).isEqualTo(200);
			assertThat(webp.header("Content-Type")).isEqualTo("image/webp");
			assertThat(TestImages.read(webp.body()).getWidth()).isPositive();
		}
	}

	@Test
	void explicitFormatsAndContainKeepTheAspectRatioWithoutEnlarging() {
		JsonNode item = this.api.uploaded(TestImages.png(TestImages.picture(300, 200, 22)));
		String id = item.path("id").asString();
		MediaApi.Response png = this.api.get("/api/v1/media/" + id + "/rendition?preset=wide&format=png");
		assertThat(png.status()).as(png.text()).isEqualTo(200);
		assertThat(png.header("Content-Type")).isEqualTo("image/png");
		assertThat(png.header("Vary")).isNull();
		BufferedImage decoded = TestImages.read(png.body());
		assertThat(decoded.getWidth()).isEqualTo(300);
		assertThat(decoded.getHeight()).isEqualTo(200);
		MediaApi.Response auto = this.api.get("/api/v1/media/" + id + "/rendition?preset=wide&format=auto");
		assertThat(auto.header("Content-Type")).isEqualTo("image/png");
	}

	@Test
	void coverCropsAroundTheFocalPointAndTheUrlFollowsIt() {
		JsonNode item = this.api.uploaded(TestImages.jpeg(TestImages.halves(800, 400, Color.RED, Color.BLUE)));
		String id = item.path("id").asString();
		String atCentre = "/api/v1/media/" + id + "/rendition?preset=square&fp=0.5,0.5&format=jpeg";
		assertThat(this.api.get(atCentre).status()).isEqualTo(200);

		MediaApi.Response moved = this.api.patch(EDITOR, id, "\"1\"", "{\"focalPoint\": {\"x\": 0.9, \"y\": 0.5}}");
		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		String square = moved.json().path("renditions").path("square").asString();
		assertThat(square).contains("fp=0.9,0.5");

		// the old URL no longer serves the old crop: it points at the current one
		MediaApi.Response redirect = this.api.get(atCentre);
		assertThat(redirect.status()).isEqualTo(307);
		assertThat(redirect.header("Location")).isEqualTo("/api/v1/media/" + id + "/rendition?preset=square&fp=0.9,0.5&format=jpeg");

		BufferedImage right = TestImages.read(this.api.get(redirect.header("Location")).body());
		assertThat(right.getWidth()).isEqualTo(400);
		assertThat(right.getHeight()).isEqualTo(400);
		assertThat(new Color(right.getRGB(200, 200)).getBlue()).isGreaterThan(200);
		assertThat(new Color(right.getRGB(10, 200)).getBlue()).isGreaterThan(200);

		this.api.patch(EDITOR, id, "\"2\"", "{\"focalPoint\": {\"x\": 0.1, \"y\": 0.5}}");
		BufferedImage left = TestImages.read(
				this.api.get("/api/v1/media/" + id + "/rendition?preset=square&fp=0.1,0.5&format=jpeg").body());
		assertThat(new Color(left.getRGB(200, 200)).getRed()).isGreaterThan(200);
		assertThat(new Color(left.getRGB(390, 200)).getRed()).isGreaterThan(200);
	}

	@Test
	void aFocalPointMovedOnAnotherReplicaIsServedAtOnce() {
		JsonNode item = this.api.uploaded(TestImages.jpeg(TestImages.picture(400, 300, 27)));
		String id = item.path("id").asString();
		String base = "/api/v1/media/" + id + "/rendition?preset=square&format=jpeg&fp=";
		assertThat(this.api.get(base + "0.5,0.5").status()).isEqualTo(200);
		// another replica's edit: the document changes, this replica's item cache is not told
		this.database.getCollection("media_items")
			.updateOne(new org.bson.Document("_id", id), new org.bson.Document("$set",
					new org.bson.Document("focalX", 0.2).append("focalY", 0.7).append("version", 2L)));
		MediaApi.Response moved = this.api.get(base + "0.2,0.7");
		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		MediaApi.Response old = this.api.get(base + "0.5,0.5");
		assertThat(old.status()).isEqualTo(307);
		assertThat(old.header("Location")).endsWith("fp=0.2,0.7&format=jpeg");
	}

	@Test
	void signedSizesAreServedAndUnsignedOrTamperedOnesRefused() {
		JsonNode item = this.api.uploaded(TestImages.jpeg(TestImages.picture(500, 400, 23)));
		String id = item.path("id").asString();
		String sig = this.signer.sign(id, 250, 100, "cover");
		MediaApi.Response signed = this.api
			.get("/api/v1/media/" + id + "/rendition?w=250&h=100&fit=cover&sig=" + sig + "&fp=0.5,0.5&format=webp");
		assertThat(signed.status()).as(signed.text()).isEqualTo(200);
		BufferedImage decoded = TestImages.read(signed.body());
		assertThat(decoded.getWidth()).isEqualTo(250);
		assertThat(decoded.getHeight()).isEqualTo(100);

		// a preset size needs no signature
		assertThat(this.api.get("/api/v1/media/" + id + "/rendition?w=320&h=180&fit=cover&fp=0.5,0.5").status())
			.isEqualTo(200);

		String base = "/api/v1/media/" + id + "/rendition?";
		problem(this.api.get(base + "w=250&h=100&fit=cover&fp=0.5,0.5"), 400, "/problems/signature-required", "sig");
		problem(this.api.get(base + "w=251&h=100&fit=cover&sig=" + sig + "&fp=0.5,0.5"), 400,
				"/problems/invalid-signature", "sig");
		problem(this.api.get(base + "w=250&h=100&fit=contain&sig=" + sig), 400, "/problems/invalid-signature", "sig");
		problem(this.api.get(base + "w=250&h=100&fit=cover&sig=AAAAAAAAAAAAAAAAAAAAAA&fp=0.5,0.5"), 400,
				"/problems/invalid-signature", "sig");
	}

	@Test
	void unknownNegativeAndMalformedParametersAreRefused() {
		JsonNode item = this.api.uploaded(TestImages.jpeg(TestImages.picture(60, 40, 24)));
		String base = "/api/v1/media/" + item.path("id").asString() + "/rendition?";
		problem(this.api.get(base + "preset=huge"), 422, "/problems/validation", "preset");
		problem(this.api.get(base + "w=-100&h=50"), 422, "/problems/validation", "w");
		problem(this.api.get(base + "w=0"), 422, "/problems/validation", "w");
		problem(this.api.get(base + "w=100&h=-1"), 422, "/problems/validation", "h");
		problem(this.api.get(base + "w=99999999"), 422, "/problems/validation", "w");
		problem(this.api.get(base + "w=abc"), 400, "/problems/invalid-parameter", "w");
		problem(this.api.get(base + "w=100&fit=stretch"), 422, "/problems/validation", "fit");
		problem(this.api.get(base + "preset=card&format=bmp"), 422, "/problems/validation", "format");
		problem(this.api.get(base + "preset=card&fp=1.5,0.5"), 422, "/problems/validation", "fp");
		problem(this.api.get(base + "preset=card&fp=-0.1,0.5"), 422, "/problems/validation", "fp");
		problem(this.api.get(base + "preset=card&fp=left"), 422, "/problems/validation", "fp");
		problem(this.api.get(base), 422, "/problems/validation", "w");
		problem(this.api.get("/api/v1/media/0123456789abcdef01234567/rendition?preset=card&fp=0.5,0.5"), 404,
				"/problems/not-found", null);
	}

	@Test
	void renditionsAreUprightWhateverTheExifOrientation() {
		// stored sideways: left half red, right half blue; orientation 6 = turn 90° clockwise to view
		byte[] jpeg = TestImages.withExif(TestImages.jpeg(TestImages.halves(300, 200, Color.RED, Color.BLUE)),
				new TestImages.Exif(6, "x", "x", "x", false));
		JsonNode item = this.api.uploaded(jpeg);
		BufferedImage upright = TestImages.read(this.api
			.get("/api/v1/media/" + item.path("id").asString() + "/rendition?preset=wide&format=png")
			.body());
		assertThat(upright.getWidth()).isEqualTo(200);
		assertThat(upright.getHeight()).isEqualTo(300);
		assertThat(new Color(upright.getRGB(100, 20)).getRed()).isGreaterThan(200);
		assertThat(new Color(upright.getRGB(100, 280)).getBlue()).isGreaterThan(200);
	}

	@Test
	void gpsAndCameraDataNeverReachARendition() throws Exception {
		byte[] jpeg = TestImages.withExif(TestImages.jpeg(TestImages.picture(400, 300, 25)),
				new TestImages.Exif(1, "caption", "artist", "copyright", true));
		Metadata original = ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
		assertThat(original.getFirstDirectoryOfType(GpsDirectory.class)).as("the test image carries GPS").isNotNull();
		JsonNode item = this.api.uploaded(jpeg);
		for (String format : List.of("jpeg", "webp", "png")) {
			MediaApi.Response rendition = this.api
				.get("/api/v1/media/" + item.path("id").asString() + "/rendition?preset=thumb&fp=0.5,0.5&format=" + format);
			assertThat(rendition.status()).isEqualTo(200);
			Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(rendition.body()));
			assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).as(format).isNull();
			assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).as(format).isNull();
			String raw = new String(rendition.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
			assertThat(raw).doesNotContain("SecretCam").doesNotContain("Exif");
		}
	}

	@Test
	void concurrentFirstRequestsMakeTheRenditionOnce() throws Exception {
		JsonNode item = this.api.uploaded(TestImages.jpeg(TestImages.picture(900, 700, 26)));
		String url = "/api/v1/media/" + item.path("id").asString() + "/rendition?preset=hero&fp=0.5,0.5&format=png";
		double before = this.registry.get("media.renditions").tag("format", "png").timer().count();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<MediaApi.Response>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(() -> this.api.get(url));
			}
			List<String> etags = new ArrayList<>();
			for (Future<MediaApi.Response> future : pool.invokeAll(calls)) {
				assertThat(future.get().status()).isEqualTo(200);
				etags.add(future.get().header("ETag"));
			}
			assertThat(etags).containsOnly(etags.get(0));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.registry.get("media.renditions").tag("format", "png").timer().count()).isEqualTo((long) before + 1);
		// later requests, even after the in-process cache is dropped, come from the stored rendition
		this.rendering.clearCache();
		assertThat(this.api.get(url).status()).isEqualTo(200);
		assertThat(this.registry.get("media.renditions").tag("format", "png").timer().count()).isEqualTo((long) before + 1);
	}

	static void problem(MediaApi.Response response, int status, String type, String field) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).isEqualTo(type);
		if (field != null) {
			assertThat(problem.path("errors").path(0).path("field").asString()).isEqualTo(field);
		}
	}

}
