package news.platform.article.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import news.platform.article.search.ArticleIndex.Filters;
import news.platform.article.search.ArticleIndex.Hit;
import news.platform.article.search.ArticleIndex.ListQuery;
import news.platform.article.search.ArticleIndex.Page;
import news.platform.article.search.ArticleIndex.SearchQuery;

import static news.platform.article.search.Documents.BASE;
import static news.platform.article.search.Documents.article;
import static org.assertj.core.api.Assertions.assertThat;

class LuceneArticleIndexTest {

	// after every test article's publish time; embargo tests move past it explicitly
	private static final Clock NOW = Clock.fixed(BASE.plus(Duration.ofDays(30)), ZoneOffset.UTC);

	@TempDir
	Path directory;

	private LuceneArticleIndex index;

	@BeforeEach
	void open() {
		this.index = new LuceneArticleIndex(this.directory.resolve("index"), NOW, Duration.ofMinutes(1), false);
	}

	@AfterEach
	void close() throws IOException {
		this.index.close();
	}

	@Test
	void listsNewestFirstAndPagesByCursorToTheEnd() {
		// a bulk load goes through rebuild: one refresh rather than one per article
		this.index.rebuild(IntStream.range(0, 95)
			.mapToObj(i -> article(String.format("a%03d", i), i, "Naslov " + i, "Tekst " + i)));
		// two articles published at the same moment are ordered by id, and neither is lost
		this.index.upsert(article("same-1", 50, "Isto vrijeme", "x"));

		List<String> seen = new ArrayList<>();
		Page page = this.index.list(new ListQuery(Filters.NONE, 20, null));
		assertThat(page.items()).hasSize(20);
		assertThat(page.items().get(0).id()).isEqualTo("a094");
		int pages = 1;
		seen.addAll(ids(page));
		while (page.next() != null) {
			page = this.index.list(new ListQuery(Filters.NONE, 20, page.next()));
			seen.addAll(ids(page));
			pages++;
		}
		assertThat(pages).isEqualTo(5);
		assertThat(seen).hasSize(96).doesNotHaveDuplicates();
		assertThat(seen.subList(44, 46)).containsExactly("same-1", "a050");
		assertThat(seen.get(95)).isEqualTo("a000");
	}

	@Test
	void pagesThroughArticlesPublishedAtTheSameMomentWithoutLosingAny() {
		for (String id : List.of("t1", "t2", "t3", "t4", "t5")) {
			this.index.upsert(article(id, 7, "Isto", "Tekst"));
		}
		this.index.upsert(article("older", 6, "Starije", "Tekst"));

		List<String> seen = new ArrayList<>();
		Page page = this.index.list(new ListQuery(Filters.NONE, 2, null));
		seen.addAll(ids(page));
		while (page.next() != null) {
			page = this.index.list(new ListQuery(Filters.NONE, 2, page.next()));
			seen.addAll(ids(page));
		}

		assertThat(seen).containsExactly("t5", "t4", "t3", "t2", "t1", "older");
	}

	@Test
	void aDeepPageByCursorIsTheSameAsWalkingThere() {
		this.index.rebuild(IntStream.range(0, 300).mapToObj(i -> article(String.format("d%03d", i), i, "Naslov", "Tekst")));
		Page page = null;
		for (int i = 0; i < 10; i++) {
			page = this.index.list(new ListQuery(Filters.NONE, 25, page == null ? null : page.next()));
		}
		PageCursor cursor = PageCursor.decode(page.next().encode(), PageCursor.Kind.LIST);

		Page eleventh = this.index.list(new ListQuery(Filters.NONE, 25, cursor));

		assertThat(ids(eleventh)).containsExactlyElementsOf(
				IntStream.range(0, 25).mapToObj(i -> String.format("d%03d", 299 - 250 - i)).toList());
		assertThat(eleventh.next()).isNotNull();
	}

