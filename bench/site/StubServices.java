import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * article-service's and media-service's public API as the site reads it, for bench/site/run.sh:
 * 2,000 published articles at /vijesti/clanak-<n> (ten paragraphs each, about 5 KB of text), lists
 * of the newest, an empty feed. No dependencies: `java StubServices.java <port>`. The figures
 * then measure the site, not MongoDB.
 */
public class StubServices {

	static final int ARTICLES = 2000;

	static final Instant NEWEST = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.HOURS);

	public static void main(String[] args) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 256);
		server.setExecutor(Executors.newFixedThreadPool(8));
		server.createContext("/", StubServices::handle);
		server.start();
	}

	static void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
			switch (path) {
				case "/api/v1/sections" -> send(exchange, 200, "{\"sections\":[{\"slug\":\"vijesti\",\"path\":\"vijesti\",\"name\":\"Vijesti\",\"position\":0,\"children\":[]},{\"slug\":\"sport\",\"path\":\"sport\",\"name\":\"Sport\",\"position\":1,\"children\":[]}]}");
				case "/api/v1/articles/by-path" -> {
					String wanted = URLDecoder.decode(parameter(query, "path"), StandardCharsets.UTF_8);
					int n = wanted.startsWith("/vijesti/clanak-") ? number(wanted.substring(16)) : -1;
					if (n < 0 || n >= ARTICLES) {
						send(exchange, 404, "{\"title\":\"Not found\"}");
					}
					else {
						send(exchange, 200, article(n));
					}
				}
				case "/api/v1/articles", "/api/v1/articles/search" -> {
					StringBuilder items = new StringBuilder("{\"items\":[");
					String section = parameter(query, "section");
					int asked = number(parameter(query, "limit"));
					int limit = asked < 1 ? 20 : Math.min(50, asked);
					if (section.isEmpty() || section.equals("vijesti")) {
						for (int n = 0; n < limit; n++) {
							items.append(n == 0 ? "" : ",").append(teaser(n));
						}
					}
					send(exchange, 200, items.append("],\"nextCursor\":null}").toString());
				}
				case "/api/v1/media" -> send(exchange, 200, "{\"items\":[]}");
				case "/internal/v1/articles/events/head" -> send(exchange, 200, "{\"seq\":0}");
				case "/internal/v1/articles/events" -> send(exchange, 200, "{\"events\":[]}");
				default -> {
					if (path.startsWith("/api/v1/articles/") && path.endsWith("/related")) {
						// four other stories, as article-service's related box answers
						StringBuilder items = new StringBuilder("{\"items\":[");
						for (int n = 1; n <= 4; n++) {
							items.append(n == 1 ? "" : ",").append(teaser(ARTICLES - n));
						}
						send(exchange, 200, items.append("]}").toString());
					}
					else if (path.startsWith("/api/v1/comments/articles/")) {
						send(exchange, 200, thread(path.substring("/api/v1/comments/articles/".length())));
					}
					else {
						send(exchange, 404, "{\"title\":\"Not found\"}");
					}
				}
			}
		}
	}

	/** An article's first page of comments, as comment-service answers it: 20 comments, 2 replies each. */
	static String thread(String articleId) {
		StringBuilder comments = new StringBuilder();
		for (int c = 0; c < 20; c++) {
			StringBuilder replies = new StringBuilder();
			for (int r = 0; r < 2; r++) {
				replies.append(r == 0 ? "" : ",").append(comment(articleId, c * 10 + r + 1, "[]"));
			}
			comments.append(c == 0 ? "" : ",").append(comment(articleId, c * 10, "[" + replies + "]"));
		}
		return "{\"articleId\":\"" + articleId + "\",\"sort\":\"newest\",\"count\":120,\"comments\":[" + comments
				+ "],\"next\":\"MjA\"}";
	}

	static String comment(String articleId, int n, String replies) {
		String id = "c" + "a".repeat(25 - Integer.toString(n).length()) + Integer.toString(n).replace('0', 'k')
			.replace('1', 'b').replace('8', 'm').replace('9', 'n');
		return "{\"id\":\"" + id + "\",\"articleId\":\"" + articleId + "\",\"author\":{\"id\":\"u" + n
				+ "\",\"name\":\"Čitatelj " + n + "\"},\"text\":\"Komentar broj " + n
				+ ": slažem se s dijelom plana, ali biciklističke staze trebale bi ići i kroz Novi Zagreb.\",\"status\":\"visible\",\"createdAt\":\""
				+ NEWEST.minus(n, ChronoUnit.MINUTES) + "\",\"edited\":false,\"reactionCount\":" + (n % 7)
				+ ",\"replyCount\":" + (replies.equals("[]") ? 0 : 2) + ",\"replies\":" + replies + "}";
	}

	static String teaser(int n) {
		return "{\"id\":\"a" + n + "\",\"slug\":\"clanak-" + n + "\",\"headline\":\"Naslov članka broj " + n
				+ " o gradu i ljudima\",\"standfirst\":\"Kratki uvod u članak broj " + n
				+ ".\",\"section\":\"vijesti\",\"tags\":[\"Grad\"],\"authors\":[{\"id\":\"u1\",\"name\":\"Ana Anić\"}],\"language\":\"hr\",\"publishedAt\":\""
				+ NEWEST.minus(n, ChronoUnit.MINUTES) + "\"}";
	}

	static String article(int n) {
		StringBuilder body = new StringBuilder();
		for (int p = 0; p < 10; p++) {
			body.append(p == 0 ? "" : ",")
				.append("{\"type\":\"paragraph\",\"text\":\"Odlomak ").append(p)
				.append(": gradsko vijeće raspravljalo je o prometu, novim biciklističkim stazama, javnom prijevozu i obnovi trgova u središtu grada, a građani su na javnom savjetovanju poslali više od tisuću prijedloga i primjedbi na plan koji će se provoditi sljedećih pet godina.\"}");
		}
		String at = NEWEST.minus(n, ChronoUnit.MINUTES).toString();
		return "{\"id\":\"a" + n + "\",\"slug\":\"clanak-" + n + "\",\"language\":\"hr\",\"headline\":\"Naslov članka broj " + n
				+ " o gradu i ljudima\",\"standfirst\":\"Kratki uvod u članak broj " + n + ".\",\"body\":[" + body
				+ "],\"authors\":[\"Ana Anić\"],\"section\":\"vijesti\",\"tags\":[\"Grad\",\"Promet\"],\"publishedAt\":\"" + at
				+ "\",\"firstPublishedAt\":\"" + at + "\",\"updatedAt\":\"" + at
				+ "\",\"wordCount\":400,\"readingMinutes\":2,\"corrections\":[],\"commentsOpen\":true}";
	}

	static String parameter(String query, String name) {
		for (String pair : query.split("&")) {
			if (pair.startsWith(name + "=")) {
				return pair.substring(name.length() + 1);
			}
		}
		return "";
	}

	static int number(String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
