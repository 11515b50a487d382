package news.platform.identity.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an account's fields may hold. Checked before anything is looked up or stored, so a user
 * name with control characters or a megabyte of text never reaches MongoDB or a log line.
 */
public final class AccountRules {

	public static final int MIN_PASSWORD = 12;

	public static final int MAX_PASSWORD = 128;

	public static final int MAX_DISPLAY_NAME = 80;

	/** 3–40 characters: lower-case ASCII letters and digits, and {@code . _ -} inside. */
	private static final Pattern USERNAME = Pattern.compile("[a-z0-9](?:[a-z0-9._-]{1,38})[a-z0-9]");

	/** Control, format (bidi overrides, zero-width) and unassigned characters. */
	private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cn}\\p{Co}\\p{Cs}]");

	public static final Set<String> ROLES = Set.of("reader", "journalist", "editor", "moderator", "admin");

	private AccountRules() {
	}

	/** What a person typed as a user name, as it is stored: trimmed, lower case. */
	public static String normalizedUsername(String typed) {
		return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
	}

	/** Whether {@code username} (normalized) could be an account's: checked before a sign-in looks it up. */
	public static boolean plausibleUsername(String username) {
		return username != null && USERNAME.matcher(username).matches();
	}

	/** One broken rule: the form field and the message key that explains it. */
	public record Violation(String field, String messageKey) {
	}

	public static List<Violation> checkNewAccount(String username, String displayName, String password,
			String passwordAgain) {
		List<Violation> violations = new ArrayList<>();
		if (!plausibleUsername(normalizedUsername(username))) {
			violations.add(new Violation("username", "signup.username.invalid"));
		}
		String name = displayName == null ? "" : displayName.strip();
		if (name.isEmpty() || name.length() > MAX_DISPLAY_NAME || INVISIBLE.matcher(name).find()) {
			violations.add(new Violation("displayName", "signup.displayName.invalid"));
		}
		if (password == null || password.length() < MIN_PASSWORD) {
			violations.add(new Violation("password", "signup.password.short"));
		}
		else if (password.length() > MAX_PASSWORD) {
			violations.add(new Violation("password", "signup.password.long"));
		}
		else if (!password.equals(passwordAgain)) {
			violations.add(new Violation("passwordAgain", "signup.password.mismatch"));
		}
		return violations;
	}

}
