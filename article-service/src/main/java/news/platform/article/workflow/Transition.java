package news.platform.article.workflow;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import news.platform.article.story.ArticleStatus;

import static news.platform.article.story.ArticleStatus.DRAFT;
import static news.platform.article.story.ArticleStatus.IN_REVIEW;
import static news.platform.article.story.ArticleStatus.PUBLISHED;
import static news.platform.article.story.ArticleStatus.SCHEDULED;
import static news.platform.article.story.ArticleStatus.UNPUBLISHED;

/** The workflow's moves: from which states each applies, and whether a journalist may make it. */
enum Transition {

	SUBMIT("submit", EnumSet.of(DRAFT), true), REJECT("reject", EnumSet.of(IN_REVIEW), false),
	PUBLISH("publish", EnumSet.of(DRAFT, IN_REVIEW, SCHEDULED, UNPUBLISHED), false),
	SCHEDULE("schedule", EnumSet.of(DRAFT, IN_REVIEW, SCHEDULED, UNPUBLISHED), false),
	UNSCHEDULE("unschedule", EnumSet.of(SCHEDULED), false), UNPUBLISH("unpublish", EnumSet.of(PUBLISHED), false),
	CORRECT("corrections", EnumSet.of(PUBLISHED), false);

	final String action;

	final Set<ArticleStatus> from;

	final boolean journalistMay;

	Transition(String action, Set<ArticleStatus> from, boolean journalistMay) {
		this.action = action;
		this.from = from;
		this.journalistMay = journalistMay;
	}

	static List<String> allowedFrom(ArticleStatus status) {
		return java.util.Arrays.stream(values()).filter(t -> t.from.contains(status)).map(t -> t.action).toList();
	}

}
