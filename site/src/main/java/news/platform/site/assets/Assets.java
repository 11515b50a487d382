package news.platform.site.assets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The site's static files, read once at start-up and served under names that carry a hash of their
 * content ({@code /assets/site.3f9c2a1b7e.css}), so each name can be cached for a year and a new
 * version is a new name. Text files are gzipped once. htmx comes from its webjar.
 */
public final class Assets {

	/** One file: its name as templates ask for it, its hashed name, type and bytes. */
	public record Asset(String name, String hashedName, String contentType, byte[] body, byte[] gzip, String etag) {
	}

	private final Map<String, Asset> byName = new LinkedHashMap<>();

	private final Map<String, Asset> byHashedName = new LinkedHashMap<>();

	public Assets() {
		add("site.css", "text/css;charset=UTF-8", read("classpath:static/assets/site.css"));
		add("icon.svg", "image/svg+xml", read("classpath:static/assets/icon.svg"));
		add("logo.png", "image/png", read("classpath:static/assets/logo.png"));
		add("htmx.js", "text/javascript;charset=UTF-8",
				read("classpath*:META-INF/resources/webjars/htmx.org/*/dist/htmx.min.js"));
		// live comments on article pages (Server-Sent Events)
		add("comments.js", "text/javascript;charset=UTF-8", read("classpath:static/assets/comments.js"));
	}

	private void add(String name, String contentType, byte[] body) {
		String hash = HexFormat.of().formatHex(sha256(body)).substring(0, 12);
		int dot = name.lastIndexOf('.');
		String hashedName = name.substring(0, dot) + "." + hash + name.substring(dot);
		boolean text = contentType.startsWith("text/") || contentType.startsWith("image/svg");
		Asset asset = new Asset(name, hashedName, contentType, body, text ? gzip(body) : null, "\"" + hash + "\"");
		this.byName.put(name, asset);
		this.byHashedName.put(hashedName, asset);
	}

	/** {@code /assets/<hashed name>} of a file. */
	public String url(String name) {
		Asset asset = this.byName.get(name);
		if (asset == null) {
			throw new IllegalArgumentException("no asset " + name);
		}
		return "/assets/" + asset.hashedName();
	}

	public Optional<Asset> byHashedName(String hashedName) {
		return Optional.ofNullable(this.byHashedName.get(hashedName));
	}

	private static byte[] read(String pattern) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
			if (resources.length == 0 || !resources[0].exists()) {
				throw new IllegalStateException("missing static file " + pattern);
			}
			try (InputStream in = resources[0].getInputStream()) {
				return in.readAllBytes();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] sha256(byte[] body) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(body);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] gzip(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
