package news.platform.identity.account;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sign-in by user name, authenticated as the account's immutable id: Spring Security's principal
 * name, and so every token's {@code sub}, is the id, whatever name the person typed. The principal
 * is Spring's own {@link User}, which the authorization store serialises safely.
 */
@Component
public class AccountDetails implements UserDetailsService {

	private final Accounts accounts;

	public AccountDetails(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String typed) {
		String username = AccountRules.normalizedUsername(typed);
		if (!AccountRules.plausibleUsername(username)) {
			throw new UsernameNotFoundException("not an account");
		}
		Account account = this.accounts.byUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("not an account"));
		return User.withUsername(account.id())
			.password(account.passwordHash())
			.authorities(AuthorityUtils.createAuthorityList(
					account.roles().stream().map(role -> "ROLE_" + role).toArray(String[]::new)))
			.disabled(!account.enabled())
			.build();
	}

}
