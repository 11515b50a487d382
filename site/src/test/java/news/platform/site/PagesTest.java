package news.platform.site;

import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import news.platform.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The pages over HTTP: status codes, redirects, headers, escaping, bad input. */
class PagesTest extends SiteTest {

	@Test
	void theHomePageShowsPublishedStoriesAndNeverADraft() {
		ServicesStub.Story story = published("vijesti", "Novi most preko Save otvoren");
		ServicesStub.Story draft = services.draft(unique("id"), unique("nacrt"), "vijesti", "Tajni nacrt priče", null,
				"Tekst.");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Http.Response home = get("/");
			assertThat(home.status()).isEqualTo(200);
			assertThat(home.body()).contains("Novi most preko Save otvoren").doesNotContain("Tajni nacrt");
		});
		Http.Response home = get("/");
		assertThat(home.header("Content-Type")).startsWith("text/html");
		assertThat(home.header("Cache-Control")).startsWith("public").contains("max-age=", "stale-while-revalidate",
				"stale-if-error");
		assertThat(home.header("ETag")).matches("\"[^\"]+\"");
		assertThat(home.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(home.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
		Document page = Jsoup.parse(home.body());
		assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(PUBLIC + "/");
		assertThat(page.select("a[href=" + PUBLIC + story.path() + "], a[href=" + story.path() + "]")).isNotEmpty();
		assertThat(page.select("script[src]")).as("nothing on the home page for htmx to enhance").isEmpty();
		assertThat(get(draft.path()).status()).isEqualTo(404);
	}

	@Test
	void anUnchangedPageAnswers304ToItsEtag() {
		published("sport", "Pobjeda u posljednjoj minuti");
		// a copy of /sport made before the feed brought the story would change under the test
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get("/sport").body()).contains("Pobjeda u posljednjoj minuti"));
		String etag = get("/sport").header("ETag");
		Http.Response again = get("/sport", "If-None-Match", etag);
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		Http.Response gzip = get("/sport", "Accept-Encoding", "gzip");
		assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
		assertThat(gzip.header("ETag")).isNotEqualTo(etag);
		assertThat(gzip.header("Vary")).contains("Accept-Encoding");
	}

	@Test
	void cachedAnswersAreCountedWithEveryOtherRequest() {
		published("kultura", "Nova izložba u Klovićevim dvorima");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get("/kultura").body()).contains("Nova izložba u Klovićevim dvorima"));
		// answered from the cache ahead of the request observation, which therefore does not count it:
		// the fast path records it in the same timer, with the same tags
		String etag = get("/kultura").header("ETag");
		assertThat(get("/kultura", "If-None-Match", etag).status()).isEqualTo(304);
		String metrics = Http.get("http://localhost:" + this.managementPort + "/actuator/prometheus").body();
		assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"GET\""
				+ "[^}]*outcome=\"REDIRECTION\"[^}]*status=\"304\"[^}]*uri=\"/\\*\\*\"[^}]*} [1-9]");
		assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/\\*\\*\"");
	}

	@Test
	void theArticlePageCarriesItsStoryAndWhatSearchEnginesRead() throws Exception {
		published("vijesti/hrvatska", "Tramvajska pruga do Blata");
		ServicesStub.Story story = published("vijesti/hrvatska", "Zagreb dobiva novi tramvaj");
		Http.Response response = get(story.path());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Server-Timing")).contains("render;dur=");
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("Zagreb dobiva novi tramvaj");
		assertThat(page.select(".story-body p")).extracting(Element::text)
			.contains("Prvi odlomak priče.", "Drugi odlomak priče.");
		assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(PUBLIC + story.path());
		assertThat(page.selectFirst("meta[property=og:title]").attr("content")).isEqualTo("Zagreb dobiva novi tramvaj");
		assertThat(page.select("meta[name=twitter:card]")).isNotEmpty();
		JsonNode ld = JsonMapper.builder().build().readTree(page.selectFirst("script[type=application/ld+json]").data());
		assertThat(ld.path("@type").asString()).isEqualTo("NewsArticle");
		assertThat(ld.path("headline").asString()).isEqualTo("Zagreb dobiva novi tramvaj");
		assertThat(ld.path("inLanguage").asString()).isEqualTo("hr");
		assertThat(ld.path("datePublished").asString()).isNotEmpty();
		assertThat(ld.path("publisher").isMissingNode()).isFalse();
		assertThat(response.body().length()).isLessThan(50_000);
		// article-service's related stories (GET /api/v1/articles/{id}/related), never the story itself
		assertThat(page.select("section.related a")).extracting(Element::text)
			.contains("Tramvajska pruga do Blata")
			.doesNotContain("Zagreb dobiva novi tramvaj");
	}

	@Test
	void richTextRendersAsLinksEmphasisAndListsAndAnUnsafeLinkAsText() {
		ServicesStub.Story story = published("vijesti", "Izvješće o mostu objavljeno");
		// article-service's shape (its README, "Rich text"): marks are code-point ranges over the text
		story.richBody = java.util.List.of(
				java.util.Map.of("type", "paragraph", "text", "Čačak je objavio izvješće 😀 o mostu.", "marks",
						java.util.List.of(java.util.Map.of("type", "bold", "start", 0, "end", 5),
								java.util.Map.of("type", "link", "start", 17, "end", 25, "href", "https://cacak.rs/izvjesce"),
								java.util.Map.of("type", "link", "start", 27, "end", 35, "href", "javascript:alert(1)"))),
				java.util.Map.of("type", "list", "ordered", true, "items",
						java.util.List.of(java.util.Map.of("text", "prva stavka", "marks",
								java.util.List.of(java.util.Map.of("type", "italic", "start", 0, "end", 4))),
								java.util.Map.of("text", "druga stavka"))));

		Document page = Jsoup.parse(get(story.path()).body());

		Element paragraph = page.selectFirst(".story-body p");
		assertThat(paragraph.text()).isEqualTo("Čačak je objavio izvješće 😀 o mostu.");
		assertThat(paragraph.select("strong").text()).isEqualTo("Čačak");
		assertThat(paragraph.select("a").eachAttr("href")).containsExactly("https://cacak.rs/izvjesce");
		assertThat(paragraph.select("a").text()).isEqualTo("izvješće");
		assertThat(page.select(".story-body ol > li")).extracting(Element::text).containsExactly("prva stavka", "druga stavka");
		assertThat(page.select(".story-body ol > li em").text()).isEqualTo("prva");
		assertThat(page.html()).doesNotContain("javascript:");
	}

	@Test
	void headlinesAreTextNeverMarkup() {
		ServicesStub.Story story = published("sport", "<script>alert(1)</script> i </script><b>ostalo</b> & više");
		Http.Response response = get(story.path());
		assertThat(response.status()).isEqualTo(200);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("<script>alert(1)</script> i </script><b>ostalo</b> & više");
		assertThat(page.select("script")).allSatisfy(script -> assertThat(script.data()).doesNotContain("alert(1)</"));
		String ld = page.selectFirst("script[type=application/ld+json]").data();
		assertThat(ld).doesNotContain("<").doesNotContain(">").contains("\\u003c");
		assertThat(page.select("b")).isEmpty();
	}

	@Test
	void anOldSlugOrAnotherSectionAnswers301ToTheCanonicalUrl() {
		ServicesStub.Story story = published("sport", "Rukometaši u polufinalu");
		String old = story.path();
		services.rename(story, unique("rukometasi"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Http.Response moved = get(old);
			assertThat(moved.status()).isEqualTo(301);
			assertThat(moved.header("Location")).isEqualTo(PUBLIC + story.path());
		});
		Http.Response wrongSection = get("/vijesti/" + story.path().substring(story.path().lastIndexOf('/') + 1));
		assertThat(wrongSection.status()).isEqualTo(301);
		assertThat(wrongSection.header("Location")).isEqualTo(PUBLIC + story.path());
	}

	@Test
	void aDraftAndAnUnknownPathAnswerTheSame404() {
		ServicesStub.Story draft = services.draft(unique("id"), unique("skriveno"), "sport", "Skrivena priča", null,
				"Tekst.");
		Http.Response ofDraft = get(draft.path());
		Http.Response unknown = get("/sport/" + unique("nepoznato"));
		assertThat(ofDraft.status()).isEqualTo(404);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(ofDraft.body()).isEqualTo(unknown.body()).doesNotContain("Skrivena");
		assertThat(get("/nema/takve/stranice/uopce").status()).isEqualTo(404);
	}

	@Test
	void anUnpublishedStoryAnswers410() {
		ServicesStub.Story story = published("sport", "Priča koja nestaje");
		assertThat(get(story.path()).status()).isEqualTo(200);
		services.unpublish(story);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get(story.path()).status()).isEqualTo(410));
		assertThat(get(story.path()).body()).doesNotContain("Priča koja nestaje");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get("/sport").body()).doesNotContain("Priča koja nestaje"));
	}

	@Test
	void aForeignHostIsNeverReflected() {
		ServicesStub.Story story = published("sport", "Domaćin nije naš");
		String slug = story.path().substring(story.path().lastIndexOf('/') + 1);
		for (String path : new String[] { "/", story.path(), "/vijesti/" + slug }) {
			Http.Response response = get(path + "?x=1", "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto",
					"http");
			assertThat(response.body()).doesNotContain("evil.example");
			assertThat(String.valueOf(response.header("Location"))).doesNotContain("evil.example");
		}
	}

	@Test
	void badInputAnswersCalmly() {
		assertThat(get("/" + "a".repeat(5000)).status()).isEqualTo(404);
		assertThat(get("/sport?starije=" + "x".repeat(5000)).status()).isEqualTo(400);
		assertThat(get("/sport?starije=nije-kursor").status()).isEqualTo(400);
		assertThat(get("/sport?starije=%00%01").status()).isEqualTo(400);
		Http.Response search = get("/trazi?q=" + java.net.URLEncoder.encode("most AND (\"x OR y*) ~2 \u0001\u0007",
				java.nio.charset.StandardCharsets.UTF_8));
		assertThat(search.status()).isEqualTo(200);
		assertThat(search.header("X-Robots-Tag")).contains("noindex");
	}

	@Test
	void searchShowsHighlightedResultsAndIsNotIndexed() {
		published("vijesti", "Vatrogasci spasili mačku");
		Http.Response response = get("/trazi?q=Vatrogasci");
		assertThat(response.status()).isEqualTo(200);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("mark")).extracting(Element::text).contains("Vatrogasci");
		assertThat(page.selectFirst("meta[name=robots]").attr("content")).contains("noindex");
	}

	@Test
	void aParentSectionIncludesItsSubsectionsAndPagesBackByKeyset() {
		for (int i = 0; i < 23; i++) {
			published("vijesti/hrvatska", "Vijest iz Hrvatske broj " + i);
		}
		Document first = Jsoup.parse(get("/vijesti").body());
		assertThat(first.select("h1").text()).isEqualTo("Vijesti");
		assertThat(first.text()).contains("Vijest iz Hrvatske broj 22");
		assertThat(first.select("article.teaser h2")).as("teasers right under the page's h1").isNotEmpty();
		assertThat(first.select("article.teaser h3")).isEmpty();
		Element older = first.selectFirst("a[rel=next]");
		assertThat(older).isNotNull();
		assertThat(first.select("script[src]").eachAttr("src")).as("htmx loads older stories in place")
			.anyMatch(src -> src.matches("/assets/htmx\\.[0-9a-f]{8,}\\.js"));
		String href = older.attr("href");
		assertThat(href).contains("starije=").doesNotContain("page=");
		String path = href.startsWith("http") ? href.substring(PUBLIC.length()) : href;
		Http.Response second = get(path);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.body()).doesNotContain("Vijest iz Hrvatske broj 22<");
		assertThat(Jsoup.parse(second.body()).text()).contains("Vijest iz Hrvatske broj 0");
	}

	@Test
	void tagAndAuthorPagesListTheirStoriesAndTheArticleLinksThem() {
		ServicesStub.Story story = published("sport", "Oznake i autori na stranici");
		Document article = Jsoup.parse(get(story.path()).body());
		String tag = article.selectFirst("a[rel=tag]").attr("href");
		String author = article.selectFirst("a[rel=author]").attr("href");
		assertThat(tag).endsWith("/tag/promet");
		assertThat(author).endsWith("/autor/ana-anic");
		for (String href : new String[] { tag, author }) {
			Http.Response page = get(href.startsWith("http") ? href.substring(PUBLIC.length()) : href);
			assertThat(page.status()).as(href).isEqualTo(200);
			assertThat(page.body()).contains("Oznake i autori na stranici");
		}
		assertThat(get("/tag/" + unique("nepostojeca")).status()).isEqualTo(404);
	}

	@Test
	void aPreviewLinkShowsTheDraftWithABannerAndIsNeverCached() {
		ServicesStub.Story draft = services.draft(unique("id"), unique("pregled"), "sport", "Nacrt za pregled", null,
				"Tekst nacrta.");
		Http.Response preview = get("/pregled?token=" + services.previewToken(draft));
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.header("Cache-Control")).isEqualTo("private, no-store");
		assertThat(preview.header("X-Robots-Tag")).contains("noindex");
		Document page = Jsoup.parse(preview.body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("Nacrt za pregled");
		assertThat(page.select(".preview-banner")).isNotEmpty();
		assertThat(page.select("link[rel=canonical]")).isEmpty();
		assertThat(get("/pregled?token=pt_nepoznat0000000000000").status()).isEqualTo(404);
		assertThat(get(draft.path()).status()).isEqualTo(404);
	}

	@Test
	void staticFilesHaveHashedNamesAndLiveLong() {
		Document home = Jsoup.parse(get("/").body());
		String css = home.selectFirst("link[rel=stylesheet]").attr("href");
		assertThat(css).matches("/assets/site\\.[0-9a-f]{8,}\\.css");
		Http.Response file = get(css);
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.header("Cache-Control")).contains("immutable");
		assertThat(get("/assets/nema.css").status()).isEqualTo(404);
	}

}
