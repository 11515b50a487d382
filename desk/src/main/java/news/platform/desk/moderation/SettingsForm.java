package news.platform.desk.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The word lists and section policies as the settings page shows them: each list one word a line
 * (what the person typed, after a refusal), the policies, and the revision the page was read at
 * (sent back as {@code If-Match}).
 *
 * @param current the lists as comment-service holds them now, shown beside what was typed when the
 * two differ (someone else changed them meanwhile)
 * @param policyTyped the policy form's values after a refusal (section, mode, held, closeAfter)
 */
public record SettingsForm(long revision, String banned, String suspect, Policy defaultSection,
		List<SectionPolicy> sections, Map<String, String> current, Map<String, String> policyTyped, String updatedBy) {

	public record Policy(String mode, int firstCommentsHeld, String closeAfter) {

		static Policy of(JsonNode policy) {
			return new Policy(policy.path("mode").asString(""), policy.path("firstCommentsHeld").asInt(0),
					policy.path("closeAfter").asString(null));
		}

	}

	public record SectionPolicy(String section, Policy policy) {
	}

	static SettingsForm of(JsonNode settings) {
		List<SectionPolicy> sections = new ArrayList<>();
		settings.path("sections").properties()
			.forEach(entry -> sections.add(new SectionPolicy(entry.getKey(), Policy.of(entry.getValue()))));
		return new SettingsForm(settings.path("revision").asLong(), lines(settings.path("banned")),
				lines(settings.path("suspect")), Policy.of(settings.path("defaultSection")), List.copyOf(sections),
				Map.of(), Map.of(), settings.path("updatedBy").asString(null));
	}

	/** The same settings with a list as the person typed it, the stored one kept for comparison. */
	SettingsForm typed(String list, String words) {
		String stored = "banned".equals(list) ? this.banned : this.suspect;
		Map<String, String> current = stored.equals(words) ? Map.of() : Map.of(list, stored);
		return new SettingsForm(this.revision, "banned".equals(list) ? words : this.banned,
				"suspect".equals(list) ? words : this.suspect, this.defaultSection, this.sections, current,
				this.policyTyped, this.updatedBy);
	}

	SettingsForm policyTyped(Map<String, String> typed) {
		return new SettingsForm(this.revision, this.banned, this.suspect, this.defaultSection, this.sections,
				this.current, typed, this.updatedBy);
	}

	public String value(String field, String otherwise) {
		return this.policyTyped.getOrDefault(field, otherwise);
	}

	private static String lines(JsonNode words) {
		List<String> lines = new ArrayList<>();
		words.forEach(word -> lines.add(word.asString()));
		return String.join("\n", lines);
	}

}
