package news.platform.desk.importing;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import tools.jackson.databind.json.JsonMapper;

import news.platform.desk.upstream.Problem;
import news.platform.desk.web.Texts;

import static org.assertj.core.api.Assertions.assertThat;

/** article-service's refusals of an import, in the page's words: Croatian first, English by choice. */
class ImportProblemsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String NINJS_INVALID = """
			{"type": "https://news.example/problems/ninjs-invalid", "title": "Invalid ninjs", "status": 422,
			 "detail": "Not a valid ninjs 2.1 document: 2 violation(s) of the schema, first at $.headlines",
			 "errors": [{"field": "$.headlines", "message": "must be array"},
			            {"field": "$.versioncreated", "message": "must be a date-time"}]}""";

	@Test
	void aNinjsItemThatBreaksTheSchemaIsSaidInCroatianWithItsPlaces() {
		String words = ImportProblems.words(texts("hr"), problem(422, NINJS_INVALID));

		assertThat(words).isEqualTo("Vijest ne odgovara shemi ninjs 2.1. Mjesta: $.headlines, $.versioncreated.")
			.doesNotContain("Not a valid");
	}

	@Test
	void inEnglishForAPersonWhoChoseIt() {
		assertThat(ImportProblems.words(texts("en"), problem(422, NINJS_INVALID)))
			.isEqualTo("The item does not follow the ninjs 2.1 schema. At: $.headlines, $.versioncreated.");
	}

	@Test
	void aTypeWithoutItsOwnTextGoesByTheStatusOrSaysTheServicesSentence() {
		assertThat(ImportProblems.words(texts("hr"), problem(413, "{}"))).isEqualTo("Najviše 1 MB.");
		assertThat(ImportProblems.words(texts("hr"),
				problem(409, "{\"type\": \"/problems/something-new\", \"detail\": \"Something new\"}")))
			.isEqualTo("Usluga s pričama nije prihvatila vijest. (Something new)");
	}

	@Test
	void atMostFivePlacesAreNamed() {
		StringBuilder errors = new StringBuilder();
		for (int i = 0; i < 7; i++) {
			errors.append(i == 0 ? "" : ",").append("{\"field\": \"$.keywords[").append(i).append("]\", \"message\": \"x\"}");
		}
		String words = ImportProblems.words(texts("hr"),
				problem(422, "{\"type\": \"/problems/ninjs-invalid\", \"errors\": [" + errors + "]}"));

		assertThat(words).endsWith("Mjesta: $.keywords[0], $.keywords[1], $.keywords[2], $.keywords[3], $.keywords[4], ….");
	}

	private static Problem problem(int status, String json) {
		return Problem.of(status, JSON.readTree(json));
	}

	private static Texts texts(String language) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new Texts(messages, Locale.forLanguageTag(language));
	}

}
