package news.platform.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who issues the platform's tokens, per overlay. In dev, identity: on the Ingress host
 * {@code id.<site's host>}, with that public URL as its issuer, every variable its configuration
 * (config-repo identity.yml and the shared application.yml, profile k8s) needs, its secrets from
 * Secrets, and one pod while sign-in sessions live in memory. In prod, no trace of identity: every
 * component trusts the organisation's provider through the Secret platform-identity, and each
 * client of the platform gets its id and secret from its own Secret.
 */
class IdentityWiringTest {

	static final List<String> overlays = Overlay.NAMES;

	static final List<String> identityOverlays = Overlay.NAMES.stream()
		.filter(name -> Components.named(Components.IDENTITY).orElseThrow().in(name))
		.toList();

	/** {@code ${NAME}} or {@code ${NAME:default}} with an environment variable's name. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

	/** identity's variables that hold secrets: never a value in a manifest. */
	private static final Set<String> IDENTITY_SECRETS = Set.of("MONGODB_URI", "IDENTITY_SIGNING_KEYS",
			"IDENTITY_INITIAL_ACCOUNTS");

	/** The trust settings every component reads from the one Secret that names the provider. */
	private static final List<String> TRUST = List.of("JWT_ISSUER", "JWT_JWK_SET_URI", "JWT_AUDIENCE");

	@ParameterizedTest
	@FieldSource("overlays")
	void identityRunsExactlyWhereTheOverlayHasNoOtherProvider(String name) {
		assertThat(placementProblems(Overlay.of(name))).as("overlay %s", name).isEmpty();
	}

	/** identity's objects and Secrets appear in the overlays that deploy it, and in no other. */
	static List<String> placementProblems(Overlay overlay) {
		List<String> problems = new ArrayList<>();
		boolean wanted = Components.named(Components.IDENTITY).orElseThrow().in(overlay.name());
		if (wanted) {
			if (overlay.find(Deployment.class, Components.IDENTITY).isEmpty()) {
				problems.add("Deployment/identity is missing: overlay " + overlay.name() + " runs its own identity");
			}
			return problems;
		}
		String why = ": identity must not be deployed in overlay " + overlay.name()
				+ " (it trusts the organisation's identity provider, k8s/README.md)";
		for (HasMetadata object : overlay.objects()) {
			Map<String, String> labels = Objects.requireNonNullElse(object.getMetadata().getLabels(), Map.of());
			if (object.getMetadata().getName().equals(Components.IDENTITY)
					|| Components.IDENTITY.equals(labels.get("app.kubernetes.io/name"))) {
				problems.add(object.getKind() + "/" + object.getMetadata().getName() + why);
			}
		}
		SecretDocumentationTest.references(overlay)
			.keySet()
			.stream()
			.filter(secret -> secret.startsWith(Components.IDENTITY + "-"))
			.forEach(secret -> problems.add("Secret '" + secret + "' is referenced" + why));
		return problems;
	}

	@ParameterizedTest
	@FieldSource("identityOverlays")
	void identityIssuesTokensUnderThePublicUrlOfItsOwnHost(String name) {
		assertThat(issuerProblems(Overlay.of(name))).as("overlay %s", name).isEmpty();
	}

	/**
	 * The issuer is what browsers and every token say ({@code iss}), so it is the public URL of the
	 * Ingress host that routes to identity, over TLS; redirect URIs are built from the site's.
	 */
	static List<String> issuerProblems(Overlay overlay) {
		List<String> problems = new ArrayList<>();
		Container identity = container(overlay, Components.IDENTITY);
		Optional<String> host = ServiceWiringTest.hostTo(overlay, Components.IDENTITY);
		if (host.isEmpty()) {
			problems.add("Ingress: no rule routes a host to Service identity (browsers sign in there)");
			return problems;
		}
		String issuer = value(identity, "IDENTITY_ISSUER");
		if (!("https://" + host.get()).equals(issuer)) {
			problems.add("Deployment/identity env IDENTITY_ISSUER is '" + issuer + "', must be https://" + host.get()
					+ " (the Ingress host that routes to identity)");
		}
		String site = value(identity, "PUBLIC_SITE_URL");
		String siteUrl = "https://" + ServiceWiringTest.siteHost(overlay);
		if (!siteUrl.equals(site)) {
			problems.add("Deployment/identity env PUBLIC_SITE_URL is '" + site + "', must be " + siteUrl
					+ " (redirect URIs of the site and the desk are built from it)");
		}
		return problems;
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void everyProcessKnowsTheSitesPublicUrl(String name) {
		Overlay overlay = Overlay.of(name);
		String expected = "https://" + ServiceWiringTest.siteHost(overlay);
		List<String> problems = new ArrayList<>();
		configClients(overlay).forEach(deployment -> {
			String actual = value(deployment.getSpec().getTemplate().getSpec().getContainers().get(0), "PUBLIC_SITE_URL");
			if (!expected.equals(actual)) {
				problems.add("Deployment/" + deployment.getMetadata().getName() + " env PUBLIC_SITE_URL is '" + actual
						+ "', must be " + expected + " (platform.public-urls.site: the Ingress host of the site)");
			}
		});
		assertThat(problems).as("overlay %s", name).isEmpty();
	}

	@ParameterizedTest
	@FieldSource("identityOverlays")
	void identityGetsEveryVariableItsConfigurationReadsAndItsSecretsFromSecrets(String name) {
		Container identity = container(Overlay.of(name), Components.IDENTITY);
		List<String> problems = new ArrayList<>();
		Set<String> required = new TreeSet<>(requiredPlaceholders(Components.profileDocument("identity.yml", "k8s")));
		required.addAll(requiredPlaceholders(Components.profileDocument("application.yml", "k8s")));
		required.stream()
			.filter(variable -> variable(identity, variable).isEmpty())
			.forEach(variable -> problems.add("Deployment/identity: env " + variable
					+ " is missing (the k8s profile of config-repo reads it without a default)"));
		Set<String> secrets = new TreeSet<>(IDENTITY_SECRETS);
		secrets.addAll(clientSecretVariables().values());
		for (String variable : secrets) {
			Optional<EnvVar> set = variable(identity, variable);
			if (set.isEmpty()) {
				problems.add("Deployment/identity: env " + variable + " is missing"
						+ (clientSecretVariables().containsValue(variable)
								? " (identity refuses to start without a secret for every client it registers)" : ""));
			}
			else if (secretReference(set.get()) == null) {
				problems.add("Deployment/identity: env " + variable + " must come from a Secret (secretKeyRef), never a value");
			}
		}
		assertThat(problems).as("overlay %s", name).isEmpty();
	}

	@ParameterizedTest
	@FieldSource("identityOverlays")
	void identityRunsOnePodWhileSignInSessionsLiveInMemory(String name) {
		HorizontalPodAutoscaler autoscaler = Overlay.of(name)
			.find(HorizontalPodAutoscaler.class, Components.IDENTITY)
			.orElseThrow();
		assertThat(autoscaler.getSpec().getMaxReplicas())
			.as("overlay %s HorizontalPodAutoscaler/identity spec.maxReplicas: a sign-in's HTTP session is in one "
					+ "pod's memory, so a second pod behind the Ingress breaks sign-ins (k8s/README.md)", name)
			.isEqualTo(1);
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void everyComponentTrustsTheProviderOfTheSecretPlatformIdentity(String name) {
		List<String> problems = new ArrayList<>();
		Set<String> required = requiredPlaceholders(Components.profileDocument("application.yml", "k8s"));
		configClients(Overlay.of(name)).forEach(deployment -> {
			Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
			String id = "Deployment/" + deployment.getMetadata().getName();
			required.stream()
				.filter(variable -> variable(container, variable).isEmpty())
				.forEach(variable -> problems.add(id + ": env " + variable
						+ " is missing (config-repo application.yml, profile k8s, reads it without a default)"));
			for (String variable : TRUST) {
				SecretKeySelector reference = variable(container, variable).map(IdentityWiringTest::secretReference)
					.orElse(null);
				if (reference == null || !reference.getName().equals("platform-identity")
						|| !reference.getKey().equals(variable)) {
					problems.add(id + ": env " + variable + " must come from Secret platform-identity, key " + variable);
				}
			}
		});
		assertThat(problems).as("overlay %s", name).isEmpty();
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void everyClientOfThePlatformGetsItsIdAndSecretFromItsOwnSecret(String name) {
		assertThat(clientProblems(Overlay.of(name))).as("overlay %s", name).isEmpty();
	}

	/**
	 * Each component deployed here that identity registers as a client of the client-credentials
	 * grant (a service, or a browser application that also follows a feed) gets the token endpoint
	 * from platform-identity and its client id and secret from {@code <component>-secrets}, in every
	 * overlay (prod: the organisation's provider). And nothing else asks for tokens: a component that
	 * does must be registered with identity, or dev refuses its client.
	 */
	static List<String> clientProblems(Overlay overlay) {
		List<String> problems = new ArrayList<>();
		Set<String> clients = serviceClients();
		for (Deployment deployment : overlay.all(Deployment.class).toList()) {
			String component = deployment.getMetadata().getName();
			Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
			String id = "Deployment/" + component;
			boolean asks = variable(container, "SERVICE_TOKEN_URI").isPresent();
			if (!clients.contains(component)) {
				if (asks) {
					problems.add(id + ": gets service tokens but is no client in config-repo identity.yml "
							+ "(platform.identity.clients): register it there");
				}
				continue;
			}
			Map<String, String[]> expected = new LinkedHashMap<>();
			expected.put("SERVICE_TOKEN_URI", new String[] { "platform-identity", "OAUTH2_TOKEN_URI" });
			expected.put("SERVICE_CLIENT_ID", new String[] { component + "-secrets", "OAUTH2_CLIENT_ID" });
			expected.put("SERVICE_CLIENT_SECRET", new String[] { component + "-secrets", "OAUTH2_CLIENT_SECRET" });
			expected.forEach((variable, secret) -> {
				SecretKeySelector reference = variable(container, variable).map(IdentityWiringTest::secretReference)
					.orElse(null);
				if (reference == null || !reference.getName().equals(secret[0]) || !reference.getKey().equals(secret[1])) {
					problems.add(id + ": env " + variable + " must come from Secret " + secret[0] + ", key " + secret[1]
							+ " (it is a client of the identity provider)");
				}
			});
		}
		return problems;
	}

	/** Deployments that read the config server's files (all but the config server itself). */
	private static List<Deployment> configClients(Overlay overlay) {
		return overlay.all(Deployment.class)
			.filter(deployment -> !deployment.getMetadata().getName().equals("config-server"))
			.toList();
	}

	/** Client id → the variable identity reads its secret from (config-repo identity.yml). */
	static Map<String, String> clientSecretVariables() {
		Map<String, String> variables = new LinkedHashMap<>();
		clients().forEach((id, client) -> {
			Matcher placeholder = PLACEHOLDER.matcher(client.path("secret").asText());
			if (placeholder.find()) {
				variables.put(id, placeholder.group(1));
			}
		});
		return variables;
	}

	/** The clients identity registers that may use the client-credentials grant. */
	static Set<String> serviceClients() {
		Set<String> ids = new TreeSet<>();
		clients().forEach((id, client) -> {
			if (client.path("kind").asText().equals("service") || client.path("also-service").asBoolean(false)) {
				ids.add(id);
			}
		});
		return ids;
	}

	private static Map<String, JsonNode> clients() {
		JsonNode clients = Kustomize.readDocuments(Components.configRepo("identity.yml"))
			.get(0)
			.path("platform")
			.path("identity")
			.path("clients");
		Map<String, JsonNode> byId = new LinkedHashMap<>();
		clients.properties().forEach(entry -> byId.put(entry.getKey(), entry.getValue()));
		if (byId.isEmpty()) {
			throw new ManifestException(Components.configRepo("identity.yml"), "platform.identity.clients", "none found");
		}
		return byId;
	}

	/** Environment variables a configuration document reads without a default ({@code ${NAME}}). */
	static Set<String> requiredPlaceholders(JsonNode document) {
		Set<String> names = new TreeSet<>();
		collect(document, names);
		return names;
	}

	private static void collect(JsonNode node, Set<String> names) {
		if (node.isTextual()) {
			Matcher placeholder = PLACEHOLDER.matcher(node.asText());
			while (placeholder.find()) {
				if (placeholder.group(2) == null) {
					names.add(placeholder.group(1));
				}
			}
		}
		node.forEach(child -> collect(child, names));
	}

	private static Container container(Overlay overlay, String deployment) {
		return overlay.find(Deployment.class, deployment)
			.orElseThrow(() -> new AssertionError("overlay " + overlay.name() + ": no Deployment/" + deployment))
			.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0);
	}

	/** The last definition wins, as in a container. */
	private static Optional<EnvVar> variable(Container container, String name) {
		return container.getEnv().stream().filter(variable -> variable.getName().equals(name)).reduce((first, second) -> second);
	}

	private static String value(Container container, String name) {
		return variable(container, name).map(EnvVar::getValue).orElse(null);
	}

	private static SecretKeySelector secretReference(EnvVar variable) {
		return variable.getValueFrom() == null ? null : variable.getValueFrom().getSecretKeyRef();
	}

}
