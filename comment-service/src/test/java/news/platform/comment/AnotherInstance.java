package news.platform.comment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import news.platform.testsupport.TestIssuer;
import news.platform.testsupport.TestMongo;
import news.platform.testsupport.TestTokens;

/**
 * One more comment-service process in the test JVM, as a second replica: the same test MongoDB and
 * database, the same article-service stub and token issuer, its own random ports and the shared
 * configuration files from {@code sharedConfig} (the working tree's config repository, or a copy a
 * test edits).
 * <p>
 * {@link #start} reads them the way every {@code @ServiceIntegrationTest} does (the test
 * library's post-processor, once). {@link #startImporting} imports them as config data
 * ({@code spring.config.import=file:…}), as the service imports the config server's: a
 * {@code POST /actuator/refresh} then reads the files again, as it would ask the config server
 * again.
 */
public final class AnotherInstance implements AutoCloseable {

	public static final Path SHARED_CONFIG = Path.of("../config/src/main/resources/config-repo");

	private final ConfigurableApplicationContext context;

	private AnotherInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static AnotherInstance start(Path sharedConfig, Map<String, String> extra) {
		Map<String, String> properties = new java.util.LinkedHashMap<>();
		properties.put("platform.test.shared-config-directory", sharedConfig.toString());
		properties.putAll(extra);
		return run(properties);
	}

	/** With the shared files imported as config data, so that a configuration refresh reads them again. */
	public static AnotherInstance startImporting(Path sharedConfig, Map<String, String> extra) {
		Map<String, String> properties = new java.util.LinkedHashMap<>();
		// later imports take precedence, as the service's own file over the shared one
		properties.put("spring.config.import", "file:" + sharedConfig.resolve("application.yml").toAbsolutePath() + ",file:"
				+ sharedConfig.resolve("comment-service.yml").toAbsolutePath());
		properties.putAll(extra);
		return run(properties);
	}

	private static AnotherInstance run(Map<String, String> given) {
		Map<String, String> properties = new java.util.LinkedHashMap<>();
		properties.put("spring.cloud.config.enabled", "false");
		properties.put("spring.profiles.active", "test");
		properties.put("server.port", "0");
		properties.put("management.server.port", "0");
		properties.put("spring.mongodb.uri", TestMongo.connectionString());
		properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestIssuer.get().jwkSetUri());
		properties.put("spring.security.oauth2.resourceserver.jwt.audiences", TestTokens.AUDIENCE);
		properties.put("platform.security.issuer", TestTokens.ISSUER);
		properties.put("platform.service-tokens.token-uri", TestIssuer.get().tokenUri());
		properties.put("platform.service-tokens.client-id", "comment-service");
		properties.put("platform.service-tokens.client-secret", TestIssuer.CLIENT_SECRET);
		properties.put("platform.upstreams.article-service", ArticleServiceStub.get().url());
		properties.putAll(given);
		List<String> args = new ArrayList<>();
		properties.forEach((key, value) -> args.add("--" + key + "=" + value));
		SpringApplication application = new SpringApplication(CommentServiceApplication.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		return new AnotherInstance(application.run(args.toArray(String[]::new)));
	}

	public int port() {
		return Integer.parseInt(this.context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	public int managementPort() {
		return Integer.parseInt(this.context.getEnvironment().getRequiredProperty("local.management.port"));
	}

	public CommentApi api() {
		return new CommentApi(port());
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
