package news.platform.k8s;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform's Spring Boot processes as the repository defines them: ports from each module's
 * own application.yml (the contract's table), and the RSS measured for sizing the containers.
 */
final class Components {

	/**
	 * @param name the Deployment, Service and image name
	 * @param module the Maven module's folder
	 * @param peakRssMiB the highest RSS measured (JDK 17): after start for the config server, under load
	 * for the others, during uploads for media-service
	 */
	record Component(String name, String module, int port, int managementPort, int peakRssMiB) {
	}

	static final List<Component> ALL = List.of(component("config-server", "config", 222),
			component("gateway", "gateway", 320), component("article-service", "article-service", 320),
			component("media-service", "media-service", 400), component("comment-service", "comment-service", 320));

	private Components() {
	}

	static Optional<Component> named(String name) {
		return ALL.stream().filter(component -> component.name().equals(name)).findFirst();
	}

	private static Component component(String name, String module, int peakRssMiB) {
		Path file = Project.ROOT.resolve(module).resolve("src/main/resources/application.yml");
		JsonNode main = Kustomize.readDocuments(file).get(0);
		int port = main.path("server").path("port").asInt(-1);
		int managementPort = main.path("management").path("server").path("port").asInt(-1);
		if (port < 0 || managementPort < 0) {
			throw new ManifestException(file, "server.port / management.server.port", "missing");
		}
		return new Component(name, module, port, managementPort, peakRssMiB);
	}

	/** The shared configuration the config server serves (config-repo/application.yml), first document. */
	static JsonNode sharedConfiguration() {
		return Kustomize.readDocuments(Project.ROOT.resolve("config/src/main/resources/config-repo/application.yml"))
			.get(0);
	}

}
