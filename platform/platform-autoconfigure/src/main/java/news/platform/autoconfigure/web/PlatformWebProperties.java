package news.platform.autoconfigure.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request-body limits of a servlet service.
 *
 * @param maxBodySize the largest body any request may send; larger ones answer 413 before
 * anything reads them (from {@code Content-Length}, or by counting while the body is read when
 * there is none)
 * @param bodyLimits other limits for some paths, by path pattern ({@code /api/v1/media/**});
 * in YAML the pattern is a bracketed key: {@code "[/api/v1/media/**]": 25MB}
 */
@ConfigurationProperties("platform.web")
public record PlatformWebProperties(@DefaultValue("1MB") DataSize maxBodySize, Map<String, DataSize> bodyLimits) {

	public PlatformWebProperties {
		bodyLimits = bodyLimits == null ? Map.of() : new LinkedHashMap<>(bodyLimits);
	}

}
