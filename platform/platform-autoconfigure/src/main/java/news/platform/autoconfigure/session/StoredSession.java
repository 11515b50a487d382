package news.platform.autoconfigure.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.session.MapSession;
import org.springframework.session.Session;

/**
 * A session as the repository loaded it: the attributes, and what was stored, so that saving a
 * session nothing changed in writes nothing (or only a throttled last-access time).
 */
final class StoredSession implements Session {

	private final MapSession delegate;

	/** The id the session was stored under; null for a new session. */
	private String storedId;

	/** The SHA-256 of the stored attributes; null for a new session. */
	private byte[] storedDigest;

	private Instant storedLastAccess;

	StoredSession(MapSession delegate, String storedId, byte[] storedDigest, Instant storedLastAccess) {
		this.delegate = delegate;
		this.storedId = storedId;
		this.storedDigest = storedDigest;
		this.storedLastAccess = storedLastAccess;
	}

	MapSession delegate() {
		return this.delegate;
	}

	String storedId() {
		return this.storedId;
	}

	byte[] storedDigest() {
		return this.storedDigest;
	}

	Instant storedLastAccess() {
		return this.storedLastAccess;
	}

	void stored(String id, byte[] digest, Instant lastAccess) {
		this.storedId = id;
		this.storedDigest = digest;
		this.storedLastAccess = lastAccess;
	}

	@Override
	public String getId() {
		return this.delegate.getId();
	}

	@Override
	public String changeSessionId() {
		return this.delegate.changeSessionId();
	}

	@Override
	public <T> T getAttribute(String name) {
		return this.delegate.getAttribute(name);
	}

	@Override
	public Set<String> getAttributeNames() {
		return this.delegate.getAttributeNames();
	}

	@Override
	public void setAttribute(String name, Object value) {
		this.delegate.setAttribute(name, value);
	}

	@Override
	public void removeAttribute(String name) {
		this.delegate.removeAttribute(name);
	}

	@Override
	public Instant getCreationTime() {
		return this.delegate.getCreationTime();
	}

	@Override
	public void setLastAccessedTime(Instant lastAccessedTime) {
		this.delegate.setLastAccessedTime(lastAccessedTime);
	}

	@Override
	public Instant getLastAccessedTime() {
		return this.delegate.getLastAccessedTime();
	}

	@Override
	public void setMaxInactiveInterval(Duration interval) {
		this.delegate.setMaxInactiveInterval(interval);
	}

	@Override
	public Duration getMaxInactiveInterval() {
		return this.delegate.getMaxInactiveInterval();
	}

	@Override
	public boolean isExpired() {
		return this.delegate.isExpired();
	}

}
