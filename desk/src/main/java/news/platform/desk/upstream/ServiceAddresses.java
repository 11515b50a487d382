package news.platform.desk.upstream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where comment-service and media-service answer inside the platform ({@code desk.services.*} in
 * desk.yml). Kept apart from {@code desk.upstreams} so the moderation and photo screens add
 * settings without touching the story screens' ones.
 *
 * @param commentService comment-service's address
 * @param mediaService media-service's address
 */
@ConfigurationProperties("desk.services")
public record ServiceAddresses(String commentService, String mediaService) {
}
