package news.platform.identity.signin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Removes failed-sign-in counters and locks that have expired (the embedded MongoDB has no TTL index). */
@Component
class ExpiredAttempts {

	private static final Logger log = LoggerFactory.getLogger(ExpiredAttempts.class);

	private final SignInThrottle throttle;

	ExpiredAttempts(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Scheduled(fixedDelayString = "${platform.identity.housekeeping-interval:10m}", initialDelayString = "1m")
	void removeExpired() {
		try {
			this.throttle.removeExpired();
		}
		catch (RuntimeException ex) {
			log.warn("Removing expired sign-in attempts failed; retrying on the next run", ex);
		}
	}

}
