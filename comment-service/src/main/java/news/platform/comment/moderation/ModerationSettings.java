package news.platform.comment.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

import news.platform.comment.CommentProperties;

/**
 * The moderation settings moderators edit at run time, as one document ({@code moderation_settings},
 * {@code _id: "moderation"}): the banned and suspect word lists and the section policies, with a
 * {@code revision} that every change moves on (the ETag of the API). What is served is built
 * from this, never the document itself.
 */
record ModerationSettings(long revision, List<String> banned, List<String> suspect, SectionPolicy defaultSection,
		Map<String, SectionPolicy> sections, Instant updatedAt, String updatedBy) {

	ModerationSettings {
		banned = List.copyOf(banned);
		suspect = List.copyOf(suspect);
		sections = java.util.Collections.unmodifiableMap(new TreeMap<>(sections));
	}

	/**
	 * One section's policy: {@code pre} holds every new comment for review, {@code post} shows it
	 * at once (rules may still hold it); a user's first {@code firstCommentsHeld} comments are held;
	 * the thread closes {@code closeAfter} the article's first publication (null: never by itself).
	 */
	record SectionPolicy(String mode, int firstCommentsHeld, Duration closeAfter) {

		static final String PRE = "pre";

		static final String POST = "post";

		boolean preModerated() {
			return PRE.equals(this.mode);
		}

		static SectionPolicy of(CommentProperties.Section configured) {
			String mode = PRE.equalsIgnoreCase(configured.mode()) ? PRE : POST;
			return new SectionPolicy(mode, configured.firstCommentsHeld(), configured.closeAfter());
		}

		Document toDocument() {
			return new Document("mode", this.mode).append("firstCommentsHeld", this.firstCommentsHeld)
				.append("closeAfter", this.closeAfter == null ? null : this.closeAfter.toString());
		}

		static SectionPolicy from(Document document) {
			String close = document.getString("closeAfter");
			Number held = document.get("firstCommentsHeld", Number.class);
			return new SectionPolicy(document.getString("mode"), held == null ? 0 : held.intValue(),
					close == null ? null : Duration.parse(close));
		}

	}

	/** What a new database starts with: the configured defaults, revision 1. */
	static ModerationSettings defaults(CommentProperties.Moderation configured, Instant now) {
		Map<String, SectionPolicy> sections = new LinkedHashMap<>();
		configured.sections().forEach((name, section) -> sections.put(name, SectionPolicy.of(section)));
		return new ModerationSettings(1, WordPatterns.checked("comment.moderation.banned-words", configured.bannedWords()),
				WordPatterns.checked("comment.moderation.suspect-words", configured.suspectWords()),
				SectionPolicy.of(configured.defaultSection()), sections, now, "config");
	}

	/** The policy of an article's section: its own, else the default. */
	SectionPolicy policy(String section) {
		SectionPolicy own = section == null ? null : this.sections.get(section);
		return own != null ? own : this.defaultSection;
	}

	/** The largest first-comments rule of any section: past it, a user's count no longer matters. */
	int mostFirstCommentsHeld() {
		int most = this.defaultSection.firstCommentsHeld();
		for (SectionPolicy policy : this.sections.values()) {
			most = Math.max(most, policy.firstCommentsHeld());
		}
		return most;
	}

	ModerationSettings with(List<String> banned, List<String> suspect, SectionPolicy defaultSection,
			Map<String, SectionPolicy> sections) {
		return new ModerationSettings(this.revision, banned, suspect, defaultSection, sections, this.updatedAt,
				this.updatedBy);
	}

	/** The fields a write sets (revision, time and author are the store's). */
	Document contentDocument() {
		Document sections = new Document();
		this.sections.forEach((name, policy) -> sections.append(name, policy.toDocument()));
		return new Document("banned", this.banned).append("suspect", this.suspect)
			.append("defaultSection", this.defaultSection.toDocument())
			.append("sections", sections);
	}

	static ModerationSettings from(Document document) {
		Map<String, SectionPolicy> sections = new LinkedHashMap<>();
		Document stored = document.get("sections", Document.class);
		if (stored != null) {
			stored.forEach((name, value) -> sections.put(name, SectionPolicy.from((Document) value)));
		}
		Date at = document.getDate("updatedAt");
		return new ModerationSettings(document.get("revision", Number.class).longValue(),
				new ArrayList<>(document.getList("banned", String.class, List.of())),
				new ArrayList<>(document.getList("suspect", String.class, List.of())),
				SectionPolicy.from(document.get("defaultSection", Document.class)), sections,
				at == null ? null : at.toInstant(), document.getString("updatedBy"));
	}

	/**
	 * What changed from {@code before} to this, for the audit log: words added and removed per
	 * list, and each section policy (and the default) before and after. Empty when nothing changed.
	 */
	Document changesFrom(ModerationSettings before) {
		Document changes = new Document();
		listChange(changes, "banned", before.banned, this.banned);
		listChange(changes, "suspect", before.suspect, this.suspect);
		if (!before.defaultSection.equals(this.defaultSection)) {
			changes.append("defaultSection", new Document("from", before.defaultSection.toDocument()).append("to",
					this.defaultSection.toDocument()));
		}
		Document sections = new Document();
		TreeMap<String, Boolean> names = new TreeMap<>();
		before.sections.keySet().forEach(name -> names.put(name, true));
		this.sections.keySet().forEach(name -> names.put(name, true));
		for (String name : names.keySet()) {
			SectionPolicy was = before.sections.get(name);
			SectionPolicy is = this.sections.get(name);
			if (was == null ? is != null : !was.equals(is)) {
				sections.append(name, new Document("from", was == null ? null : was.toDocument()).append("to",
						is == null ? null : is.toDocument()));
			}
		}
		if (!sections.isEmpty()) {
			changes.append("sections", sections);
		}
		return changes;
	}

	private static void listChange(Document changes, String name, List<String> before, List<String> after) {
		List<String> added = WordPatterns.added(before, after);
		List<String> removed = WordPatterns.added(after, before);
		if (!added.isEmpty() || !removed.isEmpty()) {
			changes.append(name, new Document("added", added).append("removed", removed));
		}
	}

}
