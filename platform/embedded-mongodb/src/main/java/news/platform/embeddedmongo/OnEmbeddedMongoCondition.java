package news.platform.embeddedmongo;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when the {@code local} profile is active and no real MongoDB is configured: neither
 * {@code spring.mongodb.uri} nor {@code spring.mongodb.host} has a value (an empty value, as left by
 * {@code ${MONGODB_URI:}}, counts as not set).
 */
class OnEmbeddedMongoCondition extends SpringBootCondition {

    static final String PROFILE = "local";

    static final List<String> MONGODB_PROPERTIES = List.of("spring.mongodb.uri", "spring.mongodb.host");

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        ConditionMessage.Builder message = ConditionMessage.forCondition("Embedded MongoDB");
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return ConditionOutcome.noMatch(message.because("profile '" + PROFILE + "' is not active (active: "
                + Arrays.toString(environment.getActiveProfiles()) + ")"));
        }
        for (String property : MONGODB_PROPERTIES) {
            if (StringUtils.hasText(environment.getProperty(property))) {
                return ConditionOutcome.noMatch(
                    message.because("profile '" + PROFILE + "' is active but " + property + " is set: using that MongoDB"));
            }
        }
        return ConditionOutcome.match(message.because("profile '" + PROFILE + "' is active and none of "
            + String.join(", ", MONGODB_PROPERTIES) + " is set"));
    }
}
