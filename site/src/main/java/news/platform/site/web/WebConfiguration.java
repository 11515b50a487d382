package news.platform.site.web;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;

import gg.jte.TemplateEngine;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import news.platform.autoconfigure.core.PublicUrls;
import news.platform.site.SiteProperties;
import news.platform.site.assets.Assets;
import news.platform.site.content.ArticleApi;
import news.platform.site.content.CommentApi;
import news.platform.site.content.MediaApi;
import news.platform.site.content.Sections;
import news.platform.site.page.PageFactory;
import news.platform.site.render.PageCache;
import news.platform.site.render.PageFastPath;
import news.platform.site.render.PageServer;
import news.platform.site.render.PageWriter;
import news.platform.site.render.SecurityHeaders;
import news.platform.site.render.Templates;
import news.platform.site.render.Withdrawn;

/** The site's pieces, wired: the cache and its writer, the fast path, the page makers. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	Withdrawn withdrawn() {
		return new Withdrawn();
	}

	@Bean
	PageCache pageCache(SiteProperties properties, Withdrawn withdrawn, MeterRegistry meters) {
		return new PageCache(properties.cache().maxSize().toBytes(), properties.cache().keepForErrors().toNanos(),
				properties.cache().settle().toNanos(), withdrawn, meters);
	}

	/**
	 * Pictures come from the public API's origin (and the site's, should the API live elsewhere); the
	 * sign-out form's redirect goes on to the issuer (browsers apply form-action to it).
	 */
	@Bean
	SecurityHeaders securityHeaders(PublicUrls urls, @Value("${platform.security.issuer}") String issuer) {
		Set<String> origins = new LinkedHashSet<>();
		origins.add(urls.siteOrigin());
		URI api = urls.api("/");
		origins.add(api.getScheme() + "://" + api.getRawAuthority());
		URI identity = URI.create(issuer);
		return new SecurityHeaders(String.join(" ", origins), identity.getScheme() + "://" + identity.getRawAuthority());
	}

	@Bean
	PageWriter pageWriter(SecurityHeaders security) {
		return new PageWriter(security);
	}

	@Bean
	PageServer pageServer(PageCache cache, PageWriter writer, ExecutorService upstreamCalls, MeterRegistry meters) {
		return new PageServer(cache, writer, upstreamCalls, meters);
	}

	@Bean
	Templates templates(TemplateEngine engine) {
		return new Templates(engine);
	}

	@Bean
	PageFactory pageFactory(MessageSource messages, SiteProperties properties, Sections sections, PublicUrls urls,
			Assets assets, @Value("${platform.security.issuer}") String issuer,
			@Value("${site.readers.sign-up-path:/signup}") String signUpPath) {
		return new PageFactory(messages, properties, sections, urls, assets, issuer + signUpPath);
	}

	@Bean
	SiteRoutes siteRoutes(PublicUrls urls, Sections sections) {
		return new SiteRoutes(urls.paths(), sections);
	}

	@Bean
	Renderings renderings(ArticleApi articles, MediaApi media, CommentApi comments, Sections sections,
			Withdrawn withdrawn, PageFactory factory, Templates templates, SecurityHeaders security, PublicUrls urls,
			SiteProperties properties, ExecutorService upstreamCalls, Clock clock) {
		return new Renderings(articles, media, comments, sections, withdrawn, factory, templates, security, urls,
				properties, upstreamCalls, clock);
	}

	@Bean
	FeedRenderings feedRenderings(ArticleApi articles, Sections sections, Withdrawn withdrawn, PageFactory factory,
			SiteProperties properties, Clock clock) {
		return new FeedRenderings(articles, sections, withdrawn, factory, properties, clock);
	}

	/** Security headers on every answer, including those the container makes (errors, assets). */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter(SecurityHeaders security) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, java.io.IOException {
						security.apply(response, null);
						chain.doFilter(request, response);
					}

				});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	/** First of all filters: it records its own answers in {@code http.server.requests}. */
	@Bean
	FilterRegistrationBean<PageFastPath> pageFastPath(PageCache cache, PageWriter writer, PublicUrls urls,
			MeterRegistry meters) {
		FilterRegistrationBean<PageFastPath> registration = new FilterRegistrationBean<>(
				new PageFastPath(cache, writer, urls.paths().search(), meters));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
