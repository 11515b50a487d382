package news.platform.site;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import news.platform.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The comment section of article pages over HTTP: rendered with the article for everyone, cached
 * at most {@code site.comments.lifetime} (6 s in tests) in any cache, further pages, orders and
 * replies with and without htmx, bad input.
 */
class CommentsTest extends SiteTest {

	/** Per test: the context may take long to start on a busy machine. */
	private final Instant now = Instant.now();

	@Test
	void theArticlePageShowsTheCountAndTheFirstCommentsWithCroatianTimes() {
		ServicesStub.Story story = published("vijesti", "Nova knjižnica u Osijeku");
		ServicesStub.StubComment first = services.comment(story, null, "Marija Horvat", "Odlična vijest!\nKonačno.",
				now.minusSeconds(5 * 60 + 5));
		services.comment(story, first, "Ivan Kovač", "Slažem se.", now.minusSeconds(2 * 3600 + 30));
		services.comment(story, null, "Pero", "<script>alert(1)</script>", now.minusSeconds(21 * 60 + 5));
		services.react(first, 3);

		Http.Response response = get(story.path());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		Document page = Jsoup.parse(response.body());
		Element section = page.selectFirst("section#komentari");
		assertThat(section).isNotNull();
		assertThat(section.selectFirst("h2").text()).isEqualTo("Komentari (3)");
		List<Element> comments = section.select(".comment-items > article.comment");
		assertThat(comments).hasSize(2);
		// newest first: Marija's (5 min) before Pero's (21 min)
		assertThat(comments.get(0).selectFirst(".comment-author").text()).isEqualTo("Marija Horvat");
		assertThat(comments.get(0).selectFirst("time").text()).isEqualTo("prije 5 minuta");
		assertThat(comments.get(0).selectFirst("time").attr("datetime")).isNotBlank();
		assertThat(comments.get(0).select(".comment-text br")).hasSize(1);
		assertThat(comments.get(0).selectFirst(".comment-text").text()).isEqualTo("Odlična vijest! Konačno.");
		assertThat(comments.get(0).selectFirst(".comment-reactions").text()).isEqualTo("3 reakcije");
		assertThat(comments.get(0).selectFirst(".replies .comment-author").text()).isEqualTo("Ivan Kovač");
		assertThat(comments.get(0).selectFirst(".replies time").text()).isEqualTo("prije 2 sata");
		assertThat(comments.get(1).selectFirst("time").text()).isEqualTo("prije 21 minutu");
		// a comment's markup is text
		assertThat(response.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)");
		assertThat(section.select(".comment-sorts a[aria-current=true]").text()).isEqualTo("Najnovije");
	}

