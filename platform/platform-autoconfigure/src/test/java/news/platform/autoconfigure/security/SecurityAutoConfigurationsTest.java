package news.platform.autoconfigure.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityAutoConfigurationsTest {

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServiceSecurityAutoConfiguration.class,
				SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withBean(JwtDecoder.class, () -> token -> {
			throw new IllegalStateException("not used");
		});

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveResourceServerAutoConfiguration.class));

	@Test
	void aServletServiceGetsThePlatformsTokenRulesAndADefaultChain() {
		this.servlet.withPropertyValues("platform.security.issuer=https://id.example", "platform.security.clock-skew=5s")
			.run(context -> {
				assertThat(context).hasSingleBean(ServiceSecurity.class)
					.hasSingleBean(JwtAuthenticationConverter.class)
					.hasSingleBean(ProblemSecurityHandlers.class)
					.hasSingleBean(SecurityFilterChain.class);
				assertThat(validators(context.getBeansOfType(OAuth2TokenValidator.class).values()))
					.hasAtLeastOneElementOfType(JwtIssuerValidator.class)
					.hasAtLeastOneElementOfType(JwtTimestampValidator.class);
			});
	}

	@Test
	void aServiceWithoutAnIssuerDoesNotStart() {
		this.servlet.run(context -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("platform.security.issuer is not set"));
	}

	@Test
	void aWebApplicationThatSignsPeopleInSwitchesTheResourceServerOff() {
		this.servlet.withPropertyValues("platform.security.resource-server.enabled=false")
			.run(context -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ServiceSecurity.class)
				.doesNotHaveBean(ProblemSecurityHandlers.class));
	}

	@Test
	void aReactiveProcessGetsTheSameValidatorsAndAProblemEntryPoint() {
		this.reactive.withPropertyValues("platform.security.issuer=https://id.example").run(context -> {
			assertThat(context).hasSingleBean(ServerAuthenticationEntryPoint.class).doesNotHaveBean(ServiceSecurity.class);
			assertThat(validators(context.getBeansOfType(OAuth2TokenValidator.class).values()))
				.hasAtLeastOneElementOfType(JwtIssuerValidator.class)
				.hasAtLeastOneElementOfType(JwtTimestampValidator.class);
		});
		this.reactive.withPropertyValues("platform.security.resource-server.enabled=false")
			.run(context -> assertThat(context).doesNotHaveBean(ServerAuthenticationEntryPoint.class));
	}

	@Test
	void theServletPartStaysOffInAReactiveProcessAndTheReactivePartInAServletOne() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ServiceSecurityAutoConfiguration.class))
			.run(context -> assertThat(context).doesNotHaveBean(ServiceSecurity.class));
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ReactiveResourceServerAutoConfiguration.class))
			.run(context -> assertThat(context).doesNotHaveBean(ServerAuthenticationEntryPoint.class));
	}

	@SuppressWarnings("unchecked")
	private static List<OAuth2TokenValidator<Jwt>> validators(java.util.Collection<OAuth2TokenValidator> beans) {
		return beans.stream().map(bean -> (OAuth2TokenValidator<Jwt>) bean).toList();
	}

}
