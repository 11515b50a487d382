import java.nio.file.Path;

import news.platform.embeddedmongo.EmbeddedMongoServer;

/**
 * The platform's embedded MongoDB (H2 file) in a process of its own, so the benchmark measures
 * media-service's RSS without the database in it, as in a cluster:
 * <pre>
 *   java -cp '<service jar's BOOT-INF/lib>/*' bench/media/MongoServer.java FILE PORT
 * </pre>
 */
public final class MongoServer {

	public static void main(String[] args) throws InterruptedException {
		EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(Path.of(args[0]), "127.0.0.1",
				Integer.parseInt(args[1]));
		Runtime.getRuntime().addShutdownHook(new Thread(server::close));
		System.out.println("ready " + server.connectionString());
		Thread.currentThread().join();
	}

}
