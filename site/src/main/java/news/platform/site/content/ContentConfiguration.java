package news.platform.site.content;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import news.platform.autoconfigure.client.TraceHeaders;
import news.platform.site.SiteProperties;

/** The services the site reads, each behind its own breaker (named after the service). */
@Configuration(proxyBeanMethods = false)
class ContentConfiguration {

	@Bean(destroyMethod = "shutdownNow")
	ExecutorService upstreamCalls() {
		AtomicInteger count = new AtomicInteger();
		// parallel calls of one page (its pictures, the lists of the home page); a full pool runs the
		// call in the asking thread rather than refusing it
		ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 64, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				runnable -> {
					Thread thread = new Thread(runnable, "site-upstream-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.CallerRunsPolicy());
		return pool;
	}

	@Bean
	HttpClient upstreamHttpClient(SiteProperties properties) {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.upstreams().connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Bean
	ArticleApi articleApi(Environment environment, HttpClient http, SiteProperties properties,
			CircuitBreakerFactory<?, ?> breakers, ObjectProvider<TraceHeaders> traces) {
		return new ArticleApi(upstream("article-service", environment, http, properties, breakers, traces));
	}

	@Bean
	MediaApi mediaApi(Environment environment, HttpClient http, SiteProperties properties,
			CircuitBreakerFactory<?, ?> breakers, ObjectProvider<TraceHeaders> traces, ExecutorService upstreamCalls,
			Clock clock) {
		return new MediaApi(upstream("media-service", environment, http, properties, breakers, traces), upstreamCalls,
				properties.upstreams().mediaBatch(), properties.upstreams().mediaBatchRetry(), clock);
	}

	@Bean
	CommentApi commentApi(Environment environment, HttpClient http, SiteProperties properties,
			CircuitBreakerFactory<?, ?> breakers, ObjectProvider<TraceHeaders> traces) {
		return new CommentApi(upstream("comment-service", environment, http, properties, breakers, traces));
	}

	@Bean
	Sections sections(ArticleApi articles, SiteProperties properties) {
		return new Sections(articles, properties);
	}

	private static Upstream upstream(String service, Environment environment, HttpClient http,
			SiteProperties properties, CircuitBreakerFactory<?, ?> breakers, ObjectProvider<TraceHeaders> traces) {
		TraceHeaders trace = traces.getIfAvailable(TraceHeaders::none);
		return new Upstream(service, environment.getProperty("platform.upstreams." + service), http,
				properties.upstreams().timeout(), breakers.create(service), trace::current);
	}

}
