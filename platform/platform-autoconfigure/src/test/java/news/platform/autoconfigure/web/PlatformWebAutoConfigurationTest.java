package news.platform.autoconfigure.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformWebAutoConfigurationTest {

	@Test
	void everyServletServiceGetsTheBodyLimitFirstInItsFilterChain() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(PlatformWebAutoConfiguration.class))
			.withPropertyValues("platform.web.max-body-size=2MB")
			.run(context -> {
				FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
				assertThat(registration.getFilter()).isInstanceOf(RequestBodyLimitFilter.class);
				assertThat(registration.getOrder()).isEqualTo(RequestBodyLimitFilter.ORDER);
				assertThat(context.getBean(PlatformWebProperties.class).maxBodySize().toMegabytes()).isEqualTo(2);
			});
	}

	@Test
	void aReactiveProcessHasItsOwnLimits() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PlatformWebAutoConfiguration.class))
			.run(context -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
	}

}
