package news.platform.autoconfigure.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** One token, fetched on first use and again once it is within {@code renewBefore} of expiring. */
final class CachedToken implements ServiceTokens {

	record Issued(String value, Instant expiresAt) {
	}

	private final Supplier<Issued> issuer;

	private final Duration renewBefore;

	private final Clock clock;

	private volatile Issued current;

	CachedToken(Supplier<Issued> issuer, Duration renewBefore, Clock clock) {
		this.issuer = issuer;
		this.renewBefore = renewBefore;
		this.clock = clock;
	}

	@Override
	public String authorization() {
		Issued token = this.current;
		if (token == null || !clock.instant().isBefore(token.expiresAt().minus(renewBefore))) {
			synchronized (this) {
				token = this.current;
				if (token == null || !clock.instant().isBefore(token.expiresAt().minus(renewBefore))) {
					token = issuer.get();
					this.current = token;
				}
			}
		}
		return "Bearer " + token.value();
	}

}
