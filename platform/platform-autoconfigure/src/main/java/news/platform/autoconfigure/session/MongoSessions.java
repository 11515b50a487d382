package news.platform.autoconfigure.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;

import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;

import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.mongodb.QueryShapes.DeclaredIndex;

/**
 * Sessions in the web application's own MongoDB database ({@code sessions}, keyed by session id),
 * so several replicas need no sticky sessions: reading one is a key lookup. The attributes (the
 * security context, the person's tokens) are serialised and encrypted ({@link SessionCipher}); a
 * request that changes nothing writes nothing, and the last-access time is written at most every
 * {@code touch-interval}. An expired, forged or undecryptable session reads as absent (signed out,
 * no error page); expired ones are removed by a job.
 */
public class MongoSessions implements SessionRepository<StoredSession> {

	static final String COLLECTION = "sessions";

	static final String EXPIRES_INDEX = "expiresAt";

	private final MongoCollection<Document> sessions;

	private final SessionCipher cipher;

	private final Duration timeout;

	private final Duration touchInterval;

	private final Clock clock;

	MongoSessions(MongoDatabase database, QueryShapes shapes, SessionCipher cipher, SessionProperties properties,
			Clock clock) {
		this.sessions = database.getCollection(COLLECTION);
		this.cipher = cipher;
		this.timeout = properties.timeout();
		this.touchInterval = properties.touchInterval();
		this.clock = clock;
		shapes.createIndexes(this.sessions, DeclaredIndex.of(EXPIRES_INDEX, "expiresAt"));
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		shapes.register(COLLECTION, List.of("expiresAt"), List.of(), EXPIRES_INDEX);
	}

	@Override
	public StoredSession createSession() {
		MapSession session = new MapSession();
		session.setCreationTime(this.clock.instant());
		session.setLastAccessedTime(this.clock.instant());
		session.setMaxInactiveInterval(this.timeout);
		return new StoredSession(session, null, null, null);
	}

	@Override
	public void save(StoredSession session) {
		if (session.storedId() != null && !session.storedId().equals(session.getId())) {
			// the id changed (sign-in): the old id must stop working at once
			this.sessions.deleteOne(Filters.eq("_id", session.storedId()));
			session.stored(null, null, null);
		}
		byte[] plain = serialize(session.delegate());
		byte[] digest = sha256(plain);
		Instant lastAccess = session.getLastAccessedTime();
		Instant expires = lastAccess.plus(session.getMaxInactiveInterval());
		if (session.storedId() != null && Arrays.equals(digest, session.storedDigest())) {
			if (session.storedLastAccess() == null
					|| lastAccess.isAfter(session.storedLastAccess().plus(this.touchInterval))) {
				this.sessions.updateOne(Filters.eq("_id", session.getId()), Updates.combine(
						Updates.set("lastAccessedAt", Date.from(lastAccess)), Updates.set("expiresAt", Date.from(expires))));
				session.stored(session.getId(), digest, lastAccess);
			}
			return;
		}
		Document document = new Document("_id", session.getId())
			.append("createdAt", Date.from(session.getCreationTime()))
			.append("lastAccessedAt", Date.from(lastAccess))
			.append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
			.append("expiresAt", Date.from(expires))
			.append("data", new Binary(this.cipher.encrypt(session.getId(), plain)));
		this.sessions.replaceOne(Filters.eq("_id", session.getId()), document, new ReplaceOptions().upsert(true));
		session.stored(session.getId(), digest, lastAccess);
	}

	@Override
	public StoredSession findById(String id) {
		if (id == null || id.isEmpty() || id.length() > 100) {
			return null;
		}
		Document document = this.sessions.find(Filters.eq("_id", id)).first();
		if (document == null) {
			return null;
		}
		Instant now = this.clock.instant();
		if (!document.getDate("expiresAt").toInstant().isAfter(now)) {
			deleteById(id);
			return null;
		}
		byte[] plain = this.cipher.decrypt(id, document.get("data", Binary.class).getData());
		Map<String, Object> attributes = plain == null ? null : deserialize(plain);
		if (attributes == null) {
			// another key or tampered bytes: the person is signed out, nothing worse
			deleteById(id);
			return null;
		}
		MapSession session = new MapSession(id);
		session.setCreationTime(document.getDate("createdAt").toInstant());
		session.setMaxInactiveInterval(Duration.ofSeconds(document.get("maxInactiveSeconds", Number.class).longValue()));
		Instant lastAccess = document.getDate("lastAccessedAt").toInstant();
		session.setLastAccessedTime(lastAccess);
		attributes.forEach(session::setAttribute);
		return new StoredSession(session, id, sha256(plain), lastAccess);
	}

	@Override
	public void deleteById(String id) {
		this.sessions.deleteOne(Filters.eq("_id", id));
	}

	/** Batch work: removes expired sessions (a scan is allowed here); how many. */
	public long removeExpired() {
		return this.sessions.deleteMany(Filters.lte("expiresAt", Date.from(this.clock.instant()))).getDeletedCount();
	}

	private static byte[] serialize(MapSession session) {
		Map<String, Object> attributes = new HashMap<>();
		session.getAttributeNames().forEach(name -> attributes.put(name, session.getAttribute(name)));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(attributes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A session attribute is not serialisable", ex);
		}
		return bytes.toByteArray();
	}

	/** Only what this process encrypted is read (the cipher authenticates it); null if unreadable. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> deserialize(byte[] plain) {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(plain))) {
			return (Map<String, Object>) in.readObject();
		}
		catch (IOException | ClassNotFoundException | ClassCastException ex) {
			// a class that changed since the session was written: start over rather than fail
			return null;
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
