package news.platform.identity.signin;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.identity.account.AccountRules;

/**
 * An admin lifts an account's sign-in lock before it expires:
 * {@code DELETE /admin/v1/sign-in-locks/{username}} with an admin's bearer token. 204 when a lock
 * was lifted, 404 when there was none.
 */
@RestController
class SignInLockController {

	private final SignInThrottle throttle;

	SignInLockController(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@DeleteMapping("/admin/v1/sign-in-locks/{username}")
	ResponseEntity<Void> unlock(@PathVariable String username) {
		String normalized = AccountRules.normalizedUsername(username);
		if (!AccountRules.plausibleUsername(normalized)) {
			throw ApiProblem.invalidField("username", "not a user name");
		}
		if (!this.throttle.unlock(normalized)) {
			throw ApiProblem.notFound("Sign-in lock", "The account '" + normalized + "' has no failed sign-ins.");
		}
		return ResponseEntity.noContent().build();
	}

}
