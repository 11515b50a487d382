package news.platform.autoconfigure.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event-feed machinery ({@code platform.feed.*}).
 *
 * @param threads threads that run relays and followers (they only wait on I/O, briefly)
 * @param relay the producer side
 * @param follow defaults for every follower of this process
 */
@ConfigurationProperties("platform.feed")
public record FeedProperties(@DefaultValue("2") int threads, @DefaultValue Relay relay, @DefaultValue Follow follow) {

	/**
	 * @param enabled whether this replica competes for the relay lease (tests switch it off to
	 * relay by hand)
	 * @param interval pause between relay runs
	 * @param leaseTtl how long a relay's lease lasts without renewal; another replica takes over
	 * after it
	 * @param batchSize events moved per run at most
	 */
	public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("200ms") Duration interval,
			@DefaultValue("10s") Duration leaseTtl, @DefaultValue("500") int batchSize) {
	}

	/**
	 * @param enabled whether followers poll on their own (tests switch it off to poll by hand)
	 * @param interval pause between polls while the feed answers
	 * @param batchSize events asked for per read
	 * @param timeout connect and answer time allowed to the producer per read
	 * @param maxBackoff the longest pause between attempts while the producer fails (the pause
	 * doubles from {@code interval} up to this)
	 * @param maxPagesPerPoll pages read in one poll at most, so one poll never runs long
	 */
	public record Follow(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration interval,
			@DefaultValue("500") int batchSize, @DefaultValue("2s") Duration timeout,
			@DefaultValue("30s") Duration maxBackoff, @DefaultValue("20") int maxPagesPerPoll) {
	}

}
