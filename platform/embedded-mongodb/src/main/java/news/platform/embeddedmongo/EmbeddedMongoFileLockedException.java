package news.platform.embeddedmongo;

import java.nio.file.Path;

/**
 * The embedded server's H2 file is open in another process (or in this one): an MVStore file has one writer.
 * {@link EmbeddedMongoFileLockedFailureAnalyzer} turns it into a startup report that says what to do.
 */
public class EmbeddedMongoFileLockedException extends IllegalStateException {

    private final transient Path file;

    public EmbeddedMongoFileLockedException(Path file, Throwable cause) {
        super("The embedded MongoDB file " + file + " is locked by another process", cause);
        this.file = file;
    }

    /** The locked file (absolute). */
    public Path file() {
        return file;
    }
}
