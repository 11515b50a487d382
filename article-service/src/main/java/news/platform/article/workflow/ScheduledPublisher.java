package news.platform.article.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import news.platform.article.commit.ArticleCommits;
import news.platform.article.access.Caller;
import news.platform.article.schedule.Schedule;
import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.article.story.Articles;

/**
 * Publishes scheduled articles when their time comes, with no request. Every replica runs it;
 * each article is claimed by one conditional update on its revision, so exactly one replica
 * publishes it and the others' updates match nothing.
 */
@Component
class ScheduledPublisher {

	private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);

	/**
	 * A full scan is a safety net kept rare (at start-up, then hourly); the schedule markers answer
	 * every other run. On the embedded server one scan of 100,000 articles took 4.3-8.7 s of CPU,
	 * so a sweep every minute cost a tenth of a core while the service was otherwise idle.
	 */
	private static final Duration SWEEP_EVERY = Duration.ofHours(1);

	private final Articles articles;

	private final ArticleCommits commits;

	private final SchedulerProperties properties;

	private final Schedule schedule;

	/** The last full scan for scheduled articles without a marker (data from before markers). */
	private Instant lastSweep = Instant.MIN;

	ScheduledPublisher(Articles articles, Schedule schedule, ArticleCommits commits,
			SchedulerProperties properties) {
		this.articles = articles;
		this.schedule = schedule;
		this.commits = commits;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start(ApplicationReadyEvent event) {
		if (this.properties.enabled()) {
			event.getApplicationContext()
				.getBean(TaskScheduler.class)
				.scheduleWithFixedDelay(this::runSafely, this.properties.interval());
		}
	}

	private void runSafely() {
		try {
			publishDue();
		}
		catch (RuntimeException ex) {
			log.warn("Publishing scheduled articles failed; retrying on the next run", ex);
		}
	}

	/** How many articles this instance published. */
	int publishDue() {
		Instant now = this.commits.now();
		int published = 0;
		for (Schedule.Entry entry : this.schedule.due(now, this.properties.batchSize())) {
			Optional<Article> article = this.articles.find(entry.articleId()).filter(a -> isDue(a, now));
			if (article.isPresent() && publish(article.get(), now)) {
				published++;
				this.schedule.clear(entry);
			}
			else if (article.isEmpty() || this.articles.find(entry.articleId()).filter(a -> isDue(a, now)).isEmpty()) {
				// published by another replica, unscheduled or rescheduled: the marker is spent
				this.schedule.clear(entry);
			}
		}
		if (now.isAfter(this.lastSweep.plus(SWEEP_EVERY))) {
			this.lastSweep = now;
			for (Article due : this.articles.dueScheduled(now, this.properties.batchSize())) {
				if (publish(due, now)) {
					published++;
				}
			}
		}
		return published;
	}

	private static boolean isDue(Article article, Instant now) {
		return article.status() == ArticleStatus.SCHEDULED && article.scheduledAt() != null
				&& !article.scheduledAt().isAfter(now);
	}

	/** One conditional update on the revision: of all replicas, exactly one succeeds. */
	private boolean publish(Article due, Instant now) {
		Instant at = due.scheduledAt().isAfter(now) ? now : due.scheduledAt();
		Article live = Workflow.published(due, at, now, Caller.SYSTEM.subject());
		return this.commits.save(due, live, "scheduled-publish").isPresent();
	}

}
