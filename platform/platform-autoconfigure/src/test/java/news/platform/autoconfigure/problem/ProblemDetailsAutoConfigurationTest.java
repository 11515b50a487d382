package news.platform.autoconfigure.problem;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsAutoConfigurationTest {

	private static final AutoConfigurations CONFIG = AutoConfigurations.of(ProblemDetailsAutoConfiguration.class);

	@Test
	void aServletServiceAnswersProblemsFromTheSharedAdviceAndErrorController() {
		new WebApplicationContextRunner().withConfiguration(CONFIG).run(context -> {
			assertThat(context).hasSingleBean(ProblemDetailsAdvice.class);
			assertThat(context).hasSingleBean(ProblemErrorController.class);
		});
	}

	@Test
	void aWebApplicationThatRendersPagesSwitchesThemOff() {
		new WebApplicationContextRunner().withConfiguration(CONFIG)
			.withPropertyValues("platform.problems.enabled=false")
			.run(context -> assertThat(context).doesNotHaveBean(ProblemDetailsAdvice.class)
				.doesNotHaveBean(ProblemErrorController.class));
	}

	@Test
	void aWebApplicationWithErrorPagesOfItsOwnKeepsThemAndItsRestControllersStillAnswerProblems() {
		new WebApplicationContextRunner().withConfiguration(CONFIG)
			.withBean("errorPages", org.springframework.boot.webmvc.error.ErrorController.class,
					() -> new org.springframework.boot.webmvc.error.ErrorController() {
					})
			.run(context -> assertThat(context).hasSingleBean(ProblemDetailsAdvice.class)
				.doesNotHaveBean(ProblemErrorController.class));
	}

	@Test
	void reactiveAndNonWebProcessesGetNeither() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIG)
			.run(context -> assertThat(context).doesNotHaveBean(ProblemDetailsAdvice.class));
		new ApplicationContextRunner().withConfiguration(CONFIG)
			.run(context -> assertThat(context).doesNotHaveBean(ProblemDetailsAdvice.class));
	}

}
