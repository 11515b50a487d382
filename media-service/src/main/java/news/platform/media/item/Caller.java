package news.platform.media.item;

import java.util.Set;

import news.platform.starter.security.TokenIdentity;

/** Who is asking, from the validated token: the subject and the platform roles. */
public record Caller(String subject, Set<String> roles) {

	public static final Caller ANONYMOUS = new Caller(null, Set.of());

	public static Caller current() {
		return TokenIdentity.current().map(identity -> new Caller(identity.subject(), identity.roles())).orElse(ANONYMOUS);
	}

	public boolean isEditor() {
		return this.roles.contains("editor") || this.roles.contains("admin");
	}

	/** Journalists, editors and admins. */
	public boolean isStaff() {
		return isEditor() || this.roles.contains("journalist");
	}

}