	@Test
	void filtersBySectionTagAuthorLanguageAndDates() {
		this.index.upsert(article("s1", 1, "Prvi", null, "tekst", "Svijet", List.of("Sirija", "Rat")));
		this.index.upsert(article("s2", 2, "Drugi", null, "tekst", "Sport", List.of("Nogomet")));
		this.index.upsert(article("s3", 3, "Treći", null, "tekst", "svijet", List.of("Đakovo")));

		assertThat(ids(list(new Filters("svijet", null, null, null, null, null)))).containsExactly("s3", "s1");
		assertThat(ids(list(new Filters(null, "sirija", null, null, null, null)))).containsExactly("s1");
		assertThat(ids(list(new Filters(null, "Dakovo", null, null, null, null)))).containsExactly("s3");
		assertThat(ids(list(new Filters(null, null, "u-s2", null, null, null)))).containsExactly("s2");
		assertThat(ids(list(new Filters(null, null, "ana horvat", null, null, null)))).hasSize(3);
		assertThat(ids(list(new Filters(null, null, null, "en", null, null)))).isEmpty();
		assertThat(ids(list(new Filters(null, null, null, "hr", BASE.plusSeconds(120), BASE.plusSeconds(180)))))
			.as("from inclusive, to exclusive")
			.containsExactly("s2");

		Hit hit = list(new Filters(null, null, "u-s1", null, null, null)).items().get(0);
		assertThat(hit.section()).isEqualTo("Svijet");
		assertThat(hit.tags()).containsExactly("Sirija", "Rat");
		assertThat(hit.authors()).containsExactly(new SearchDocument.Author("u-s1", "Ana Horvat"));
		assertThat(hit.slug()).isEqualTo("slug-s1");
		assertThat(hit.heroMediaId()).isEqualTo("media-s1");
		assertThat(hit.publishedAt()).isEqualTo(BASE.plusSeconds(60));
		assertThat(hit.highlights()).isEmpty();
	}

	@Test
	void searchFoldsDiacriticsAndStems() {
		this.index.upsert(article("cacak", 1, "Sajam u Čačku", "Veliki sajam održan je u gradu Čačak."));
		this.index.upsert(article("evak", 2, "Vijesti", "Nastavljene su evakuacije civila iz Alepa."));
		this.index.upsert(article("zivot", 3, "Novi život", "Kratko."));
		this.index.upsert(article("other", 4, "Nešto drugo", "Ništa."));

		assertThat(ids(search("cacak"))).containsExactly("cacak");
		assertThat(ids(search("evakuacija"))).containsExactly("evak");
		assertThat(ids(search("zivot"))).containsExactly("zivot");
		assertThat(ids(search("evakuacija civila"))).containsExactly("evak");
		assertThat(ids(search("evakuacija zivot"))).as("every word must match").isEmpty();
		assertThat(ids(search("i u je"))).as("stop words only").isEmpty();
	}

	@Test
	void aHeadlineHitOutranksABodyHitAndNewerBreaksTies() {
		this.index.upsert(article("body-new", 10, "Vijesti dana", "Gradsko vijeće raspravljalo je o proračunu Zagreba."));
		this.index.upsert(article("headline-old", 1, "Zagreb dobiva novi proračun", "Vijeće je raspravljalo."));
		this.index.upsert(article("twin-old", 2, "Potres kod Petrinje", "Tlo se treslo."));
		this.index.upsert(article("twin-new", 3, "Potres kod Petrinje", "Tlo se treslo."));

		this.index.upsert(article("standfirst-mid", 5, "Vijesti", "Zagreb traži novac za ceste.", "Sjednica vijeća.",
				"vijesti", List.of()));

		assertThat(ids(search("zagreb"))).containsExactly("headline-old", "standfirst-mid", "body-new");
		assertThat(ids(search("potres"))).containsExactly("twin-new", "twin-old");
	}

	@Test
	void searchHighlightsHitsAndEscapesHtml() {
		this.index.upsert(article("h1", 1, "Evakuacija <b>Alepa</b>",
				"Prva rečenica nema ništa. Počela je evakuacija civila & ranjenika iz <script>grada</script>."));

		Hit hit = search("evakuacije").items().get(0);

		assertThat(hit.highlights().get("headline")).isEqualTo("<mark>Evakuacija</mark> &lt;b&gt;Alepa&lt;&#x2F;b&gt;");
		assertThat(hit.highlights().get("body")).contains("<mark>evakuacija</mark>")
			.contains("&amp;")
			.doesNotContain("<script>");
		assertThat(hit.highlights()).doesNotContainKey("standfirst");
		assertThat(hit.headline()).as("the plain value stays as stored").isEqualTo("Evakuacija <b>Alepa</b>");
	}

