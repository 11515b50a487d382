package news.platform.article.workflow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import news.platform.article.commit.ArticleSaved;
import news.platform.article.schedule.Schedule;

/**
 * What the newsroom's operators act on: how many articles went live ({@code articles_published_total},
 * by hand or by the scheduler) and how many wait for their time ({@code articles_scheduled_backlog}).
 */
@Component
class PublishingMetrics {

	private final Counter published;

	PublishingMetrics(MeterRegistry meters, Schedule schedule) {
		this.published = Counter.builder("articles.published")
			.description("Articles that became published, by an editor or by the scheduler")
			.register(meters);
		Gauge.builder("articles.scheduled.backlog", schedule, PublishingMetrics::backlogOrNaN)
			.description("Articles scheduled and not yet published")
			.register(meters);
	}

	private static double backlogOrNaN(Schedule schedule) {
		try {
			return schedule.backlog();
		}
		catch (RuntimeException ex) {
			// MongoDB unreachable: no figure rather than a wrong one (readiness reports the outage)
			return Double.NaN;
		}
	}

	@EventListener
	void onSaved(ArticleSaved saved) {
		if (saved.becamePublished()) {
			this.published.increment();
		}
	}

}
