package news.platform.gateway.route;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.cloud.gateway.handler.predicate.AbstractRoutePredicateFactory;
import org.springframework.cloud.gateway.handler.predicate.GatewayPredicate;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * {@code NotPath=/api/**,/internal/**}: matches every path that none of the patterns match (the
 * patterns as {@code Path} reads them). Spring Cloud Gateway has no negation in its route
 * configuration; the site's catch-all route needs one, so that the gateway's own paths and the
 * refused ones are never sent to it.
 */
@Component
public class NotPathRoutePredicateFactory extends AbstractRoutePredicateFactory<NotPathRoutePredicateFactory.Config> {

	private final PathPatternParser parser = new PathPatternParser();

	public NotPathRoutePredicateFactory() {
		super(Config.class);
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("patterns");
	}

	@Override
	public ShortcutType shortcutType() {
		return ShortcutType.GATHER_LIST;
	}

	@Override
	public Predicate<ServerWebExchange> apply(Config config) {
		List<PathPattern> excluded = new ArrayList<>();
		for (String pattern : config.getPatterns()) {
			excluded.add(this.parser.parse(pattern));
		}
		return new GatewayPredicate() {

			@Override
			public boolean test(ServerWebExchange exchange) {
				PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
				for (PathPattern pattern : excluded) {
					if (pattern.matches(path)) {
						return false;
					}
				}
				return true;
			}

			@Override
			public String toString() {
				return "NotPath: " + config.getPatterns();
			}

		};
	}

	public static class Config {

		private List<String> patterns = new ArrayList<>();

		public List<String> getPatterns() {
			return this.patterns;
		}

		public void setPatterns(List<String> patterns) {
			this.patterns = patterns;
		}

	}

}