	@Test
	void aLongBodyShowsItsBestPassagesAroundTheWordsAndAShortOneItsOpening() {
		StringBuilder body = new StringBuilder();
		for (int i = 1; i <= 40; i++) {
			body.append("Rečenica broj ").append(i).append(" govori o vremenu i cestama u gradu. ");
			if (i == 12) {
				body.append("Vatrogasci su nastavili evakuaciju stanovnika iz poplavljenih kuća. ");
			}
			if (i == 30) {
				body.append("Evakuacija se nastavlja i sutra, rekli su vatrogasci.\n");
			}
		}
		this.index.upsert(article("long", 1, "Kiša u gradu", body.toString()));
		this.index.upsert(article("headline-only", 2, "Evakuacija Alepa", "Prva rečenica. Druga rečenica."));

		Page page = search("evakuacija vatrogasci");
		Hit hit = page.items().get(0);
		String snippet = hit.highlights().get("body");
		assertThat(snippet).contains("<mark>evakuaciju</mark>", "<mark>Evakuacija</mark>", "<mark>vatrogasci</mark>")
			.contains("… ")
			.doesNotContain("Rečenica broj 1 ")
			.doesNotContain("\n");
		assertThat(snippet.length()).as("two passages near 160 characters, not the body").isLessThan(700);
		assertThat(hit.highlights()).doesNotContainKey("headline");

		Hit other = search("evakuacija").items().stream().filter(h -> h.id().equals("headline-only")).findFirst()
			.orElseThrow();
		assertThat(other.highlights().get("headline")).isEqualTo("<mark>Evakuacija</mark> Alepa");
		assertThat(other.highlights().get("body")).as("no word in the body: its opening")
			.isEqualTo("Prva rečenica. Druga rečenica.");
	}

	@Test
	void aRunOnSentenceIsCutAroundTheWord() {
		String filler = "riječ ".repeat(120);
		this.index.upsert(article("run-on", 1, "Vijest", filler + "potres je pogodio grad " + filler));

		String snippet = search("potres").items().get(0).highlights().get("body");

		assertThat(snippet).contains("<mark>potres</mark> je pogodio grad");
		assertThat(snippet.length()).isLessThan(2 * Snippets.PASSAGE_CHARS);
	}

	@Test
	void searchPagesByCursorInRankOrder() {
		this.index.rebuild(IntStream.range(0, 30)
			.mapToObj(i -> article("p" + i, i, "Vijest " + i, "potres ".repeat(1 + i % 5) + "tekst ".repeat(20))));
		List<String> seen = new ArrayList<>();
		Page page = this.index.search(new SearchQuery("potres", Filters.NONE, 7, null));
		seen.addAll(ids(page));
		while (page.next() != null) {
			page = this.index.search(new SearchQuery("potres", Filters.NONE, 7, page.next()));
			seen.addAll(ids(page));
		}
		assertThat(seen).hasSize(30).doesNotHaveDuplicates();
		assertThat(seen.get(0)).isEqualTo("p29").as("most hits, newest");
	}

	@Test
	void embargoedArticlesNeverAppearUntilTheirTime() throws IOException {
		Instant later = NOW.instant().plusSeconds(3600);
		this.index.upsert(Documents.embargoed(article("embargo", 5, "Tajna evakuacija", "Tajna."), later));
		this.index.upsert(article("open", 1, "Javna evakuacija", "Javno."));

		assertThat(ids(this.index.list(new ListQuery(Filters.NONE, 20, null)))).containsExactly("open");
		assertThat(ids(search("evakuacija"))).containsExactly("open");
		assertThat(ids(search("tajna"))).isEmpty();
		assertThat(this.index.count()).isEqualTo(2);

		this.index.close();
		Clock afterEmbargo = Clock.fixed(later, ZoneOffset.UTC);
		this.index = new LuceneArticleIndex(this.directory.resolve("index"), afterEmbargo, Duration.ofMinutes(1), false);
		assertThat(ids(search("tajna"))).as("visible once its time has come, after a restart too")
			.containsExactly("embargo");
	}

