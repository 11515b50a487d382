package news.platform.identity.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import news.platform.autoconfigure.core.LocalSecrets;
import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * {@code accounts} (by immutable id) and {@code usernames} (a claim per user name: its {@code _id}
 * is the name), so a sign-in is two key lookups on any MongoDB, the embedded one included, and two
 * people can never take the same name: the claim's insert is the commit point of a sign-up.
 */
@Component
public class Accounts {

	static final String ACCOUNTS = "accounts";

	static final String USERNAMES = "usernames";

	private final MongoCollection<Document> accounts;

	private final MongoCollection<Document> usernames;

	private final PasswordEncoder passwords;

	private final Clock clock;

	public Accounts(MongoDatabase database, QueryShapes shapes, PasswordEncoder passwords, Clock clock) {
		this.accounts = database.getCollection(ACCOUNTS);
		this.usernames = database.getCollection(USERNAMES);
		this.passwords = passwords;
		this.clock = clock;
		shapes.register(ACCOUNTS, List.of("_id"), List.of(), "_id_");
		shapes.register(USERNAMES, List.of("_id"), List.of(), "_id_");
	}

	/** The user name is someone else's. */
	public static class UsernameTaken extends RuntimeException {

		UsernameTaken(String username) {
			super("The user name '" + username + "' is taken");
		}

	}

	public Optional<Account> byId(String id) {
		if (id == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.accounts.find(Filters.eq("_id", id)).first()).map(Accounts::account);
	}

	/** {@code username} as {@link AccountRules#normalizedUsername} gives it. */
	public Optional<Account> byUsername(String username) {
		Document claim = this.usernames.find(Filters.eq("_id", username)).first();
		return claim == null ? Optional.empty() : byId(claim.getString("accountId"));
	}

	/** A new account, its password hashed; {@link UsernameTaken} when the name is claimed already. */
	public Account create(String username, String displayName, String password, Set<String> roles) {
		String id = LocalSecrets.randomSecret(12);
		Instant now = this.clock.instant();
		try {
			this.usernames.insertOne(new Document("_id", username).append("accountId", id).append("at", Date.from(now)));
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				throw new UsernameTaken(username);
			}
			throw ex;
		}
		Account account = new Account(id, username, displayName.strip(), this.passwords.encode(password),
				new TreeSet<>(roles), true, now);
		this.accounts.insertOne(new Document("_id", account.id()).append("username", account.username())
			.append("displayName", account.displayName())
			.append("passwordHash", account.passwordHash())
			.append("roles", List.copyOf(account.roles()))
			.append("enabled", true)
			.append("createdAt", Date.from(now)));
		return account;
	}

	/** Whether no account exists yet: a new database (read once, at start-up). */
	public boolean none() {
		return this.accounts.find().limit(1).first() == null;
	}

	private static Account account(Document d) {
		return new Account(d.getString("_id"), d.getString("username"), d.getString("displayName"),
				d.getString("passwordHash"), new TreeSet<>(d.getList("roles", String.class, List.of())),
				d.getBoolean("enabled", true), d.getDate("createdAt").toInstant());
	}

}
