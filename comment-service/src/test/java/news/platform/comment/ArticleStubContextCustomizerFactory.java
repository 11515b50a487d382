package news.platform.comment;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every comment-service test context at the one {@link ArticleServiceStub} and gives it
 * the {@link TestClock}. The same
 * customizer for every class keeps the one shared Spring context.
 */
class ArticleStubContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new ArticleStub();
	}

	private record ArticleStub() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("articleServiceStub",
						Map.of("platform.upstreams.article-service", ArticleServiceStub.get().url())));
			// the rules' clock, which tests move on to pass the edit window or a suspension; registered
			// before the context refreshes, so the shared auto-configuration's clock (conditional on
			// no Clock bean) steps aside, and the feed follower reads this one too
			context.getBeanFactory().registerSingleton("clock", TestClock.INSTANCE);
		}

	}

}
