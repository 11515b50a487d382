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
 * user, database and authSource, and every variable the script reads is set on the Job.
 */
class MongoDbInitTest {

	private static final Pattern USER = Pattern
		.compile("\\{ user: '([^']+)', db: '([^']+)', password: process\\.env\\.([A-Z_]+) }");

	private static final Pattern ENV = Pattern.compile("process\\.env\\.([A-Z_]+)");

	private static final Pattern URI = Pattern.compile("mongodb://([^:]+):[^@]+@[^/]+/([^?]+)\\?.*authSource=([^&]+)");

	private static String script() {
		ConfigMap configMap = Overlay.of("prod").find(ConfigMap.class, "mongodb-init").orElseThrow();
		return configMap.getData().get("init-replica-set.js");
	}

	@Test
	void eachServiceHasItsOwnUserAndDatabaseMatchingItsUri() {
		Map<String, String> usersToDatabases = new TreeMap<>();
		Matcher user = USER.matcher(script());
		while (user.find()) {
			usersToDatabases.put(user.group(1), user.group(2));
		}
		assertThat(script()).contains("roles = [{ role: 'readWrite', db: service.db }]");

		Map<String, String> fromUris = new TreeMap<>();
		Overlay.of("prod").all(Deployment.class).forEach(deployment -> {
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
			assertThat(parts.group(1)).as("%s: the user in MONGODB_URI", Project.relative(example)).isEqualTo(service);
			assertThat(parts.group(3)).as("%s: authSource is the service's database", Project.relative(example))
				.isEqualTo(parts.group(2));
			fromUris.put(parts.group(1), parts.group(2));
		});
		assertThat(usersToDatabases).as("users created by k8s/base/mongodb/configmap-init.yaml").isEqualTo(fromUris);
		assertThat(fromUris).containsEntry("article-service", "articles")
			.containsEntry("media-service", "media")
			.containsEntry("comment-service", "comments");
	}

	@Test
	void everyVariableTheScriptReadsIsSetOnTheJob() {
		Set<String> read = new TreeSet<>();
		Matcher variable = ENV.matcher(script());
		while (variable.find()) {
			read.add(variable.group(1));
		}
		Job job = Overlay.of("prod").find(Job.class, "mongodb-init").orElseThrow();
		Set<String> set = job.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0)
			.getEnv()
			.stream()
			.map(EnvVar::getName)
			.collect(Collectors.toSet());
		assertThat(set).as("env of Job/mongodb-init").containsAll(read);
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
