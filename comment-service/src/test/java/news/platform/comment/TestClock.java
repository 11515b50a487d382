package news.platform.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock plus an offset a test moves on (and must move back). One per test JVM. */
public final class TestClock extends Clock {

	public static final TestClock INSTANCE = new TestClock();

	private volatile Duration offset = Duration.ZERO;

	private TestClock() {
	}

	/** Moves time on for the rules of the service under test; returns what undoes it. */
	public AutoCloseable advance(Duration by) {
		this.offset = this.offset.plus(by);
		return () -> this.offset = this.offset.minus(by);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
