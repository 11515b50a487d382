package news.platform.identity.account;

import java.time.Instant;
import java.util.Set;

/**
 * A person who signs in.
 *
 * @param id immutable, never reused: the {@code sub} of every token, what owners and author
 * profiles key on (a renamed user name changes nothing downstream)
 * @param username what the person types to sign in (lower case)
 * @param displayName what others see (bylines, comments)
 * @param passwordHash the delegating encoder's form ({@code {bcrypt}…})
 * @param roles the platform roles: reader, journalist, editor, moderator, admin
 * @param enabled false for a closed account: no sign-in, no new token
 */
public record Account(String id, String username, String displayName, String passwordHash, Set<String> roles,
		boolean enabled, Instant createdAt) {

	public Account {
		roles = Set.copyOf(roles);
	}

}
