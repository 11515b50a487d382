package news.platform.gateway;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.TestPropertySource;

import news.platform.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway settings that {@code POST /actuator/refresh} applies without a restart, through the
 * real settings classes and filters: the rate limits (on or off, the budgets of new client
 * buckets) and the response cache (on or off). A changed value is put in front of the
 * configuration, as a changed file at the config server would be, then the gateway is refreshed.
 * A context of its own (the extra property below), so the changes reach no other test.
 */
@TestPropertySource(properties = "platform.gateway.test.context=settings-refresh")
class SettingsRefreshTest extends GatewayTest {

	private static final String CHANGED = "changed-config";

	@Autowired
	ConfigurableEnvironment environment;

	@AfterEach
	void putTheConfigurationBack() {
		if (this.environment.getPropertySources().remove(CHANGED) != null) {
			assertThat(refresh().status()).isEqualTo(200);
		}
	}

	@Test
	void aChangedWriteBudgetAppliesToNewBucketsAndSwitchingTheLimitsOffAppliesAtOnce() {
		String path = unique("/api/v1/articles/refresh-writes");
		String before = freshUserToken("journalist");
		for (int i = 0; i < 3; i++) {
			assertThat(write(path, before).status()).isEqualTo(200);
		}
		assertProblem(write(path, before), 429, "/problems/rate-limited");

		change(Map.of("platform.gateway.rate-limits.write.capacity", "6"));
		String after = freshUserToken("journalist");
		for (int i = 0; i < 6; i++) {
			assertThat(write(path, after).status()).as("write %d of 6", i + 1).isEqualTo(200);
		}
		assertProblem(write(path, after), 429, "/problems/rate-limited");

		change(Map.of("platform.gateway.rate-limits.enabled", "false"));
		assertThat(write(path, before).status()).isEqualTo(200);
		assertThat(write(path, after).status()).isEqualTo(200);
	}

	@Test
	void switchingTheResponseCacheOffAppliesToTheNextRequest() {
		// a public answer of the stub, which the cache keeps
		String path = unique("/api/v1/articles/public");
		Client.get(gateway(path));
		assertThat(Client.get(gateway(path)).header("X-Cache")).isEqualTo("HIT");
		assertThat(upstream.requests(path)).hasSize(1);

		change(Map.of("platform.gateway.cache.enabled", "false"));
		Http.Response uncached = Client.get(gateway(path));
		assertThat(uncached.status()).isEqualTo(200);
		assertThat(uncached.header("X-Cache")).isNull();
		assertThat(upstream.requests(path)).hasSize(2);

		this.environment.getPropertySources().remove(CHANGED);
		assertThat(refresh().status()).isEqualTo(200);
		Client.get(gateway(path));
		assertThat(Client.get(gateway(path)).header("X-Cache")).isEqualTo("HIT");
	}

	/** Puts the values in front of the configuration (adding to earlier ones) and refreshes. */
	private void change(Map<String, Object> values) {
		Map<String, Object> all = new HashMap<>();
		if (this.environment.getPropertySources().get(CHANGED) instanceof MapPropertySource earlier) {
			all.putAll(earlier.getSource());
		}
		all.putAll(values);
		this.environment.getPropertySources().addFirst(new MapPropertySource(CHANGED, all));
		Http.Response refreshed = refresh();
		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
	}

	private Http.Response refresh() {
		return Client.post("http://localhost:" + this.managementPort + "/actuator/refresh", "", "Content-Type",
				"application/json");
	}

	private Http.Response write(String path, String token) {
		return Client.post(gateway(path), "{}", "Authorization", Http.bearer(token), "Content-Type", "application/json");
	}

}
