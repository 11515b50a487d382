package news.platform.desk.taxonomy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The word being typed in a comma-separated field, and what each suggestion puts into it. */
class SuggestionsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theTermIsTheWordAfterTheLastComma() {
		assertThat(Suggestions.term("Zagreb, Čač")).isEqualTo("Čač");
		assertThat(Suggestions.term("Zagreb, ")).isEmpty();
		assertThat(Suggestions.term(null)).isEmpty();
		assertThat(Suggestions.acceptable("a".repeat(100))).isTrue();
		assertThat(Suggestions.acceptable("a".repeat(101))).isFalse();
		assertThat(Suggestions.acceptable("a\u0000b")).isFalse();
	}

	@Test
	void anAuthorsNameIsPutInUnlessTwoSuggestedProfilesShareIt() {
		var answer = JSON.readTree("""
				{"items": [{"slug": "ana-horvat", "name": "Ana Horvat"}, {"slug": "ana-horvat-2", "name": "Ana Horvat"},
				           {"slug": "ante-anic", "name": "Ante Anić"}]}""");

		assertThat(Suggestions.authors(answer)).extracting(Suggestion::value)
			.containsExactly("ana-horvat", "ana-horvat-2", "Ante Anić");
		assertThat(Suggestions.tags(JSON.readTree("{\"items\": [{\"slug\": \"cacak\", \"name\": \"Čačak\"}]}")))
			.extracting(Suggestion::value)
			.containsExactly("Čačak");
	}

}
