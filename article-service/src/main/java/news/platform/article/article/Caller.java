package news.platform.article.article;

import java.util.Set;

import news.platform.starter.security.TokenIdentity;

/** Who is asking, from the validated token: the subject and the platform roles. */
public record Caller(String subject, Set<String> roles) {

	public static final Caller ANONYMOUS = new Caller(null, Set.of());

	/** The system itself (the scheduler): acts with editor rights. */
	public static final Caller SYSTEM = new Caller("system:scheduler", Set.of("editor"));

	public static Caller current() {
		return TokenIdentity.current().map(identity -> new Caller(identity.subject(), identity.roles())).orElse(ANONYMOUS);
	}

	public boolean isEditor() {
		return this.roles.contains("editor") || this.roles.contains("admin");
	}

	public boolean isStaff() {
		return isEditor() || this.roles.contains("journalist");
	}

	public boolean isAdmin() {
		return this.roles.contains("admin");
	}

	/** Editors see everything; a journalist sees their own articles in any state. */
	public boolean canSeeUnpublished(Article article) {
		return isEditor() || (this.roles.contains("journalist") && this.subject.equals(article.ownerId()));
	}

}
