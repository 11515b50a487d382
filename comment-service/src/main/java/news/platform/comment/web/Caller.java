package news.platform.comment.web;

import java.util.Set;

import news.platform.autoconfigure.security.TokenIdentity;

/**
 * Who is asking, from the validated token. The role checks are the shared {@link TokenIdentity}'s;
 * comment-service's own rules (its author edits a comment, its author or a moderator deletes it)
 * are decided with the comment.
 */
public record Caller(TokenIdentity identity) {

	/** The automatic rules, as the actor of what they do (holding or rejecting a new comment). */
	public static final Caller SYSTEM = new Caller(
			new TokenIdentity("system", "system", Set.of(TokenIdentity.MODERATOR)));

	/** Null for anonymous requests. */
	public static Caller current() {
		return TokenIdentity.current().map(Caller::new).orElse(null);
	}

	/** The token's subject: an immutable user id. */
	public String subject() {
		return this.identity.subject();
	}

	/** What to show as the author of a comment. */
	public String name() {
		return this.identity.name();
	}

	/** Moderators, editors and admins work the moderation queue and may delete any comment. */
	public boolean isModerator() {
		return this.identity.isModerator();
	}

}
