package news.platform.desk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * htmx and DOMPurify from their webjars, each read once, under a name without its version (the webjar's folder has one):
 * pages name {@code /desk/assets/htmx.min.js} and never change when htmx is upgraded. The desk's own
 * files are static resources beside it ({@code static/assets/}).
 */
@RestController
class Assets {

	private final byte[] htmx;

	private final byte[] purify;

	Assets() {
		this.htmx = read("classpath*:META-INF/resources/webjars/htmx.org/*/dist/htmx.min.js");
		this.purify = read("classpath*:META-INF/resources/webjars/dompurify/*/dist/purify.min.js");
	}

	/** DOMPurify, which the editor runs over pasted HTML before it enters a block. */
	@GetMapping(path = "/assets/purify.min.js", produces = "text/javascript;charset=UTF-8")
	ResponseEntity<byte[]> purify() {
		return script(this.purify);
	}

	@GetMapping(path = "/assets/htmx.min.js", produces = "text/javascript;charset=UTF-8")
	ResponseEntity<byte[]> htmx() {
		return script(this.htmx);
	}

	private static ResponseEntity<byte[]> script(byte[] body) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
			.body(body);
	}

	private static byte[] read(String pattern) {
		try {
			Resource[] found = new PathMatchingResourcePatternResolver().getResources(pattern);
			if (found.length != 1) {
				throw new IllegalStateException("Expected one " + pattern + ", found " + found.length);
			}
			try (InputStream in = found[0].getInputStream()) {
				return in.readAllBytes();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
