package news.platform.desk;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import news.platform.testsupport.launcher.PlatformLauncher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From the newsroom to the reader with every real service (the desk's shared launch, no browser):
 * a photo uploaded to media-service, a story naming a tag and the editor's profile with the
 * photo as its hero, published; then the site's page through the gateway. Its {@code <picture>}
 * addresses are the site's idea of media-service's presets, so each one is fetched: every
 * {@code srcset} candidate answers with an image of the type its source names and, for JPEG, the
 * width its descriptor claims; the tag and author links lead to pages that list the story.
 */
class NewsroomToReaderIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private static PlatformLauncher platform;

	@BeforeAll
	static void launch() {
		platform = DeskPlatform.get();
	}

	@Test
	void aPublishedStoryReachesReadersWithPicturesFromMediaPresetsAndItsTagAndAuthorPages() throws Exception {
		String editor = platform.accessToken("editor");
		String suffix = UUID.randomUUID().toString().substring(0, 6);

		// a 1600×1200 photo: larger than every preset, so each rendition is made at the preset's size
		HttpResponse<String> uploaded = HTTP.send(HttpRequest.newBuilder(api("/api/v1/media"))
			.header("Authorization", "Bearer " + editor)
			.header("Content-Type", "image/png")
			.header("Content-Disposition", "attachment; filename=\"drava-" + suffix + ".png\"")
			.POST(HttpRequest.BodyPublishers.ofByteArray(png(1600, 1200)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		String mediaId = JSON.readTree(uploaded.body()).path("id").asString();
		send("PATCH", "/api/v1/media/" + mediaId, editor, "{\"alt\": \"Most preko Drave u sumrak\"}",
				"application/merge-patch+json", "If-Match", "\"1\"");

		// the editor's own profile (NewsroomToolsIT has the journalist make theirs in the editor)
		String author = send("POST", "/api/v1/authors/me", editor, null, null).path("slug").asString();
		String tagName = "Drava " + suffix;
		JsonNode created = send("POST", "/api/v1/articles", editor, """
				{"headline": "Novi most preko Drave %s", "section": "vijesti",
				 "standfirst": "Osijek je dobio treći most.", "tags": ["%s"], "authors": ["%s"], "heroMediaId": "%s",
				 "body": [{"type": "paragraph", "text": "Most je otvoren u subotu."},
				          {"type": "image", "mediaId": "%s", "alt": "Rijeka ispod mosta"}]}
				""".formatted(suffix, tagName, author, mediaId, mediaId), "application/json");
		String articleId = created.path("id").asString();
		String tag = created.path("tags").get(0).path("slug").asString();
		JsonNode published = send("POST", "/api/v1/articles/" + articleId + "/publish", editor, null, null);
		String path = "/vijesti/" + published.path("slug").asString();

		// the site learns of it from the feed
		await().atMost(Duration.ofSeconds(30)).until(() -> get(path).statusCode() == 200);
		Document page = Jsoup.parse(get(path).body());

		Element hero = page.selectFirst("figure picture, .hero picture, picture");
		assertThat(hero).as("the hero's <picture>").isNotNull();
		Element img = hero.selectFirst("img");
		assertThat(img.attr("alt")).isEqualTo("Most preko Drave u sumrak");
		assertThat(img.attr("loading")).as("the hero is not lazy").isEmpty();
		// 16:9 crops: width and height reserve the box before a byte arrives
		assertThat(Integer.parseInt(img.attr("width")) * 9).isEqualTo(Integer.parseInt(img.attr("height")) * 16);
		List<String[]> webp = candidates(hero.selectFirst("source[type=image/webp]").attr("srcset"));
		List<String[]> jpeg = candidates(img.attr("srcset"));
		assertThat(webp).hasSizeGreaterThanOrEqualTo(2);
		assertThat(jpeg).hasSameSizeAs(webp);
		for (String[] candidate : webp) {
			HttpResponse<byte[]> image = bytes(candidate[0]);
			assertThat(image.statusCode()).as(candidate[0]).isEqualTo(200);
			assertThat(image.headers().firstValue("Content-Type")).as(candidate[0]).hasValue("image/webp");
			assertThat(new String(image.body(), 0, 4, StandardCharsets.US_ASCII)
					+ new String(image.body(), 8, 4, StandardCharsets.US_ASCII)).as(candidate[0]).isEqualTo("RIFFWEBP");
		}
		for (String[] candidate : jpeg) {
			HttpResponse<byte[]> image = bytes(candidate[0]);
			assertThat(image.statusCode()).as(candidate[0]).isEqualTo(200);
			assertThat(image.headers().firstValue("Content-Type")).as(candidate[0]).hasValue("image/jpeg");
			BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.body()));
			assertThat(decoded.getWidth() + "w").as(candidate[0]).isEqualTo(candidate[1]);
			assertThat(decoded.getWidth() * 9).as("16:9, " + candidate[0]).isEqualTo(decoded.getHeight() * 16);
		}
		// the hero asked for early, with the same candidates
		Element preload = page.selectFirst("link[rel=preload][as=image]");
		assertThat(preload).isNotNull();
		assertThat(preload.attr("imagesrcset")).isEqualTo(hero.selectFirst("source[type=image/webp]").attr("srcset"));
		// the picture in the body: below the fold, lazy, with the story's own alt text
		Element inBody = page.selectFirst("img[alt=Rijeka ispod mosta]");
		assertThat(inBody).isNotNull();
		assertThat(inBody.attr("loading")).isEqualTo("lazy");

		// the tag and the byline lead to their pages, which list the story under the names the newsroom gave
		Element tagLink = page.selectFirst("nav.tags a[rel=tag]");
		assertThat(tagLink.text()).isEqualTo(tagName);
		assertThat(URI.create(tagLink.attr("href")).getPath()).isEqualTo("/tag/" + tag);
		Document tagPage = Jsoup.parse(get("/tag/" + tag).body());
		assertThat(tagPage.selectFirst("h1").text()).isEqualTo("Oznaka: " + tagName);
		assertThat(tagPage.select("a[href$=" + path + "]")).isNotEmpty();
		Element byline = page.selectFirst(".byline a[rel=author]");
		assertThat(URI.create(byline.attr("href")).getPath()).isEqualTo("/autor/" + author);
		Document authorPage = Jsoup.parse(get("/autor/" + author).body());
		assertThat(authorPage.selectFirst("h1").text()).endsWith(byline.text());
		assertThat(authorPage.select("a[href$=" + path + "]")).isNotEmpty();
	}

	private static URI api(String path) {
		return URI.create(platform.url("gateway") + path);
	}

	private static HttpResponse<String> get(String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(api(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A picture address from the page: absolute, or a path on the public address (the gateway). */
	private static HttpResponse<byte[]> bytes(String address) throws Exception {
		URI uri = URI.create(address);
		URI at = uri.isAbsolute() ? api(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
				: api(address);
		return HTTP.send(HttpRequest.newBuilder(at).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** {@code srcset} as [address, descriptor] pairs (the site escapes commas in its addresses). */
	private static List<String[]> candidates(String srcset) {
		List<String[]> candidates = new ArrayList<>();
		for (String candidate : srcset.split(",")) {
			String[] parts = candidate.trim().split("\\s+");
			assertThat(parts).as(candidate).hasSize(2);
			candidates.add(parts);
		}
		return candidates;
	}

	private static JsonNode send(String method, String path, String token, String body, String contentType,
			String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(api(path)).header("Authorization", "Bearer " + token);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		HttpResponse<String> answer = HTTP.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isBetween(200, 201);
		return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
	}

	private static byte[] png(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setPaint(new GradientPaint(0, 0, new Color(30, 80, 140), width, height, Color.ORANGE));
		graphics.fillRect(0, 0, width, height);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
