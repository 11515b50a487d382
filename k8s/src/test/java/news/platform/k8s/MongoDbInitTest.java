package news.platform.k8s;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replica set's init script and the services' connection strings agree: each service's user
 * exists in its own database with readWrite there only, the URI in its Secret example names that
 * user, database and authSource, and every variable the script reads is set on the Job. A user of a
 * component that only some overlays deploy (identity, dev) is optional in the script and gets its
 * password on the Job exactly in those overlays.
 */
class MongoDbInitTest {

	private static final Pattern USER = Pattern.compile(
			"\\{ user: '([^']+)', db: '([^']+)', password: process\\.env\\.([A-Z_]+)(, optional: true)? }");

	private static final Pattern ENV = Pattern.compile("process\\.env\\.([A-Z_]+)");

	private static final Pattern URI = Pattern.compile("mongodb://([^:]+):[^@]+@[^/]+/([^?]+)\\?.*authSource=([^&]+)");

	/** One user the script makes. */
	record User(String name, String database, String passwordVariable, boolean optional) {
	}

	private static String script() {
		ConfigMap configMap = Overlay.of("prod").find(ConfigMap.class, "mongodb-init").orElseThrow();
		return configMap.getData().get("init-replica-set.js");
	}

	private static Map<String, User> users() {
		Map<String, User> users = new TreeMap<>();
		Matcher user = USER.matcher(script());
		while (user.find()) {
			users.put(user.group(1), new User(user.group(1), user.group(2), user.group(3), user.group(4) != null));
		}
		return users;
	}

	@Test
	void eachServiceHasItsOwnUserAndDatabaseMatchingItsUri() {
		Map<String, String> usersToDatabases = new TreeMap<>();
		users().values().forEach(user -> usersToDatabases.put(user.name(), user.database()));
		assertThat(script()).contains("roles = [{ role: 'readWrite', db: service.db }]");

		Map<String, String> fromUris = new TreeMap<>();
		for (String overlay : Overlay.NAMES) {
			Overlay.of(overlay).all(Deployment.class).forEach(deployment -> {
				boolean usesMongoDb = deployment.getSpec()
					.getTemplate()
					.getSpec()
					.getContainers()
					.get(0)
					.getEnv()
					.stream()
					.anyMatch(variable -> variable.getName().equals("MONGODB_URI"));
				if (!usesMongoDb) {
					return;
				}
				String service = deployment.getMetadata().getName();
				Path example = Project.SECRET_EXAMPLES.resolve(service + "-secrets.yaml.example");
				String uri = Kustomize.readDocuments(example).get(0).path("stringData").path("MONGODB_URI").asText();
				Matcher parts = URI.matcher(uri);
				assertThat(parts.find()).as("%s: stringData.MONGODB_URI %s", Project.relative(example), uri).isTrue();
				assertThat(parts.group(1)).as("%s: the user in MONGODB_URI", Project.relative(example))
					.isEqualTo(service);
				assertThat(parts.group(3)).as("%s: authSource is the service's database", Project.relative(example))
					.isEqualTo(parts.group(2));
				fromUris.put(parts.group(1), parts.group(2));
			});
		}
		assertThat(usersToDatabases).as("users created by k8s/base/mongodb/configmap-init.yaml").isEqualTo(fromUris);
		assertThat(fromUris).containsEntry("article-service", "articles")
			.containsEntry("media-service", "media")
			.containsEntry("comment-service", "comments")
			.containsEntry("identity", "identity");
	}

	@Test
	void aUserIsOptionalExactlyWhenItsComponentRunsInSomeOverlaysOnly() {
		users().values().forEach(user -> {
			boolean everywhere = Components.everywhere().stream().anyMatch(component -> component.name().equals(user.name()));
			assertThat(user.optional())
				.as("k8s/base/mongodb/configmap-init.yaml: user %s is optional (made only where the overlay sets %s) "
						+ "exactly when its component is not deployed by every overlay", user.name(),
						user.passwordVariable())
				.isEqualTo(!everywhere);
		});
	}

	@Test
	void everyVariableTheScriptReadsIsSetOnTheJob() {
		Set<String> read = new TreeSet<>();
		Matcher variable = ENV.matcher(script());
		while (variable.find()) {
			read.add(variable.group(1));
		}
		Map<String, User> byVariable = new TreeMap<>();
		users().values().forEach(user -> byVariable.put(user.passwordVariable(), user));
		for (String overlay : Overlay.NAMES) {
			Job job = Overlay.of(overlay).find(Job.class, "mongodb-init").orElseThrow();
			Set<String> set = job.getSpec()
				.getTemplate()
				.getSpec()
				.getContainers()
				.get(0)
				.getEnv()
				.stream()
				.map(EnvVar::getName)
				.collect(Collectors.toSet());
			for (String name : read) {
				User user = byVariable.get(name);
				boolean wanted = user == null || !user.optional()
						|| Components.named(user.name()).map(component -> component.in(overlay)).orElse(false);
				assertThat(set.contains(name))
					.as("overlay %s: env %s of Job/mongodb-init (%s)", overlay, name,
							wanted ? "the script needs it" : "the user's component is not deployed here")
					.isEqualTo(wanted);
			}
		}
	}

	@Test
	void theScriptIsValidJavaScript(@TempDir Path directory) throws Exception {
		Path node = KubectlParityTest.onPath("node");
		if (node == null) {
			Project.skip("node is not installed, so the mongosh script's syntax is not checked (apt-get install nodejs)");
		}
		Path file = directory.resolve("init-replica-set.js");
		Files.writeString(file, script());
		Process process = new ProcessBuilder(node.toString(), "--check", file.toString()).redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("node --check on k8s/base/mongodb/configmap-init.yaml init-replica-set.js:%n%s",
				output)
			.isZero();
	}

}
