package news.platform.embeddedmongo;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * Child JVM for the kill test and the benchmark: serves {@code args[0]} and prints {@code PORT <port>} once it
 * listens, then waits to be killed. With {@code args[1] = stock} it uses mongo-java-server's stock
 * {@code H2Backend(file)} (MVStore auto-commit once a second) instead of {@link EmbeddedMongoServer#startDurable}.
 */
public final class EmbeddedMongoChild {

    static final String PORT_PREFIX = "PORT ";

    private EmbeddedMongoChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path file = Path.of(args[0]);
        boolean stock = args.length > 1 && args[1].equals("stock");
        int port;
        if (stock) {
            MongoServer server = new MongoServer(new H2Backend(file.toString()));
            server.bind("127.0.0.1", 0);
            port = server.getLocalAddress().getPort();
        } else {
            port = EmbeddedMongoServer.startDurable(file).address().getPort();
        }
        System.out.println(PORT_PREFIX + port);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
