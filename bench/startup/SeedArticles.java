import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Seeds article-like documents (Croatian-like text, ~5 KB each) into a running MongoDB, such as
 * the article service's embedded server, with one insertMany per batch:
 * <pre>
 *   java -cp 'lib/*' bench/startup/SeedArticles.java mongodb://127.0.0.1:PORT articles bench_articles 10000 1000
 * </pre>
 * (lib = the MongoDB sync driver, driver core and bson jars, e.g. the article service's extracted
 * lib folder.) Prints one summary line; deterministic (fixed random seed), so runs are comparable.
 * The default collection is not the service's own: the documents only add bulk to the H2 file.
 */
public final class SeedArticles {

    private static final String[] WORDS = ("vlada ministar grad županija sabor izbori predsjednik zakon "
        + "proračun gospodarstvo turizam more obala otok luka brod promet cesta autocesta željeznica "
        + "škola sveučilište učenik nastavnik bolnica liječnik zdravlje cijepljenje kultura kazalište "
        + "glazba festival knjiga izložba nogomet rukomet utakmica prvenstvo reprezentacija trener "
        + "vijeće gradonačelnik općina stanovnik građani udruga sindikat plaća mirovina porez cijena "
        + "inflacija banka tvrtka radnik zaposlenje investicija projekt energija struja plin voda "
        + "klima vrućina kiša oluja požar vatrogasci policija sud presuda istraga optužnica svjedok "
        + "je su će bi da se na u iz za od do kod prema nakon prije tijekom zbog unatoč kako koji "
        + "koja koje što ali ili te pa jer dok kad ako već još samo također prema riječima izjavio "
        + "izjavila objavio objavila kazao kazala naglasio naglasila dodao dodala rekao rekla "
        + "Zagreb Split Rijeka Osijek Zadar Pula Dubrovnik Šibenik Varaždin Karlovac Sisak Slavonija "
        + "Dalmacija Istra Zagorje Hrvatska Europa prošloga tjedna ovoga mjeseca sljedeće godine "
        + "čelnik dužnosnik stručnjak analitičar ravnatelj župan zastupnik oporba koalicija stranka")
        .split(" ");

    private static final String[] SECTIONS = { "vijesti", "sport", "kultura", "gospodarstvo", "svijet", "lifestyle" };

    private SeedArticles() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: SeedArticles <mongodb-uri> [database=articles] [collection=bench_articles] [count=10000] [batch=1000]");
            System.exit(2);
        }
        String uri = args[0];
        String database = args.length > 1 ? args[1] : "articles";
        String collectionName = args.length > 2 ? args[2] : "bench_articles";
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 1_000;
        Random random = new Random(42);
        Instant base = Instant.parse("2024-01-01T06:00:00Z");
        long bytes = 0;
        long slowest = 0;
        long started = System.nanoTime();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> collection = client.getDatabase(database).getCollection(collectionName);
            long before = collection.estimatedDocumentCount();
            for (int from = 0; from < count; from += batch) {
                List<Document> docs = new ArrayList<>(batch);
                for (int i = from; i < Math.min(count, from + batch); i++) {
                    String title = sentence(random, 6 + random.nextInt(6));
                    String body = paragraphs(random, 5_000);
                    bytes += body.length() + title.length();
                    Instant published = base.plus(i * 17L, ChronoUnit.MINUTES);
                    docs.add(new Document("_id", new ObjectId())
                        .append("slug", "seed-" + i + "-" + title.toLowerCase().replaceAll("[^a-zčćđšž0-9]+", "-"))
                        .append("title", title)
                        .append("lead", sentence(random, 25))
                        .append("body", body)
                        .append("section", SECTIONS[i % SECTIONS.length])
                        .append("language", "hr")
                        .append("status", "published")
                        .append("tags", List.of(WORDS[random.nextInt(WORDS.length)], WORDS[random.nextInt(WORDS.length)]))
                        .append("authors", List.of("autor-" + (i % 40)))
                        .append("publishedAt", java.util.Date.from(published))
                        .append("firstPublishedAt", java.util.Date.from(published))
                        .append("version", 1));
                }
                long t0 = System.nanoTime();
                collection.insertMany(docs, new InsertManyOptions().ordered(false));
                slowest = Math.max(slowest, System.nanoTime() - t0);
            }
            long after = collection.estimatedDocumentCount();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("seeded %d documents (%.1f MB of text) into %s.%s in %.1f s (%.0f docs/s, slowest insertMany of %d: %d ms); collection now holds %d (was %d)%n",
                count, bytes / 1e6, database, collectionName, seconds, count / seconds, batch, slowest / 1_000_000, after, before);
        }
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = WORDS[random.nextInt(WORDS.length)];
            if (i == 0) {
                w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            }
            s.append(i == 0 ? "" : " ").append(w);
        }
        return s.append('.').toString();
    }

    private static String paragraphs(Random random, int chars) {
        StringBuilder s = new StringBuilder(chars + 200);
        while (s.length() < chars) {
            s.append(sentence(random, 8 + random.nextInt(14))).append(random.nextInt(5) == 0 ? "\n\n" : " ");
        }
        return s.toString();
    }
}
