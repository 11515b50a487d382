package news.platform.comment.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.bson.Document;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.autoconfigure.web.VersionPreconditions;
import news.platform.comment.articlestate.SectionDirectory;
import news.platform.comment.moderation.ModerationSettings.SectionPolicy;
import news.platform.comment.web.Caller;

/**
 * Moderators' changes to the moderation settings. Each is checked whole before anything is
 * written (428 without {@code If-Match}, 412 at a stale revision, 422 naming the field that breaks
 * a rule, 422 or 503 for a section article-service does not list or cannot be asked about), then
 * written as one conditional update with its audit entry and feed event, and applied on this
 * replica at once; the others follow the {@code comments} feed. A change that changes nothing
 * writes nothing.
 */
final class SettingsEditing {

	static final Pattern SECTION_PATH = Pattern.compile("[a-z0-9-]{1,60}(/[a-z0-9-]{1,60})?");

	static final int MAX_SECTIONS = 1000;

	static final int MAX_FIRST_COMMENTS_HELD = 100;

	static final Duration SHORTEST_CLOSE = Duration.ofMinutes(1);

	static final Duration LONGEST_CLOSE = Duration.ofDays(3650);

	private static final VersionPreconditions PRECONDITIONS = new VersionPreconditions("moderation settings");

	private final ModerationSettingsStore store;

	private final ModerationRules rules;

	private final SectionDirectory sections;

	private final AuditLog audit;

	private final Clock clock;

	SettingsEditing(ModerationSettingsStore store, ModerationRules rules, SectionDirectory sections, AuditLog audit,
			Clock clock) {
		this.store = store;
		this.rules = rules;
		this.sections = sections;
		this.audit = audit;
		this.clock = clock;
	}

	/** A section's policy as sent: {@code mode} pre or post; unset counts as 0 and never. */
	record PolicyInput(String mode, Integer firstCommentsHeld, String closeAfter) {
	}

	/** The whole settings as sent to replace them. */
	record SettingsInput(List<String> banned, List<String> suspect, PolicyInput defaultSection,
			Map<String, PolicyInput> sections) {
	}

	/** The settings as stored now (by key). */
	ModerationSettings current() {
		return this.store.load().orElseGet(() -> this.rules.current().settings());
	}

	ModerationSettings replace(Caller caller, String ifMatch, SettingsInput input) {
		return change(caller, ifMatch, "settings-replace", current -> {
			if (input == null) {
				throw ApiProblem.invalidField("banned", "required");
			}
			if (input.defaultSection() == null) {
				throw ApiProblem.invalidField("defaultSection", "required");
			}
			Map<String, SectionPolicy> policies = new LinkedHashMap<>();
			Map<String, PolicyInput> sent = input.sections() == null ? Map.of() : input.sections();
			if (sent.size() > MAX_SECTIONS) {
				throw ApiProblem.invalidField("sections", "at most " + MAX_SECTIONS + " section policies");
			}
			sent.forEach((path, policy) -> policies.put(sectionPath("sections." + path, path),
					policy("sections." + path + ".", policy)));
			return current.with(WordPatterns.checked("banned", input.banned()),
					WordPatterns.checked("suspect", input.suspect()), policy("defaultSection.", input.defaultSection()),
					policies);
		});
	}

	ModerationSettings replaceWords(Caller caller, String ifMatch, String list, List<String> words) {
		WordList which = WordList.of(list);
		return change(caller, ifMatch, "words-replace", current -> which.with(current, WordPatterns.checked("words", words)));
	}

	/** Adds and removes words of one list; a word already there, or not there, changes nothing. */
	ModerationSettings editWords(Caller caller, String ifMatch, String list, List<String> add, List<String> remove) {
		WordList which = WordList.of(list);
		return change(caller, ifMatch, "words-edit", current -> {
			if ((add == null || add.isEmpty()) && (remove == null || remove.isEmpty())) {
				throw ApiProblem.invalidField("add", "give words to add or to remove");
			}
			List<String> adding = add == null ? List.of() : WordPatterns.checked("add", add);
			List<String> removing = remove == null ? List.of() : WordPatterns.checked("remove", remove);
			List<String> words = new ArrayList<>(which.of(current));
			words.removeAll(removing);
			adding.stream().filter(word -> !words.contains(word)).forEach(words::add);
			if (words.size() > WordPatterns.MAX_WORDS) {
				throw ApiProblem.invalidField("add",
						"the list would hold " + words.size() + " words; at most " + WordPatterns.MAX_WORDS);
			}
			return which.with(current, words);
		});
	}

	ModerationSettings putSection(Caller caller, String ifMatch, String path, PolicyInput input) {
		return change(caller, ifMatch, "section-policy", current -> {
			String section = sectionPath("section", path);
			Map<String, SectionPolicy> policies = new LinkedHashMap<>(current.sections());
			policies.put(section, policy("", input));
			if (policies.size() > MAX_SECTIONS) {
				throw ApiProblem.invalidField("section", "at most " + MAX_SECTIONS + " section policies");
			}
			return current.with(current.banned(), current.suspect(), current.defaultSection(), policies);
		});
	}

