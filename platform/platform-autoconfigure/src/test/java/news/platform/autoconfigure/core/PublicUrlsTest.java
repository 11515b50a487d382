package news.platform.autoconfigure.core;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class PublicUrlsTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlatformAutoConfiguration.class));

	@Test
	void everyPublicUrlComesFromTheOneSetting() {
		this.runner.withPropertyValues("platform.public-urls.site=https://www.example.hr/").run(context -> {
			PublicUrls urls = context.getBean(PublicUrls.class);
			assertThat(urls.article("vijesti/hrvatska", "novi-most")).hasToString("https://www.example.hr/vijesti/hrvatska/novi-most");
			assertThat(urls.section("svijet")).hasToString("https://www.example.hr/svijet");
			assertThat(urls.tag("zagreb")).hasToString("https://www.example.hr/tag/zagreb");
			assertThat(urls.author("ivan-horvat")).hasToString("https://www.example.hr/autor/ivan-horvat");
			assertThat(urls.search("čačak most")).hasToString("https://www.example.hr/trazi?q=%C4%8Da%C4%8Dak+most");
			assertThat(urls.api("/media/m1")).hasToString("https://www.example.hr/api/v1/media/m1");
			assertThat(urls.siteOrigin()).isEqualTo("https://www.example.hr");
		});
	}

	@Test
	void patternsAndTheApiBaseCanBeConfigured() {
		this.runner
			.withPropertyValues("platform.public-urls.site=https://www.example.hr",
					"platform.public-urls.api=https://api.example.hr/v1", "platform.public-urls.paths.article=/clanak/{slug}")
			.run(context -> {
				PublicUrls urls = context.getBean(PublicUrls.class);
				assertThat(urls.article("svijet", "alep")).isEqualTo(URI.create("https://www.example.hr/clanak/alep"));
				assertThat(urls.api("/articles")).hasToString("https://api.example.hr/v1/articles");
			});
	}

	@Test
	void theSitesOwnPathsAreReservedForSections() {
		assertThat(PublicUrls.RESERVED_SEGMENTS).contains("api", "desk", "assets", "tag", "autor", "trazi", "rss",
				"robots.txt", "sitemap.xml");
	}

}
