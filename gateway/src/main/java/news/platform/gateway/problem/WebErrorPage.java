package news.platform.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;

import news.platform.autoconfigure.observability.ExchangeTraceIds;
import news.platform.gateway.RouteMetadata;

/**
 * The gateway's own refusals (429, 503, 504, 413) on a web application's route, as a page: the
 * site's readers and the desk's staff are people in a browser, for whom a problem+json document is
 * a wall of braces. Croatian first, English below, no script and no style (the gateway's strict
 * policy applies to its own answers), never cached. A client on those routes that asks for JSON
 * (an app, htmx asking for it) still gets the problem.
 */
final class WebErrorPage {

	private WebErrorPage() {
	}

	static boolean wanted(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (!RouteMetadata.flag(route, RouteMetadata.WEB_APPLICATION, false)) {
			return false;
		}
		List<MediaType> accepted = exchange.getRequest().getHeaders().getAccept();
		for (MediaType type : accepted) {
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()
					|| type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON) && !type.isWildcardType()) {
				return false;
			}
		}
		return true;
	}

	static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		ServerHttpResponse response = exchange.getResponse();
		HttpStatus status = HttpStatus.valueOf(problem.getStatus());
		response.setStatusCode(status);
		response.getHeaders().setContentType(new MediaType("text", "html", StandardCharsets.UTF_8));
		response.getHeaders().setCacheControl("no-store");
		String retryAfter = response.getHeaders().getFirst("Retry-After");
		byte[] body = page(status, retryAfter, ExchangeTraceIds.current(exchange)).getBytes(StandardCharsets.UTF_8);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	static String page(HttpStatus status, String retryAfter, String traceId) {
		String[] words = switch (status.value()) {
			case 429 -> new String[] { "Previše zahtjeva", "Poslali ste previše zahtjeva u kratkom vremenu.",
					"Too many requests", "Too many requests in a short time." };
			case 413 -> new String[] { "Poslano je previše podataka", "Zahtjev je veći nego što ova adresa prima.",
					"Request too large", "The request is larger than this address accepts." };
			case 504 -> new String[] { "Stranica se ne učitava", "Usluga nije odgovorila na vrijeme.",
					"The page is not loading", "The service did not answer in time." };
			default -> new String[] { "Stranica trenutačno nije dostupna", "Usluga trenutačno ne odgovara.",
					"The page is not available right now", "The service is not answering right now." };
		};
		String again = retryAfter == null ? "Pokušajte ponovno malo kasnije." : "Pokušajte ponovno za "
				+ HtmlUtils.htmlEscape(retryAfter) + " s.";
		String againEn = retryAfter == null ? "Please try again shortly." : "Please try again in "
				+ HtmlUtils.htmlEscape(retryAfter) + " s.";
		return "<!doctype html><html lang=\"hr\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<meta name=\"robots\" content=\"noindex\"><title>" + words[0] + "</title></head><body><main>"
				+ "<h1>" + words[0] + "</h1><p>" + words[1] + " " + again + "</p>"
				+ "<p lang=\"en\">" + words[3] + " " + againEn + "</p>"
				+ "<p><a href=\"/\">Naslovnica</a></p>"
				+ (traceId == null ? "" : "<p><small>Oznaka zahtjeva / request id: " + HtmlUtils.htmlEscape(traceId)
						+ "</small></p>")
				+ "</main></body></html>";
	}

}
