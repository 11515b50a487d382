package news.platform.identity.signin;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import news.platform.identity.account.AccountRules;

/**
 * The password check behind the sign-in form, throttled: an account that failed too often, or an
 * address that failed too often across accounts, is refused without a password check; every
 * failure counts. Whatever the reason (unknown name, wrong password, locked, throttled, a name that
 * cannot be one), the answer is the same, so an attacker learns nothing about which part was
 * wrong.
 */
public class ThrottledSignIn implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	public ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = AccountRules.normalizedUsername(authentication.getName());
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		if (!AccountRules.plausibleUsername(username)) {
			this.throttle.failed(null, address);
			throw refused();
		}
		if (this.throttle.refused(username, address)) {
			throw refused();
		}
		try {
			Authentication authenticated = this.passwords.authenticate(authentication);
			this.throttle.succeeded(username);
			return authenticated;
		}
		catch (AuthenticationException ex) {
			this.throttle.failed(username, address);
			throw refused();
		}
	}

	private static BadCredentialsException refused() {
		return new BadCredentialsException("sign-in refused");
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
