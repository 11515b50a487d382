package news.platform.comment.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import news.platform.comment.CommentProperties;
import news.platform.comment.CommentSettings;
import news.platform.comment.thread.CommentModeration.Decision;
import news.platform.comment.thread.CommentStatus;

/**
 * The automatic rules, in order: a banned word rejects; a suspect word, too many links, text the
 * user posted lately, one of the user's first N comments in the section, or a pre-moderated
 * section hold the comment for review (PENDING); otherwise it is visible at once. The flags say
 * which rules fired, for the moderators. The word lists and section policies are the ones stored
 * in the database as this replica holds them now ({@link ModerationRules}); the link limit and the
 * repeat window come from the refreshable settings.
 */
@Component
class AutoModeration {

	private static final Pattern LINK = Pattern.compile(
			"(?i)\\b(?:https?://|www\\.)\\S+|\\b[a-z0-9-]+\\.(?:com|net|org|hr|info|io|biz|ru|xyz|me|co|eu|de|top|link|click)\\b");

	private final CommentSettings settings;

	private final ModerationRules rules;

	private final Fingerprints fingerprints;

	AutoModeration(CommentSettings settings, ModerationRules rules, Fingerprints fingerprints) {
		this.settings = settings;
		this.rules = rules;
		this.fingerprints = fingerprints;
	}

	/** {@code visibleCount}: how many of the user's comments became visible so far. */
	Decision decide(String userId, String commentId, long visibleCount, String text, String section, Instant now) {
		ModerationRules.Compiled rules = this.rules.current();
		CommentProperties.Moderation settings = this.settings.current().moderation();
		List<CroatianFolding.Folded> words = CroatianFolding.foldedWords(text);
		if (rules.banned().firstMatch(words) != null) {
			return new Decision(CommentStatus.REJECTED, List.of("banned-word"));
		}
		List<String> flags = new ArrayList<>();
		if (rules.suspect().firstMatch(words) != null) {
			flags.add("suspect-word");
		}
		if (links(text) > settings.maxLinks()) {
			flags.add("too-many-links");
		}
		if (this.fingerprints.seenRecently(userId, text, commentId, now, settings.repeatWindow())) {
			flags.add("repeated-text");
		}
		ModerationSettings.SectionPolicy policy = rules.settings().policy(section);
		if (visibleCount < policy.firstCommentsHeld()) {
			flags.add("first-comments");
		}
		if (policy.preModerated()) {
			flags.add("pre-moderated-section");
		}
		return new Decision(flags.isEmpty() ? CommentStatus.VISIBLE : CommentStatus.PENDING, List.copyOf(flags));
	}

	/** An edit is checked for words only: banned refuses the edit, suspect holds the comment again. */
	Decision decideEdit(String text) {
		ModerationRules.Compiled rules = this.rules.current();
		List<CroatianFolding.Folded> words = CroatianFolding.foldedWords(text);
		if (rules.banned().firstMatch(words) != null) {
			return new Decision(CommentStatus.REJECTED, List.of("banned-word"));
		}
		List<String> flags = new ArrayList<>();
		if (rules.suspect().firstMatch(words) != null) {
			flags.add("suspect-word");
		}
		if (links(text) > this.settings.current().moderation().maxLinks()) {
			flags.add("too-many-links");
		}
		return new Decision(flags.isEmpty() ? CommentStatus.VISIBLE : CommentStatus.PENDING, List.copyOf(flags));
	}

	static int links(String text) {
		Matcher matcher = LINK.matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

}
