package news.platform.gateway;

import org.junit.jupiter.api.Test;

import news.platform.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site's route, against a stub site: every path that is not the API's, the desk's, the
 * gateway's own or refused reaches the site unchanged (query included); the site's own security
 * headers pass through; its pages are never kept in the gateway's response cache.
 */
class SiteRoutingTest extends GatewayTest {

	@Test
	void everyPathThatIsNotTheApisOrTheGatewaysOwnReachesTheSiteUnchanged() {
		String section = unique("/vijesti");
		for (String path : new String[] { section, section + "/neki-clanak?starije=MTc2NA&utm_source=x",
				"/trazi?q=" + unique("alep"), unique("/tag"), unique("/rss/vijesti"), "/robots.txt",
				"/assets/" + unique("site") + ".css" }) {
			Http.Response response = Client.get(gateway(path));
			assertThat(response.status()).as(path).isEqualTo(200);
			assertThat(site.requests(path)).as(path).singleElement();
		}
		String home = "/?" + unique("cachebuster");
		assertThat(Client.get(gateway(home)).status()).isEqualTo(200);
		assertThat(site.requests(home.substring(1))).singleElement();
	}

	@Test
	void theGatewaysOwnAndRefusedPathsNeverReachTheSite() {
		String marker = unique("never");
		for (String path : new String[] { "/internal/v1/articles/events/" + marker, "/actuator/health/" + marker,
				"/api/v1/unknown/" + marker, "/api/" + marker, "/desk/" + marker, "/v3/api-docs/" + marker,
				"/webjars/" + marker, "/swagger-ui/" + marker }) {
			Client.get(gateway(path));
		}
		assertThat(Client.get(gateway("/internal/v1/x")).status()).isEqualTo(404);
		assertThat(Client.get(gateway("/actuator/prometheus")).status()).isEqualTo(404);
		assertThat(site.requests(marker)).isEmpty();
		assertThat(site.requests("/internal/")).isEmpty();
		assertThat(site.requests("/actuator/")).isEmpty();
		assertThat(site.requests("/swagger-ui.html")).isEmpty();
	}

	@Test
	void sectionsAreArticleServicesApiNotASitePage() {
		String marker = unique("sections").substring(9);
		assertThat(Client.get(gateway("/api/v1/sections?m=" + marker)).status()).isEqualTo(200);
		assertThat(Client.get(gateway("/api/v1/sections/vijesti?m=" + marker)).status()).isEqualTo(200);
		assertThat(upstream.requests(marker)).hasSize(2);
		assertThat(site.requests(marker)).isEmpty();
	}

	@Test
	void theDeskPathsReachTheDeskWithItsOwnHeadersAndAreNeverCached() {
		String marker = unique("desk").substring(5);
		for (String path : new String[] { "/desk/popis/" + marker, "/desk?oznaka=" + marker }) {
			assertThat(Client.get(gateway(path)).status()).as(path).isEqualTo(200);
		}
		assertThat(desk.requests(marker)).hasSize(2);
		assertThat(site.requests(marker)).isEmpty();
		String page = unique("/desk/own-headers");
		Http.Response first = Client.get(gateway(page));
		assertThat(first.header("Content-Security-Policy")).isEqualTo(StubUpstream.OWN_POLICY);
		Client.get(gateway(page));
		assertThat(desk.requests(page)).as("a desk page is someone's own: never served from the gateway's cache")
			.hasSize(2);
	}

	@Test
	void theSitesOwnSecurityHeadersPassThrough() {
		Http.Response page = Client.get(gateway(unique("/own-headers")));
		assertThat(page.header("Content-Security-Policy")).isEqualTo(StubUpstream.OWN_POLICY);
		assertThat(page.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
		assertThat(page.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
		// a site answer without them gets the gateway's strict ones, as the API does
		Http.Response bare = Client.get(gateway(unique("/bare")));
		assertThat(bare.header("Content-Security-Policy")).contains("default-src 'none'");
		assertThat(bare.header("X-Frame-Options")).isEqualTo("DENY");
		// the API keeps the strict policy whatever a service sends
		Http.Response api = Client.get(gateway(unique("/api/v1/articles/own-headers")));
		assertThat(api.header("Content-Security-Policy")).startsWith("default-src 'none'; frame-ancestors 'none'");
		assertThat(api.header("X-Frame-Options")).isEqualTo("DENY");
	}

	@Test
	void sitePagesAreNeverKeptInTheGatewaysCache() {
		String path = unique("/public");
		Http.Response first = Client.get(gateway(path));
		Http.Response second = Client.get(gateway(path));
		assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=60, stale-if-error=300");
		assertThat(second.header("X-Cache")).isNull();
		assertThat(second.json().path("count").asInt()).isEqualTo(2);
		assertThat(site.requests(path)).hasSize(2);
	}

	@Test
	void aForgedForwardedHostNeverReachesTheSite() {
		String path = unique("/forwarded");
		Client.get(gateway(path), "X-Forwarded-Host", "evil.example", "Forwarded", "host=evil.example");
		StubUpstream.Recorded received = site.requests(path).get(0);
		assertThat(String.valueOf(received.headers().get("X-Forwarded-Host"))).doesNotContain("evil.example");
		assertThat(received.headers().keySet()).noneMatch(name -> name.equalsIgnoreCase("forwarded"));
	}

}
