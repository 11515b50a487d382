package news.platform.media.agency;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the agency-picture fetch ({@code media.agency-pictures.*}).
 *
 * @param maxSize the largest picture fetched (the upload limit applies too: the smaller wins)
 * @param connectTimeout time to open one connection
 * @param timeout time for the whole fetch, redirects included
 * @param maxRedirects redirects followed, each checked like the first address
 * @param testAllowedAddresses for tests only, empty by default: literal addresses (such as
 * {@code 127.0.0.1}) let through although they are loopback or private, so a test can serve a
 * picture from a local server
 */
@ConfigurationProperties("media.agency-pictures")
public record AgencyPictureProperties(@DefaultValue("20MB") DataSize maxSize,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration timeout,
		@DefaultValue("3") int maxRedirects, @DefaultValue List<String> testAllowedAddresses) {

	public AgencyPictureProperties {
		testAllowedAddresses = testAllowedAddresses == null ? List.of() : List.copyOf(testAllowedAddresses);
	}

}
