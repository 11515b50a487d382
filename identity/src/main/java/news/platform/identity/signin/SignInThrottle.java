package news.platform.identity.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.mongodb.QueryShapes.DeclaredIndex;
import news.platform.identity.IdentityProperties;

/**
 * Failed sign-ins, counted per account and per client address in {@code sign_in_attempts} (one
 * keyed document each: {@code account:<name>}, {@code address:<ip>}). Too many failures within the
 * window lock the account, or refuse the address, for the configured time; the lock expires by
 * itself (nobody can lock an editor out for good) and an admin can lift an account's lock earlier.
 * Counting is one atomic update per failure. The documents are removed once they have expired.
 */
@Component
public class SignInThrottle {

	static final String COLLECTION = "sign_in_attempts";

	static final String EXPIRES_INDEX = "expiresAt";

	private final MongoCollection<Document> attempts;

	private final IdentityProperties.SignIn settings;

	private final Clock clock;

	private final Counter refused;

	private final Counter failed;

	public SignInThrottle(MongoDatabase database, QueryShapes shapes, IdentityProperties properties, Clock clock,
			MeterRegistry meters) {
		this.attempts = database.getCollection(COLLECTION);
		this.settings = properties.signIn();
		this.clock = clock;
		shapes.createIndexes(this.attempts, DeclaredIndex.of(EXPIRES_INDEX, "expiresAt"));
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		shapes.register(COLLECTION, List.of("expiresAt"), List.of(), EXPIRES_INDEX);
		this.refused = Counter.builder("identity.sign_in.refused")
			.description("sign-ins refused without checking the password: the account is locked or the address throttled")
			.register(meters);
		this.failed = Counter.builder("identity.sign_in.failed").description("sign-ins with a wrong user name or password")
			.register(meters);
	}

	/** Whether this sign-in is refused before its password is checked. */
	public boolean refused(String username, String address) {
		Instant now = this.clock.instant();
		boolean refused = locked(accountKey(username), now) || locked(addressKey(address), now);
		if (refused) {
			this.refused.increment();
		}
		return refused;
	}

	public void failed(String username, String address) {
		this.failed.increment();
		Instant now = this.clock.instant();
		if (username != null) {
			count(accountKey(username), this.settings.maxFailuresPerAccount(), now);
		}
		count(addressKey(address), this.settings.maxFailuresPerAddress(), now);
	}

	/** A good sign-in clears the account's failures (the address keeps its count: it may be guessing others). */
	public void succeeded(String username) {
		this.attempts.deleteOne(Filters.eq("_id", accountKey(username)));
	}

	/** An admin lifts an account's lock; true if there was one. */
	public boolean unlock(String username) {
		return this.attempts.deleteOne(Filters.eq("_id", accountKey(username))).getDeletedCount() > 0;
	}

	/** Batch work: drops what has expired; a scan is allowed here. */
	public long removeExpired() {
		return this.attempts.deleteMany(Filters.lt("expiresAt", Date.from(this.clock.instant()))).getDeletedCount();
	}

	private boolean locked(String key, Instant now) {
		Document document = this.attempts.find(Filters.eq("_id", key)).first();
		return document != null && document.getDate("lockedUntil") != null
				&& document.getDate("lockedUntil").toInstant().isAfter(now);
	}

	private void count(String key, int max, Instant now) {
		Date windowStart = Date.from(now.minus(this.settings.window()));
		// a window that has passed starts again (a held lock stays until it expires)
		this.attempts.updateOne(
				Filters.and(Filters.eq("_id", key), Filters.lt("windowStart", windowStart),
						Filters.not(Filters.gt("lockedUntil", Date.from(now)))),
				Updates.combine(Updates.set("failures", 0), Updates.set("windowStart", Date.from(now))));
		Document counted = this.attempts.findOneAndUpdate(Filters.eq("_id", key),
				Updates.combine(Updates.inc("failures", 1), Updates.setOnInsert("windowStart", Date.from(now)),
						Updates.max("expiresAt", Date.from(now.plus(this.settings.window())))),
				new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
		if (counted != null && counted.getInteger("failures", 0) >= max) {
			Date until = Date.from(now.plus(this.settings.lockDuration()));
			this.attempts.updateOne(Filters.eq("_id", key),
					Updates.combine(Updates.max("lockedUntil", until), Updates.max("expiresAt", until)));
		}
	}

	static String accountKey(String username) {
		return "account:" + username;
	}

	static String addressKey(String address) {
		return "address:" + (address == null ? "unknown" : address);
	}

}
