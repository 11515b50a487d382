package news.platform.identity.authorization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes what has expired, since the embedded MongoDB has no TTL indexes (and a real one's TTL
 * monitor runs only once a minute anyway): authorizations whose codes and tokens have all expired.
 * Batch work, so a scan is allowed.
 */
@Component
class Housekeeping {

	private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

	private final Authorizations authorizations;

	Housekeeping(Authorizations authorizations) {
		this.authorizations = authorizations;
	}

	@Scheduled(fixedDelayString = "${platform.identity.housekeeping-interval:10m}", initialDelayString = "1m")
	void removeExpired() {
		try {
			long removed = this.authorizations.removeExpired();
			if (removed > 0) {
				log.info("Removed {} expired authorization(s)", removed);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Removing expired authorizations failed; retrying on the next run", ex);
		}
	}

}
