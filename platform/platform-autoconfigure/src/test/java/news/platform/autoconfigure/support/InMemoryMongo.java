package news.platform.autoconfigure.support;

import java.net.InetSocketAddress;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One in-memory wire-compatible MongoDB per test JVM (the embedded server the platform runs
 * locally, memory backend), driven by the official driver; each test takes a database of its own.
 */
public final class InMemoryMongo {

	private static MongoServer server;

	private static MongoClient client;

	private static int databases;

	private InMemoryMongo() {
	}

	public static synchronized String connectionString() {
		if (server == null) {
			server = new MongoServer(new MemoryBackend());
			InetSocketAddress address = server.bind();
			client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				client.close();
				server.shutdownNow();
			}));
		}
		InetSocketAddress address = server.getLocalAddress();
		return "mongodb://" + address.getHostString() + ":" + address.getPort();
	}

	/** A database no other test uses. */
	public static synchronized MongoDatabase freshDatabase() {
		connectionString();
		return client.getDatabase("test" + (++databases));
	}

}
