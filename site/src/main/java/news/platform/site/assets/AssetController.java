package news.platform.site.assets;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import news.platform.site.SiteProperties;

/**
 * {@code /assets/<hashed name>}: the bytes with a year's {@code Cache-Control} and
 * {@code immutable} (a changed file has a new name), gzip when accepted, {@code 304} on
 * {@code If-None-Match}. A name that is not one of the current files is a 404: an old name is never
 * answered with new content.
 */
@Controller
class AssetController {

	private final Assets assets;

	private final String cacheControl;

	AssetController(Assets assets, SiteProperties properties) {
		this.assets = assets;
		this.cacheControl = properties.cache().assets();
	}

	@GetMapping("/assets/{name:.+}")
	void asset(@PathVariable String name, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Assets.Asset asset = this.assets.byHashedName(name).orElse(null);
		if (asset == null) {
			response.sendError(404);
			return;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		boolean gzip = asset.gzip() != null && accept != null && accept.contains("gzip");
		String etag = gzip ? asset.etag().replace("\"", "").transform(tag -> "\"" + tag + "-gz\"") : asset.etag();
		response.setHeader(HttpHeaders.CACHE_CONTROL, this.cacheControl);
		response.setHeader(HttpHeaders.ETAG, etag);
		if (asset.gzip() != null) {
			response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		}
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		byte[] body = gzip ? asset.gzip() : asset.body();
		response.setContentType(asset.contentType());
		if (gzip) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		response.setContentLength(body.length);
		if (!"HEAD".equals(request.getMethod())) {
			response.getOutputStream().write(body);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class AssetConfiguration {

		@Bean
		Assets assets() {
			return new Assets();
		}

	}

}
