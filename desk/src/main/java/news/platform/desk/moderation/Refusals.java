package news.platform.desk.moderation;

import java.util.Set;

import news.platform.desk.upstream.Refusal;

/** comment-service's refusals in the desk's words: one bundle key per problem type it answers. */
final class Refusals {

	private static final Set<String> KNOWN = Set.of("stale-version", "precondition-required", "version-conflict",
			"validation", "forbidden", "not-found", "invalid-parameter", "comment-state", "upstream-unavailable",
			"payload-too-large", "unknown-field");

	private Refusals() {
	}

	static Notice notice(Refusal refusal) {
		String type = KNOWN.contains(refusal.type()) ? refusal.type() : "other";
		return new Notice("problem", "moderation.refused." + type, refusal.detail(), refusal.field());
	}

}