	@Test
	void theCommentSectionLivesAtMostItsLifetimeInAnyCache() {
		ServicesStub.Story story = published("vijesti", "Vijećnici izglasali proračun");
		ServicesStub.StubComment rude = services.comment(story, null, "Netko", "Komentar koji moderator uklanja",
				now.minusSeconds(120));
		Http.Response before = get(story.path());
		assertThat(before.body()).contains("Komentar koji moderator uklanja");
		// what caches after the site may add to the site's own third of the lifetime (2 s of 6 s)
		Matcher maxAge = Pattern.compile("max-age=(\\d+)").matcher(before.header("Cache-Control"));
		Matcher stale = Pattern.compile("stale-while-revalidate=(\\d+)").matcher(before.header("Cache-Control"));
		assertThat(maxAge.find() && stale.find()).isTrue();
		assertThat(before.header("Cache-Control")).startsWith("public").doesNotContain("stale-if-error");
		assertThat(2 + Integer.parseInt(maxAge.group(1)) + Integer.parseInt(stale.group(1))).isLessThanOrEqualTo(6);

		services.removeComment(rude);
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			Http.Response after = get(story.path());
			assertThat(after.status()).isEqualTo(200);
			assertThat(after.body()).doesNotContain("Komentar koji moderator uklanja");
		});
	}

	@Test
	void furtherCommentsComeByTheirOwnPageOrAsAFragmentForHtmx() {
		ServicesStub.Story story = published("sport", "Derbi završio neriješeno");
		for (int i = 1; i <= 23; i++) {
			services.comment(story, null, "Navijač " + i, "Komentar broj " + i, now.minusSeconds(3600 - i));
		}
		Document page = Jsoup.parse(get(story.path()).body());
		assertThat(page.select("#komentari .comment-items > article.comment")).hasSize(20);
		Element more = page.selectFirst("#komentari-vise a");
		String href = more.attr("href");
		assertThat(href).startsWith(PUBLIC + "/komentari/" + story.id() + "/najnovije?starije=");
		assertThat(more.attr("hx-get")).isEqualTo(href);
		String path = href.substring(PUBLIC.length());

		// without JavaScript: a page of its own, back link to the story, not for search engines
		Http.Response full = get(path);
		assertThat(full.status()).isEqualTo(200);
		Document fullPage = Jsoup.parse(full.body());
		assertThat(fullPage.selectFirst("h1").text()).isEqualTo("Derbi završio neriješeno");
		assertThat(fullPage.select("article.comment")).hasSize(3);
		assertThat(fullPage.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");

		// with htmx: only the comments and no further link
		Http.Response fragment = get(path, "HX-Request", "true");
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body()).doesNotContain("<html").doesNotContain("komentari-vise");
		Document items = Jsoup.parseBodyFragment(fragment.body());
		assertThat(items.select("article.comment .comment-text").eachText()).containsExactly("Komentar broj 3",
				"Komentar broj 2", "Komentar broj 1");
		assertThat(fragment.header("Cache-Control")).isEqualTo(full.header("Cache-Control"));
	}

	@Test
	void anotherOrderIsTheListHtmxSwapsIn() {
		ServicesStub.Story story = published("kultura", "Festival počinje u petak");
		ServicesStub.StubComment old = services.comment(story, null, "Prvi", "Najstariji komentar",
				now.minusSeconds(3000));
		ServicesStub.StubComment liked = services.comment(story, null, "Drugi", "Najbolji komentar",
				now.minusSeconds(2000));
		services.comment(story, null, "Treći", "Najnoviji komentar", now.minusSeconds(1000));
		services.react(liked, 10);
		services.react(old, 1);

		Http.Response oldest = get("/komentari/" + story.id() + "/najstarije", "HX-Request", "true");
		Document list = Jsoup.parseBodyFragment(oldest.body());
		assertThat(list.selectFirst("div#komentari-popis")).isNotNull();
		assertThat(list.select(".comment-text").eachText()).containsExactly("Najstariji komentar",
				"Najbolji komentar", "Najnoviji komentar");
		assertThat(list.select(".comment-sorts a[aria-current=true]").text()).isEqualTo("Najstarije");

		Document best = Jsoup.parseBodyFragment(get("/komentari/" + story.id() + "/najbolje", "HX-Request", "true").body());
		assertThat(best.select(".comment-text").eachText().get(0)).isEqualTo("Najbolji komentar");
		assertThat(best.select(".comment-sorts a").eachAttr("hx-target")).containsOnly("#komentari-popis");
	}

	@Test
	void moreRepliesComeByTheirCursor() {
		ServicesStub.Story story = published("vijesti", "Rasprava o novom zakonu");
		ServicesStub.StubComment parent = services.comment(story, null, "Ana", "Što mislite?", now.minusSeconds(900));
		for (int i = 1; i <= 3; i++) {
			services.comment(story, parent, "Odgovor " + i, "Odgovor broj " + i, now.minusSeconds(800 - i));
		}
		Document page = Jsoup.parse(get(story.path()).body());
		Element comment = page.selectFirst("#komentar-" + parent.id());
		assertThat(comment.select(".replies > article.comment")).hasSize(ServicesStub.NESTED_REPLIES);
		Element more = comment.selectFirst("#odgovori-" + parent.id() + " a");
		String path = more.attr("href").substring(PUBLIC.length());
		assertThat(path).startsWith("/komentari/odgovori/" + parent.id() + "?starije=");

		Http.Response fragment = get(path, "HX-Request", "true");
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(Jsoup.parseBodyFragment(fragment.body()).select(".comment-text").eachText())
			.containsExactly("Odgovor broj 3");
		Http.Response full = get(path);
		assertThat(full.status()).isEqualTo(200);
		assertThat(Jsoup.parse(full.body()).selectFirst("h1").text()).isEqualTo("Rasprava o novom zakonu");
	}

	@Test
	void commentServiceDownLeavesTheArticleWithAMessage() {
		ServicesStub.Story story = published("gospodarstvo", "Inflacija usporila");
		services.commentsDown(true);
		try {
			Http.Response response = get(story.path());
			assertThat(response.status()).isEqualTo(200);
			Document page = Jsoup.parse(response.body());
			assertThat(page.selectFirst("h1").text()).isEqualTo("Inflacija usporila");
			assertThat(page.selectFirst("#komentari .comments-unavailable").text())
				.startsWith("Komentari trenutačno nisu dostupni");
		}
		finally {
			services.commentsDown(false);
		}
	}

	@Test
	void badCommentAddressesAnswerAClearPage() {
		ServicesStub.Story story = published("vijesti", "Loše adrese komentara");
		assertThat(get("/komentari/" + story.id() + "/najgore").status()).isEqualTo(404);
		assertThat(get("/komentari/" + "x".repeat(65) + "/najnovije").status()).isEqualTo(404);
		assertThat(get("/komentari/nema-takvog-clanka/najnovije").status()).isEqualTo(404);
		assertThat(get("/komentari/" + story.id() + "/najnovije?starije=%24where").status()).isEqualTo(400);
		assertThat(get("/komentari/odgovori/not-a-comment?starije=Mg").status()).isEqualTo(404);
		assertThat(get("/komentari/odgovori/c" + "a".repeat(25)).status()).isEqualTo(400);
		Http.Response bad = get("/komentari/" + story.id() + "/najnovije?starije=" + "A".repeat(400));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.header("Content-Type")).startsWith("text/html");
	}

}
