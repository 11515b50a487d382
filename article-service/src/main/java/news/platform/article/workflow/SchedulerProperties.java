package news.platform.article.workflow;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduled publisher ({@code article.scheduler.*} in config-repo/article-service.yml).
 *
 * @param enabled whether this replica publishes due articles (every replica may; each article is
 * published exactly once)
 * @param interval pause between runs: how late after its time a scheduled article goes live at most
 * @param batchSize due articles handled per run
 */
@ConfigurationProperties("article.scheduler")
record SchedulerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration interval,
		@DefaultValue("200") int batchSize) {
}
