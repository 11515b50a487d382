package news.platform.comment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import news.platform.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /actuator/refresh} on a running instance whose configuration files (a copy of the
 * config repository's) are edited meanwhile: the settings the README lists as refreshed apply to
 * the next request, through the real {@link CommentSettings} and the classes that read it; a value
 * no request could work with is refused and the previous settings stay.
 */
class ConfigurationRefreshTest {

	@TempDir
	static Path config;

	static AnotherInstance instance;

	static CommentApi api;

	static final ArticleServiceStub articles = ArticleServiceStub.get();

	@BeforeAll
	static void start() throws IOException {
		articles.start();
		for (String file : new String[] { "application.yml", "comment-service.yml" }) {
			Files.copy(AnotherInstance.SHARED_CONFIG.resolve(file), config.resolve(file));
		}
		instance = AnotherInstance.startImporting(config, Map.of());
		api = instance.api();
	}

	@AfterAll
	static void stop() {
		if (instance != null) {
			instance.close();
		}
	}

	@Test
	void editedSettingsApplyAfterARefreshWithoutARestart() throws IOException {
		String article = articles.publish("vijesti");
		String sixtyLetters = "Ovo je komentar od šezdeset znakova, malo duži nego inače ... ";
		assertThat(api.post(CommentApi.reader(), article, sixtyLetters, null).status()).isEqualTo(201);
		assertThat(counts("a1,a2,a3").status()).isEqualTo(200);
		String threeLinks = "Vidi www.primjer.hr, www.drugi.hr i www.treci.hr";
		assertThat(api.posted(article, threeLinks, null).path("flags").toString()).contains("too-many-links");
		CommentSettings settings = instance.bean(CommentSettings.class);

		edit("max-length: 2000", "max-length: 50");
		edit("max-articles: 100", "max-articles: 2");
		edit("max-links: 2", "max-links: 5");
		Http.Response refreshed = refresh();
		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
		assertThat(refreshed.body()).contains("comment.text.max-length", "comment.counts.max-articles",
				"comment.moderation.max-links");

		// the next requests see the new values: a 60-character comment is too long now ...
		Http.Response tooLong = api.post(CommentApi.reader(), article, sixtyLetters, null);
		assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(422);
		assertThat(tooLong.json().path("errors").get(0).path("field").asString()).isEqualTo("text");
		assertThat(tooLong.body()).contains("at most 50 characters");
		// ... three articles are too many for one count request ...
		Http.Response tooMany = counts("a1,a2,a3");
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.json().path("errors").get(0).path("field").asString()).isEqualTo("articles");
		// ... and three links are no longer too many
		JsonNode links = api.posted(article, "Vidi www.primjer.hr i www.drugi.hr, www.treci.hr", null);
		assertThat(links.path("flags").toString()).doesNotContain("too-many-links");

		// a value no request could work with: refused, the previous settings stay
		edit("min-length: 2", "min-length: 0");
		assertThat(refresh().status()).isEqualTo(200);
		assertThat(settings.current().text().minLength()).isEqualTo(2);
		assertThat(settings.current().text().maxLength()).isEqualTo(50);
		assertThat(api.post(CommentApi.reader(), article, sixtyLetters, null).status()).isEqualTo(422);

		// fixed and refreshed again: applied
		edit("min-length: 0", "min-length: 2");
		edit("max-length: 50", "max-length: 2000");
		assertThat(refresh().status()).isEqualTo(200);
		assertThat(api.post(CommentApi.reader(), article, sixtyLetters, null).status()).isEqualTo(201);
	}

	private static Http.Response counts(String articles) {
		return Http.get(api.url("/api/v1/comments/counts?articles=" + articles));
	}

	private static Http.Response refresh() {
		return Http.post("http://localhost:" + instance.managementPort() + "/actuator/refresh", "");
	}

	/** Edits the service's own configuration file, as an operator edits the config repository. */
	private static void edit(String from, String to) throws IOException {
		Path file = config.resolve("comment-service.yml");
		String text = Files.readString(file);
		assertThat(text).as("comment-service.yml holds '%s'", from).contains(from);
		Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
				java.util.regex.Matcher.quoteReplacement(to)));
	}

}
