package news.platform.gateway;

import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which parts of the shared auto-configuration ({@code platform-autoconfigure}) run in the gateway:
 * the reactive token checks, the {@link Clock} and the service-call helpers (which stay without a
 * token source here), and nothing servlet-only. A new platform part that switches on in a reactive
 * application fails this test until it is meant to.
 */
class PlatformPartsTest extends GatewayTest {

	private static final String PLATFORM = "news.platform.autoconfigure.";

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	void onlyTheReactiveAndStackNeutralPartsOfThePlatformRun() {
		Set<String> active = new TreeSet<>();
		for (String candidate : ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())) {
			if (candidate.startsWith(PLATFORM) && this.context.containsBeanDefinition(candidate)) {
				active.add(candidate.substring(PLATFORM.length()));
			}
		}
		// off: problem.ProblemDetailsAutoConfiguration, security.ServiceSecurityAutoConfiguration and
		// web.PlatformWebAutoConfiguration (servlet only), mongodb.* and feed.* (no MongoDB driver)
		assertThat(active).containsExactly("client.ServiceTokensAutoConfiguration", "core.PlatformAutoConfiguration",
				"security.ReactiveResourceServerAutoConfiguration");
	}

	@Test
	void tokensAreCheckedByBootsDecoderWithThePlatformsValidatorsAndEntryPoint() {
		String[] decoders = this.context.getBeanNamesForType(ReactiveJwtDecoder.class);
		assertThat(decoders).hasSize(1);
		assertThat(this.context.getBeanFactory().getBeanDefinition(decoders[0]).getFactoryBeanName())
			.startsWith("org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.");
		assertThat(this.context
			.getBeanNamesForType(ResolvableType.forClassWithGenerics(OAuth2TokenValidator.class, Jwt.class)))
			.containsExactlyInAnyOrder("platformIssuerValidator", "platformLifetimeValidator");
		assertThat(this.context.getBean(ServerAuthenticationEntryPoint.class).getClass().getName()).startsWith(PLATFORM);
		assertThat(this.context.getBeansOfType(Clock.class)).hasSize(1);
	}

}
