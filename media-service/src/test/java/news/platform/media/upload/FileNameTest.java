package news.platform.media.upload;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.media.MediaApi;
import news.platform.media.TestImages;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.media.MediaApi.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

/** The name a file was uploaded under is kept for the photo library (staff see it; it is searched). */
@ServiceIntegrationTest
class FileNameTest {

	@LocalServerPort
	int port;

	MediaApi api;

	@BeforeEach
	void setUp() {
		this.api = new MediaApi(this.port);
	}

	@Test
	void theMultipartFileNameWithoutItsPath() {
		MediaApi.Response created = this.api.uploadMultipart(EDITOR, TestImages.jpeg(TestImages.picture(20, 20, 81)),
				"/home/ana/Slike/Most u Čačku.jpg", "image/jpeg");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.json().path("fileName").asString()).isEqualTo("Most u Čačku.jpg");
		String id = created.json().path("id").asString();
		assertThat(this.api.get("/api/v1/media/" + id).json().has("fileName")).as("readers do not see it").isFalse();
	}

	@Test
	void theRawBodysFileNameFromContentDisposition() {
		MediaApi.Response created = this.api.send("POST", "/api/v1/media",
				HttpRequest.BodyPublishers.ofByteArray(TestImages.jpeg(TestImages.picture(20, 20, 82))), "Authorization",
				"Bearer " + EDITOR, "Content-Type", "image/jpeg", "Content-Disposition",
				"attachment; filename*=UTF-8''most%20%C4%8Ca%C4%8Dak.jpg");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.json().path("fileName").asString()).isEqualTo("most Čačak.jpg");

		MediaApi.Response unnamed = this.api.upload(EDITOR, TestImages.jpeg(TestImages.picture(20, 20, 83)), "image/jpeg");
		assertThat(unnamed.json().has("fileName")).isFalse();
	}

	@Test
	void controlCharactersGoAndLongNamesAreCut() {
		assertThat(FileNames.clean("a\u0000b\u200Bc.jpg")).isEqualTo("abc.jpg");
		assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.clean("   ")).isNull();
		assertThat(FileNames.clean("x".repeat(300) + ".jpg")).hasSize(255);
		assertThat(FileNames.fromContentDisposition("not a header; =")).isNull();
	}

}
