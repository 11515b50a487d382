package news.platform.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points a {@link ServiceIntegrationTest} context at the shared test MongoDB and the test token
 * issuer ({@link TestIssuer}: its JWKS and its client-credentials endpoint). Values that exist only at run time (a port, a temp file) cannot sit in the annotation.
 */
class PlatformTestContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, ServiceIntegrationTest.class)
				? new PlatformTestContextCustomizer() : null;
	}

	private record PlatformTestContextCustomizer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			// a span exporter bean joins the service's own exporters (none in tests)
			context.getBeanFactory().registerSingleton("testSpanExporter", TestSpans.EXPORTER);
			context.addApplicationListener(new PrometheusScrapeFile());
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("platformTestInfrastructure", Map.of(
						"spring.mongodb.uri", TestMongo.connectionString(),
						// tokens are checked against the test issuer's JWKS, as against identity's in a run
						"spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestIssuer.get().jwkSetUri(),
						"spring.security.oauth2.resourceserver.jwt.audiences", TestTokens.AUDIENCE,
						"platform.security.issuer", TestTokens.ISSUER,
						// services calling services get their service tokens by client credentials
						"platform.service-tokens.token-uri", TestIssuer.get().tokenUri(),
						"platform.service-tokens.client-id", "${spring.application.name}",
						"platform.service-tokens.client-secret", TestIssuer.CLIENT_SECRET,
						// finished spans reach TestSpans at once rather than in 5 s batches
						"management.opentelemetry.tracing.export.schedule-delay", "50ms")));
		}

	}

}
