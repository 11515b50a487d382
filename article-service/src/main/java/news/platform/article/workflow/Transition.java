package news.platform.article.workflow;

import news.platform.article.access.Action;

/**
 * The workflow's moves as the endpoints name them, each one of the {@link Action}s whose rule table
 * says from which states it applies and who may make it.
 */
enum Transition {

	SUBMIT("submit", Action.SUBMIT), REJECT("reject", Action.RETURN), PUBLISH("publish", Action.PUBLISH),
	SCHEDULE("schedule", Action.SCHEDULE), UNSCHEDULE("unschedule", Action.UNSCHEDULE),
	UNPUBLISH("unpublish", Action.UNPUBLISH), CORRECT("corrections", Action.CORRECT);

	final String action;

	final Action rule;

	Transition(String action, Action rule) {
		this.action = action;
		this.rule = rule;
	}

}