	ModerationSettings removeSection(Caller caller, String ifMatch, String path) {
		return change(caller, ifMatch, "section-policy-remove", current -> {
			String section = sectionPath("section", path);
			Map<String, SectionPolicy> policies = new LinkedHashMap<>(current.sections());
			policies.remove(section);
			return current.with(current.banned(), current.suspect(), current.defaultSection(), policies);
		});
	}

	ModerationSettings putDefaultSection(Caller caller, String ifMatch, PolicyInput input) {
		return change(caller, ifMatch, "default-section-policy",
				current -> current.with(current.banned(), current.suspect(), policy("", input), current.sections()));
	}

	private ModerationSettings change(Caller caller, String ifMatch, String action,
			UnaryOperator<ModerationSettings> edit) {
		long expected = PRECONDITIONS.required(ifMatch);
		ModerationSettings current = current();
		if (expected != current.revision()) {
			throw PRECONDITIONS.stale(expected, current.revision());
		}
		ModerationSettings next = edit.apply(current);
		requireKnownSections(current, next);
		Document changes = next.changesFrom(current);
		if (changes.isEmpty()) {
			return current;
		}
		Instant now = this.clock.instant();
		Document entry = AuditLog.settingsEntry(caller, action, current.revision(), current.revision() + 1, changes,
				null);
		ModerationSettings saved = this.store
			.replace(expected, next, caller.subject(), now, entry, new ArrayList<>(changes.keySet()))
			.orElseThrow(() -> PRECONDITIONS.stale(expected, this.store.revision()));
		this.audit.record(entry);
		this.rules.applied(saved);
		return saved;
	}

	/** Every policy that is new or changed must be for a section article-service lists. */
	private void requireKnownSections(ModerationSettings current, ModerationSettings next) {
		for (Map.Entry<String, SectionPolicy> entry : next.sections().entrySet()) {
			if (entry.getValue().equals(current.sections().get(entry.getKey()))) {
				continue;
			}
			String field = "sections." + entry.getKey();
			switch (this.sections.check(entry.getKey())) {
				case UNKNOWN -> throw ApiProblem.invalidField(field,
						"no such section: article-service does not list '" + entry.getKey() + "'");
				case UNAVAILABLE -> throw ApiProblem
					.retryLater(ProblemType.UPSTREAM_UNAVAILABLE, "Cannot check section '" + entry.getKey()
							+ "': article-service does not answer and did not list it when it last did. Nothing was changed; retry shortly.",
							5)
					.withFieldError(field, "cannot be checked now");
				default -> {
				}
			}
		}
	}

	private static String sectionPath(String field, String path) {
		if (path == null || !SECTION_PATH.matcher(path).matches()) {
			throw ApiProblem.invalidField(field,
					"a section path: lower-case letters, digits and -, at most one / (vijesti/hrvatska)");
		}
		return path;
	}

	private static SectionPolicy policy(String prefix, PolicyInput input) {
		if (input == null) {
			throw ApiProblem.invalidField(prefix.isEmpty() ? "mode" : prefix.substring(0, prefix.length() - 1),
					"required: {mode, firstCommentsHeld, closeAfter}");
		}
		if (input.mode() == null || !List.of(SectionPolicy.PRE, SectionPolicy.POST).contains(input.mode())) {
			throw ApiProblem.invalidField(prefix + "mode", "pre or post");
		}
		int held = input.firstCommentsHeld() == null ? 0 : input.firstCommentsHeld();
		if (held < 0 || held > MAX_FIRST_COMMENTS_HELD) {
			throw ApiProblem.invalidField(prefix + "firstCommentsHeld", "between 0 and " + MAX_FIRST_COMMENTS_HELD);
		}
		Duration close = null;
		if (input.closeAfter() != null) {
			try {
				close = Duration.parse(input.closeAfter());
			}
			catch (DateTimeParseException ex) {
				close = null;
			}
			if (close == null || close.compareTo(SHORTEST_CLOSE) < 0 || close.compareTo(LONGEST_CLOSE) > 0) {
				throw ApiProblem.invalidField(prefix + "closeAfter",
						"an ISO-8601 duration between PT1M and P3650D (P14D: 14 days), or null for never");
			}
		}
		return new SectionPolicy(input.mode(), held, close);
	}

	/** The two word lists by their name in paths. */
	enum WordList {

		BANNED, SUSPECT;

		static WordList of(String name) {
			return switch (name == null ? "" : name) {
				case "banned" -> BANNED;
				case "suspect" -> SUSPECT;
				default -> throw ApiProblem.invalidParameter("list", "banned or suspect");
			};
		}

		List<String> of(ModerationSettings settings) {
			return this == BANNED ? settings.banned() : settings.suspect();
		}

		ModerationSettings with(ModerationSettings settings, List<String> words) {
			return this == BANNED
					? settings.with(words, settings.suspect(), settings.defaultSection(), settings.sections())
					: settings.with(settings.banned(), words, settings.defaultSection(), settings.sections());
		}

	}

}
