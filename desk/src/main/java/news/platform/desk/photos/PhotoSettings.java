package news.platform.desk.photos;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The photo screens' settings ({@code desk.photos.*}).
 *
 * @param maxFileSize media-service's per-file limit ({@code media.upload.max-size}): a larger file
 * is refused here with its own message, and never sent (media-service would close the connection
 * on it mid-upload)
 */
@ConfigurationProperties("desk.photos")
public record PhotoSettings(@DefaultValue("25MB") DataSize maxFileSize) {
}
