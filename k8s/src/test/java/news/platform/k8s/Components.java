package news.platform.k8s;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform's Spring Boot processes as the repository defines them: ports from each module's
 * own application.yml (the contract's table), the RSS measured for sizing the containers, and the
 * overlays that deploy each (identity runs in dev only: prod uses the organisation's provider).
 */
final class Components {

	/**
	 * @param name the Deployment, Service and image name
	 * @param module the Maven module's folder
	 * @param peakRssMiB the highest RSS measured (JDK 17): after start for the config server, under load
	 * for the others, during uploads for media-service, after 150 token, JWKS and sign-in page requests
	 * for identity
	 * @param overlays the overlays that deploy it
	 */
	record Component(String name, String module, int port, int managementPort, int peakRssMiB, Set<String> overlays) {

		boolean in(String overlay) {
			return this.overlays.contains(overlay);
		}

	}

	static final String IDENTITY = "identity";

	static final List<Component> ALL = List.of(component("config-server", "config", 222),
			component("gateway", "gateway", 320), component("article-service", "article-service", 320),
			component("media-service", "media-service", 400), component("comment-service", "comment-service", 320),
			component("site", "site", 400), component("desk", "desk", 400),
			component(IDENTITY, "identity", 251, Set.of("dev")));

	private Components() {
	}

	static Optional<Component> named(String name) {
		return ALL.stream().filter(component -> component.name().equals(name)).findFirst();
	}

	/** The components the overlay deploys, and no other. */
	static List<Component> in(String overlay) {
		return ALL.stream().filter(component -> component.in(overlay)).toList();
	}

	/** The components every overlay deploys. */
	static List<Component> everywhere() {
		return ALL.stream().filter(component -> Overlay.NAMES.stream().allMatch(component::in)).toList();
	}

	private static Component component(String name, String module, int peakRssMiB) {
		return component(name, module, peakRssMiB, Set.copyOf(Overlay.NAMES));
	}

	private static Component component(String name, String module, int peakRssMiB, Set<String> overlays) {
		Path file = Project.ROOT.resolve(module).resolve("src/main/resources/application.yml");
		JsonNode main = Kustomize.readDocuments(file).get(0);
		int port = main.path("server").path("port").asInt(-1);
		int managementPort = main.path("management").path("server").path("port").asInt(-1);
		if (port < 0 || managementPort < 0) {
			throw new ManifestException(file, "server.port / management.server.port", "missing");
		}
		return new Component(name, module, port, managementPort, peakRssMiB, overlays);
	}

	/** The shared configuration the config server serves (config-repo/application.yml), first document. */
	static JsonNode sharedConfiguration() {
		return Kustomize.readDocuments(configRepo("application.yml")).get(0);
	}

	/** A file the config server serves (config/src/main/resources/config-repo/). */
	static Path configRepo(String file) {
		return Project.ROOT.resolve("config/src/main/resources/config-repo").resolve(file);
	}

	/**
	 * The document of a config-repo file that a profile activates (spring.config.activate.on-profile),
	 * or an empty object when the file has none.
	 */
	static JsonNode profileDocument(String file, String profile) {
		return Kustomize.readDocuments(configRepo(file))
			.stream()
			.filter(document -> document.path("spring").path("config").path("activate").path("on-profile").asText()
				.equals(profile))
			.findFirst()
			.orElse(Kustomize.YAML.createObjectNode());
	}

}
