package news.platform.autoconfigure.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.support.InMemoryMongo;
import news.platform.autoconfigure.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class MongoSessionsTest {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

	private MongoDatabase database;

	private MongoSessions sessions;

	@BeforeEach
	void store() {
		this.database = InMemoryMongo.freshDatabase();
		this.sessions = sessions(KEY);
	}

	@Test
	void aSessionIsReadBackByKeyWithItsAttributesAndIsEncryptedAtRest() {
		StoredSession session = this.sessions.createSession();
		session.setAttribute("token", "eyJ-the-persons-access-token");
		this.sessions.save(session);

		StoredSession found = this.sessions.findById(session.getId());

		assertThat(found).isNotNull();
		assertThat((String) found.getAttribute("token")).isEqualTo("eyJ-the-persons-access-token");
		byte[] stored = stored(session.getId()).get("data", Binary.class).getData();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("the-persons-access-token");
	}

	@Test
	void aTamperedOrForeignSessionReadsAsAbsentAndIsGone() {
		StoredSession session = this.sessions.createSession();
		session.setAttribute("name", "Ana");
		this.sessions.save(session);
		byte[] data = stored(session.getId()).get("data", Binary.class).getData();
		data[data.length - 1] ^= 1;
		collection().updateOne(Filters.eq("_id", session.getId()), Updates.set("data", new Binary(data)));

		assertThat(this.sessions.findById(session.getId())).isNull();
		assertThat(stored(session.getId())).isNull();

		StoredSession other = this.sessions.createSession();
		this.sessions.save(other);
		assertThat(sessions(Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
				14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 }))
			.findById(other.getId())).as("another key: signed out").isNull();
	}

	@Test
	void anExpiredSessionReadsAsAbsentAndTheJobRemovesWhatExpired() {
		StoredSession session = this.sessions.createSession();
		this.sessions.save(session);
		StoredSession kept = this.sessions.createSession();
		this.clock.advance(Duration.ofHours(7));
		kept.setLastAccessedTime(this.clock.instant());
		this.sessions.save(kept);

		this.clock.advance(Duration.ofHours(1).plusSeconds(1));

		assertThat(this.sessions.findById(session.getId())).isNull();
		this.sessions.save(this.sessions.createSession());
		assertThat(this.sessions.removeExpired()).isZero();
		assertThat(this.sessions.findById(kept.getId())).isNotNull();
	}

	@Test
	void aNewIdAtSignInEndsTheOldOne() {
		StoredSession session = this.sessions.createSession();
		session.setAttribute("before", "sign-in");
		this.sessions.save(session);
		String old = session.getId();

		StoredSession loaded = this.sessions.findById(old);
		loaded.changeSessionId();
		this.sessions.save(loaded);

		assertThat(this.sessions.findById(old)).isNull();
		assertThat((String) this.sessions.findById(loaded.getId()).getAttribute("before")).isEqualTo("sign-in");
	}

	@Test
	void aRequestThatChangesNothingWritesNothingAndTheLastAccessIsWrittenAtMostEveryTouchInterval() {
		StoredSession session = this.sessions.createSession();
		session.setAttribute("name", "Ana");
		this.sessions.save(session);
		Instant firstAccess = stored(session.getId()).getDate("lastAccessedAt").toInstant();

		this.clock.advance(Duration.ofSeconds(30));
		StoredSession again = this.sessions.findById(session.getId());
		again.setLastAccessedTime(this.clock.instant());
		this.sessions.save(again);
		assertThat(stored(session.getId()).getDate("lastAccessedAt").toInstant()).isEqualTo(firstAccess);

		this.clock.advance(Duration.ofSeconds(31));
		again.setLastAccessedTime(this.clock.instant());
		this.sessions.save(again);
		assertThat(stored(session.getId()).getDate("lastAccessedAt").toInstant()).isEqualTo(this.clock.instant());
	}

	@Test
	void anAbsurdIdIsNotLookedUp() {
		assertThat(this.sessions.findById("x".repeat(200))).isNull();
		assertThat(this.sessions.findById("")).isNull();
	}

	private MongoSessions sessions(String key) {
		SessionProperties properties = new SessionProperties(true, "TEST_SESSION", false, Duration.ofHours(8), key, null,
				Duration.ofMinutes(5), Duration.ofSeconds(60));
		return new MongoSessions(this.database, new QueryShapes(), SessionCipher.from(properties), properties, this.clock);
	}

	private MongoCollection<Document> collection() {
		return this.database.getCollection(MongoSessions.COLLECTION);
	}

	private Document stored(String id) {
		return collection().find(Filters.eq("_id", id)).first();
	}

}
