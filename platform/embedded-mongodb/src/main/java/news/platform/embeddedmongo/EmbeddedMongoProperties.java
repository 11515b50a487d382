package news.platform.embeddedmongo;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Settings of the embedded MongoDB server ({@code local} profile only).
 *
 * @param enabled {@code false} keeps the embedded server off even in the {@code local} profile
 * @param backend {@code h2} (durable file, default) or {@code memory} (nothing kept after the process ends)
 * @param path the H2 file; default {@code ./data/${spring.application.name}/mongodb.mv.db}
 * @param bindAddress the address the server listens on; default {@code 127.0.0.1} (it has no authentication)
 * @param port the port; default 0, a random free port
 */
@ConfigurationProperties("platform.mongodb.embedded")
public record EmbeddedMongoProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("h2") Backend backend,
    @Nullable Path path,
    @DefaultValue(EmbeddedMongoServer.DEFAULT_BIND_HOST) String bindAddress,
    @DefaultValue("0") int port) {

    /** Where the embedded server keeps its data. */
    public enum Backend {
        /** An H2 MVStore file, committed after every write command. */
        H2,
        /** The JVM heap: data is gone when the process ends. */
        MEMORY
    }

    /** {@link #path()} if set, else {@code ./data/<applicationName>/mongodb.mv.db} ({@code application} if unnamed). */
    public Path resolvePath(@Nullable String applicationName) {
        if (path != null) {
            return path;
        }
        String name = StringUtils.hasText(applicationName) ? applicationName.trim() : "application";
        return Path.of(".", "data", name, "mongodb.mv.db");
    }
}
