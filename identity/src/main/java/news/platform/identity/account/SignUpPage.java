package news.platform.identity.account;

import java.util.List;

import news.platform.identity.web.PageContext.Csrf;
import news.platform.identity.web.Texts;

/**
 * The sign-up form, as first shown or with what was wrong: the values typed (never the password)
 * and a message key per field at fault.
 */
public record SignUpPage(Texts t, Csrf csrf, String username, String displayName,
		List<AccountRules.Violation> violations) {

	public boolean invalid(String field) {
		return this.violations.stream().anyMatch(violation -> violation.field().equals(field));
	}

	public String messageKey(String field) {
		return this.violations.stream()
			.filter(violation -> violation.field().equals(field))
			.map(AccountRules.Violation::messageKey)
			.findFirst()
			.orElse(null);
	}

}
