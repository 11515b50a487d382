package news.platform.media;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;

import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The metric names the platform agreed on exist from startup, with their known tags. */
@ServiceIntegrationTest
class MetricsTest {

	@LocalManagementPort
	int managementPort;

	@Test
	void agreedMetricsAreExported() {
		String metrics = Http.get("http://localhost:" + this.managementPort + "/actuator/prometheus").body();
		for (String outcome : MediaMetrics.UPLOAD_OUTCOMES) {
			assertThat(metrics).containsPattern("media_uploads_total\\{[^}]*outcome=\"" + outcome + "\"");
		}
		assertThat(metrics).contains("media_upload_bytes_total");
		for (String format : MediaMetrics.FORMATS) {
			assertThat(metrics).containsPattern("media_renditions_seconds_bucket\\{[^}]*format=\"" + format + "\"");
			assertThat(metrics).containsPattern("media_renditions_seconds_count\\{[^}]*format=\"" + format + "\"");
		}
		assertThat(metrics).containsPattern("feed_consumer_lag_seconds\\{[^}]*consumer=\"media-service\"");
		assertThat(metrics).containsPattern("feed_consumer_events_total\\{[^}]*consumer=\"media-service\"");
		// the photo library index follows media's own feed
		assertThat(metrics).containsPattern(
				"feed_consumer_lag_seconds\\{[^}]*consumer=\"media-service.library-index\",feed=\"media\"");
		// the clean-up job
		assertThat(metrics).contains("media_cleanup_reclaimed_bytes_total");
		for (String outcome : MediaMetrics.CLEANUP_ITEM_OUTCOMES) {
			assertThat(metrics).containsPattern("media_cleanup_items_total\\{[^}]*outcome=\"" + outcome + "\"");
		}
		for (String outcome : MediaMetrics.CLEANUP_RUN_OUTCOMES) {
			assertThat(metrics).containsPattern("media_cleanup_runs_total\\{[^}]*outcome=\"" + outcome + "\"");
		}
	}

}
