package news.platform.article.access;

import java.util.Set;

import news.platform.article.story.Article;
import news.platform.autoconfigure.security.TokenIdentity;

/**
 * Who is asking, from the validated token. The role checks are the platform's
 * ({@link TokenIdentity}); who may see which unpublished article is this service's own rule.
 */
public record Caller(TokenIdentity identity) {

	public static final Caller ANONYMOUS = new Caller(new TokenIdentity(null, "anonymous", Set.of()));

	/** The system itself (the scheduler, start-up set-up): acts with editor rights. */
	public static final Caller SYSTEM = new Caller(
			new TokenIdentity("system:scheduler", "scheduler", Set.of(TokenIdentity.EDITOR)));

	public static Caller current() {
		return TokenIdentity.current().map(Caller::new).orElse(ANONYMOUS);
	}

	/** The token's subject; null when anonymous. */
	public String subject() {
		return this.identity.subject();
	}

	public boolean isEditor() {
		return this.identity.isEditor();
	}

	public boolean isStaff() {
		return this.identity.isStaff();
	}

	/** Editors see everything; a journalist sees their own articles in any state. */
	public boolean canSeeUnpublished(Article article) {
		return isEditor() || (this.identity.has(TokenIdentity.JOURNALIST) && subject().equals(article.ownerId()));
	}

	/** Whether the article is the caller's own. */
	public boolean owns(Article article) {
		return subject() != null && subject().equals(article.ownerId());
	}

}
