package news.platform.autoconfigure.startup;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops the process when an unknown profile is active: a typo such as {@code k8s,prdo} would
 * otherwise run with the wrong settings. Runs once logging is set up, so the one-line report
 * goes where the logs go.
 */
public class ProfileCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final Set<String> KNOWN_PROFILES = Set.of("local", "k8s", "dev", "prod", "bench", "test");

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (context.getParent() != null) {
			return;
		}
		ConfigurableEnvironment environment = context.getEnvironment();
		Set<String> known = new TreeSet<>(KNOWN_PROFILES);
		known.addAll(Arrays.asList(environment.getProperty("platform.profiles.additional", String[].class,
				new String[0])));
		for (String profile : environment.getActiveProfiles()) {
			if (!known.contains(profile)) {
				throw new UnknownProfileException(profile, known);
			}
		}
		if (environment.matchesProfiles("local") && environment.matchesProfiles("k8s")) {
			throw new UnknownProfileException("local,k8s", known);
		}
	}

}
