package news.platform.media.item;

import java.util.Set;

import news.platform.autoconfigure.security.TokenIdentity;

/**
 * Who is asking, from the validated token. The role checks are the platform's
 * ({@link TokenIdentity}); what is media's own stays here: who may delete an item.
 */
public record Caller(TokenIdentity identity) {

	public static final Caller ANONYMOUS = new Caller(new TokenIdentity(null, null, Set.of()));

	public static Caller current() {
		return TokenIdentity.current().map(Caller::new).orElse(ANONYMOUS);
	}

	/** The token's subject; null for anonymous requests. */
	public String subject() {
		return this.identity.subject();
	}

	/** Journalists, editors and admins: they see the editing fields. */
	public boolean isStaff() {
		return this.identity.isStaff();
	}

	/** Editors and admins delete any item; a journalist only what they uploaded. */
	public boolean mayDelete(MediaItem item) {
		return this.identity.isEditor() || (subject() != null && subject().equals(item.uploadedBy()));
	}

}
