package news.platform.identity.account;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import news.platform.autoconfigure.core.LocalSecrets;
import news.platform.identity.IdentityProperties;

/**
 * A new database gets its first accounts: in {@code local} one per role, with passwords made on
 * first start and written to {@code <data-directory>/accounts.env} (owner-only; the run command
 * prints them); in the {@code dev} overlay the accounts of {@code platform.identity.initial-accounts}
 * (from a Secret). Anywhere else, and in any database that has an account already, nothing.
 */
@Component
class SeedAccounts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SeedAccounts.class);

	static final String FILE = "accounts.env";

	/** One per role, with a display name as a newsroom would show it. */
	static final Map<String, String> LOCAL = new LinkedHashMap<>();

	static {
		LOCAL.put("reader", "Ana Čitateljica");
		LOCAL.put("journalist", "Ivan Novinar");
		LOCAL.put("editor", "Maja Urednica");
		LOCAL.put("moderator", "Petra Moderatorica");
		LOCAL.put("admin", "Marko Administrator");
	}

	private final Accounts accounts;

	private final IdentityProperties properties;

	SeedAccounts(Accounts accounts, IdentityProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		boolean initial = this.properties.initialAccounts() != null && !this.properties.initialAccounts().isBlank();
		if (!(this.properties.seedAccounts() || initial) || !this.accounts.none()) {
			return;
		}
		if (initial) {
			List<IdentityProperties.InitialAccount> wanted = JsonMapper.builder()
				.build()
				.readValue(this.properties.initialAccounts(), new TypeReference<List<IdentityProperties.InitialAccount>>() {
				});
			for (IdentityProperties.InitialAccount account : wanted) {
				this.accounts.create(AccountRules.normalizedUsername(account.username()), account.displayName(),
						account.password(), Set.copyOf(account.roles()));
			}
			log.info("A new database: {} initial account(s) created", wanted.size());
			return;
		}
		Path file = this.properties.dataFolder().resolve(FILE);
		Map<String, Supplier<String>> passwords = new LinkedHashMap<>();
		LOCAL.keySet().forEach(role -> passwords.put(key(role), () -> LocalSecrets.randomSecret(15)));
		Map<String, String> values = LocalSecrets.readOrAdd(file, passwords);
		LOCAL.forEach((role, displayName) -> this.accounts.create(role, displayName, values.get(key(role)),
				Set.of(role)));
		log.info("A new database: one account per role (user names {}), passwords in {}", LOCAL.keySet(), file);
	}

	/** {@code PASSWORD_EDITOR}: the account's user name is its role's name. */
	static String key(String role) {
		return "PASSWORD_" + role.toUpperCase(java.util.Locale.ROOT);
	}

}
