package news.platform.comment.moderation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import news.platform.comment.AnotherInstance;
import news.platform.comment.ArticleServiceStub;
import news.platform.comment.CommentApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.TestMongo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not a test (its name keeps it out of the build's test run): two replicas on one
 * database; a moderator adds a word on the first through the API, and the time is taken from the
 * change's answer until the second applies that revision (its {@link ModerationRules}, polled
 * every 2 ms in process). Run by hand:
 *
 * <pre>
 * ./mvnw -B -pl comment-service -Dplatform.build.dir=target-c17 -Dtest=SettingsPropagationBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false verify
 * </pre>
 *
 * It prints the figures and writes them to {@code <build folder>/settings-propagation.txt}.
 */
class SettingsPropagationBench {

	static final int CHANGES = Integer.getInteger("changes", 40);

	@Test
	void aWordListChangeReachesAnotherReplica() throws IOException, InterruptedException {
		ArticleServiceStub.get().start();
		try (AnotherInstance first = AnotherInstance.start(AnotherInstance.SHARED_CONFIG, Map.of());
				AnotherInstance second = AnotherInstance.start(AnotherInstance.SHARED_CONFIG, Map.of())) {
			CommentApi api = first.api();
			ModerationRules there = second.bean(ModerationRules.class);
			List<Double> millis = new ArrayList<>();
			for (int i = 0; i < CHANGES + 5; i++) {
				String body = "{\"" + (i % 2 == 0 ? "add" : "remove") + "\": [\"mjerenje\"]}";
				Http.Response changed = ModerationSettingsTest.edit(api, CommentApi.MODERATOR, "PATCH", "/words/suspect",
						body);
				long answered = System.nanoTime();
				assertThat(changed.status()).as(changed.body()).isEqualTo(200);
				long revision = changed.json().path("revision").asLong();
				while (there.current().settings().revision() < revision) {
					if (System.nanoTime() - answered > 10_000_000_000L) {
						throw new AssertionError("revision " + revision + " not applied by the second replica in 10 s");
					}
					Thread.sleep(2);
				}
				if (i >= 5) {
					// the first five warm both replicas up
					millis.add((System.nanoTime() - answered) / 1e6);
				}
				// changes a moment apart, not back to back
				Thread.sleep(100 + (i * 37) % 300);
			}
			Collections.sort(millis);
			String result = String.format(java.util.Locale.ROOT,
					"%s settings propagation, %d changes, MongoDB %s: p50 %.0f ms, p90 %.0f ms, max %.0f ms, load %s%n",
					Instant.now(), millis.size(), TestMongo.kind(), at(millis, 0.5), at(millis, 0.9),
					millis.get(millis.size() - 1), Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
			System.out.print(result);
			Path out = Path.of(System.getProperty("platform.build.directory", "target"), "settings-propagation.txt");
			Files.createDirectories(out.getParent());
			Files.writeString(out, result, java.nio.file.StandardOpenOption.CREATE,
					java.nio.file.StandardOpenOption.APPEND);
		}
	}

	private static double at(List<Double> sorted, double quantile) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
	}

}
