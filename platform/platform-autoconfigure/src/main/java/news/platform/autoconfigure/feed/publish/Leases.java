package news.platform.autoconfigure.feed.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * {@code leases}: one document per job that only one replica may run at a time (a feed's relay,
 * a scheduler). Taking or renewing is one conditional update (mine, or expired); a replica that
 * dies loses the lease at expiry.
 */
public class Leases {

	public static final String COLLECTION = "leases";

	private final MongoCollection<Document> collection;

	private final Clock clock;

	public Leases(MongoDatabase database, Clock clock, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		this.clock = clock;
		shapes.register(COLLECTION, List.of("_id", "holder", "expiresAt"), List.of(), "_id_");
	}

	public boolean tryAcquire(String name, String holder, Duration ttl) {
		Instant now = this.clock.instant();
		try {
			this.collection.findOneAndUpdate(
					Filters.and(Filters.eq("_id", name),
							Filters.or(Filters.eq("holder", holder), Filters.lt("expiresAt", Date.from(now)))),
					Updates.combine(Updates.set("holder", holder), Updates.set("expiresAt", Date.from(now.plus(ttl)))),
					new FindOneAndUpdateOptions().upsert(true));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
		catch (MongoCommandException ex) {
			// the upsert met the live lease of another holder
			if (ex.getErrorCode() == 11000) {
				return false;
			}
			throw ex;
		}
	}

}
