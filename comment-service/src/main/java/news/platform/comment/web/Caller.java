package news.platform.comment.web;

import java.util.Set;

import news.platform.starter.security.TokenIdentity;

/** Who is asking, from the validated token: subject, display name and platform roles. */
public record Caller(String subject, String name, Set<String> roles) {

	public static final Caller SYSTEM = new Caller("system", "system", Set.of("moderator"));

	/** Null for anonymous requests. */
	public static Caller current() {
		return TokenIdentity.current()
			.map(identity -> new Caller(identity.subject(), identity.name(), identity.roles()))
			.orElse(null);
	}

	/** Moderators, editors and admins work the moderation queue. */
	public boolean isModerator() {
		return this.roles.contains("moderator") || this.roles.contains("editor") || this.roles.contains("admin");
	}

}
