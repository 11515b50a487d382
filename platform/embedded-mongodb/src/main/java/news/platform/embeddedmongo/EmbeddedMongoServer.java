package news.platform.embeddedmongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB wire-compatible server (mongo-java-server) inside this process, for the {@code local} profile: clients
 * connect with the official driver to {@link #connectionString()} as to a real MongoDB.
 * <p>
 * {@link #startDurable(Path)} keeps the data in an H2 MVStore file and commits it after every write command, so an
 * acknowledged write survives a killed process (not an OS crash: no fsync). {@link #startInMemory()} keeps nothing.
 * See docs/embedded-mongodb.md for what the embedded server lacks compared with MongoDB.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    /** Loopback only: the embedded server has no authentication. */
    public static final String DEFAULT_BIND_HOST = "127.0.0.1";

    private final MongoServer server;
    private final Path file;
    private final InetSocketAddress address;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedMongoServer(MongoBackend backend, Path file, String bindHost, int port) {
        MongoServer server = new MongoServer(backend);
        // on failure bind() shuts the server down, which closes the backend
        server.bind(bindHost, port);
        this.server = server;
        this.file = file;
        this.address = server.getLocalAddress();
    }

    /** Starts a durable server on {@code file} (created with its parent folders if missing), 127.0.0.1, random port. */
    public static EmbeddedMongoServer startDurable(Path file) {
        return startDurable(file, DEFAULT_BIND_HOST, 0);
    }

    /**
     * Starts a durable server on {@code file} (created with its parent folders if missing).
     *
     * @param bindHost the address to listen on
     * @param port the port to listen on, 0 for a random free port
     * @throws EmbeddedMongoFileLockedException if another process has the file open
     */
    public static EmbeddedMongoServer startDurable(Path file, String bindHost, int port) {
        Path absolute = file.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder for the embedded MongoDB file " + absolute, e);
        }
        return new EmbeddedMongoServer(DurableH2Backend.open(absolute), absolute, bindHost, port);
    }

    /** Starts a server that keeps its data in memory only, on 127.0.0.1 and a random port. */
    public static EmbeddedMongoServer startInMemory() {
        return startInMemory(DEFAULT_BIND_HOST, 0);
    }

    /** Starts a server that keeps its data in memory only. */
    public static EmbeddedMongoServer startInMemory(String bindHost, int port) {
        return new EmbeddedMongoServer(new MemoryBackend(), null, bindHost, port);
    }

    /** {@code mongodb://HOST:PORT}, without database. */
    public String connectionString() {
        return "mongodb://" + hostForUri() + ":" + address.getPort();
    }

    private String hostForUri() {
        if (address.getAddress() != null && address.getAddress().isAnyLocalAddress()) {
            return "127.0.0.1"; // bound to all interfaces: connect through loopback
        }
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The address the server listens on. */
    public InetSocketAddress address() {
        return address;
    }

    /** The H2 file (absolute), empty for an in-memory server. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Closes client connections, stops listening, then compacts and closes the file. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedMongoServer[" + connectionString() + (file != null ? ", " + file : ", in memory") + "]";
    }
}