	@Test
	void deleteAndUpdateAreVisibleAtOnce() {
		this.index.upsert(article("x", 1, "Stari naslov", "Tekst"));
		this.index.upsert(article("x", 1, "Novi naslov", "Tekst"));
		assertThat(search("novi").items()).extracting(Hit::headline).containsExactly("Novi naslov");
		assertThat(search("stari").items()).isEmpty();

		this.index.delete("x");

		assertThat(this.index.list(new ListQuery(Filters.NONE, 20, null)).items()).isEmpty();
		assertThat(this.index.count()).isZero();
	}

	@Test
	void rebuildReplacesTheContentAndSurvivesARestart() throws IOException {
		this.index.upsert(article("gone", 1, "Nestaje", "Tekst"));

		long count = this.index.rebuild(Stream.of(article("r1", 1, "Prvi", "Tekst"), article("r2", 2, "Drugi", "Tekst")));

		assertThat(count).isEqualTo(2);
		assertThat(ids(this.index.list(new ListQuery(Filters.NONE, 20, null)))).containsExactly("r2", "r1");
		this.index.close();
		this.index = new LuceneArticleIndex(this.directory.resolve("index"), NOW, Duration.ofMinutes(1), false);
		assertThat(this.index.count()).isEqualTo(2);
	}

	@Test
	void anIndexWrittenByAnOlderVersionIsEmptiedAtOpenSoTheServiceRebuildsIt() throws IOException {
		this.index.close();
		// files as an older version left them: documents without the ranking field, no schema mark
		try (Directory files = FSDirectory.open(this.directory.resolve("index"));
				IndexWriter older = new IndexWriter(files, new IndexWriterConfig())) {
			Document document = new Document();
			document.add(new StringField(LuceneArticleIndex.ID, "old", Field.Store.NO));
			older.addDocument(document);
			older.setLiveCommitData(Map.of("feedSeq", "7").entrySet());
			older.commit();
		}

		this.index = new LuceneArticleIndex(this.directory.resolve("index"), NOW, Duration.ofMinutes(1), false);
		assertThat(this.index.count()).as("emptied: the start-up rebuild fills it from MongoDB").isZero();
		assertThat(this.index.feedPosition()).as("and it follows the feed from the head again").isEqualTo(-1);

		this.index.upsert(article("new", 1, "Novi", "Tekst"));
		this.index.close();
		this.index = new LuceneArticleIndex(this.directory.resolve("index"), NOW, Duration.ofMinutes(1), false);
		assertThat(this.index.count()).as("an index of this version is kept").isEqualTo(1);
	}

	@Test
	void writesDuringARebuildAreKeptOverTheRebuiltContent() {
		this.index.upsert(article("old", 1, "Stari", "Tekst"));
		// the source is read lazily: these writes land while the rebuild is under way
		Stream<SearchDocument> source = Stream.of("r1", "deleted-meanwhile", "r2").map(id -> {
			if (id.equals("r2")) {
				this.index.upsert(article("added-meanwhile", 9, "Novi", "Tekst"));
				this.index.delete("deleted-meanwhile");
			}
			return article(id, 2, "Iz izvora", "Tekst");
		});

		this.index.rebuild(source);

		assertThat(ids(this.index.list(new ListQuery(Filters.NONE, 20, null))))
			.containsExactlyInAnyOrder("added-meanwhile", "r1", "r2");
	}

	private Page list(Filters filters) {
		return this.index.list(new ListQuery(filters, 50, null));
	}

	private Page search(String text) {
		return this.index.search(new SearchQuery(text, Filters.NONE, 20, null));
	}

	private static List<String> ids(Page page) {
		return page.items().stream().map(Hit::id).toList();
	}

}
