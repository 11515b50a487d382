package news.platform.embeddedmongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

class EmbeddedMongoAutoConfigurationTest {

    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(EmbeddedMongoAutoConfiguration.class, MongoAutoConfiguration.class));

    private ApplicationContextRunner local(Path file) {
        return runner.withPropertyValues("spring.profiles.active=local", "platform.mongodb.embedded.path=" + file);
    }

    @Test
    void localProfileWithoutUriStartsTheEmbeddedServerAndDataPersistsAcrossContexts() {
        Path file = dir.resolve("data").resolve("article-service").resolve("mongodb.mv.db");
        local(file).withPropertyValues("spring.mongodb.database=articles").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EmbeddedMongoServer.class);
            EmbeddedMongoServer server = context.getBean(EmbeddedMongoServer.class);
            assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getConnectionString())
                .isEqualTo(server.connectionString() + "/articles");
            assertThat(server.address().getAddress().isLoopbackAddress()).as("bound to loopback").isTrue();
            assertThat(server.file()).contains(file.toAbsolutePath().normalize());
            context.getBean(MongoClient.class).getDatabase("articles").getCollection("articles")
                .insertOne(new Document("_id", "first").append("title", "Hello"));
        });
        assertThat(file).as("folder and file created").exists();

        local(file).run(context -> {
            assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getDatabase())
                .as("database defaults to test").isEqualTo("test");
            Document article = context.getBean(MongoClient.class).getDatabase("articles").getCollection("articles")
                .find(Filters.eq("_id", "first")).first();
            assertThat(article).as("written by the first context").isNotNull();
            assertThat(article.getString("title")).isEqualTo("Hello");
        });
    }

    @Test
    void defaultPathComesFromTheApplicationName() {
        EmbeddedMongoProperties defaults = new EmbeddedMongoProperties(true, EmbeddedMongoProperties.Backend.H2, null,
            "127.0.0.1", 0);
        assertThat(defaults.resolvePath("comment-service")).isEqualTo(Path.of("./data/comment-service/mongodb.mv.db"));
        assertThat(defaults.resolvePath(null)).isEqualTo(Path.of("./data/application/mongodb.mv.db"));
    }

    @Test
    void memoryBackendKeepsNoFile() {
        runner.withPropertyValues("spring.profiles.active=local", "platform.mongodb.embedded.backend=memory",
            "platform.mongodb.embedded.path=" + dir.resolve("unused.mv.db")).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(EmbeddedMongoServer.class).file()).isEmpty();
                context.getBean(MongoClient.class).getDatabase("test").getCollection("c").insertOne(new Document("a", 1));
            });
        assertThat(dir.resolve("unused.mv.db")).doesNotExist();
    }

    @Test
    void configuredUriMeansNoEmbeddedServer() {
        local(dir.resolve("unused.mv.db")).withPropertyValues("spring.mongodb.uri=mongodb://db.example.invalid:27017/news")
            .run(context -> {
                assertThat(context).doesNotHaveBean(EmbeddedMongoServer.class);
                assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getHosts())
                    .containsExactly("db.example.invalid:27017");
            });
        local(dir.resolve("unused.mv.db")).withPropertyValues("spring.mongodb.host=db.example.invalid")
            .run(context -> assertThat(context).doesNotHaveBean(EmbeddedMongoServer.class));
        assertThat(dir.resolve("unused.mv.db")).doesNotExist();
    }

    @Test
    void emptyUriCountsAsNotSet() {
        // what spring.mongodb.uri=${MONGODB_URI:} leaves when MONGODB_URI is not set
        local(dir.resolve("empty-uri.mv.db")).withPropertyValues("spring.mongodb.uri=")
            .run(context -> assertThat(context).hasSingleBean(EmbeddedMongoServer.class));
    }

    @Test
    void withoutLocalProfileNoEmbeddedServer() {
        runner.withPropertyValues("platform.mongodb.embedded.path=" + dir.resolve("unused.mv.db"))
            .run(context -> assertThat(context).doesNotHaveBean(EmbeddedMongoServer.class));
        runner.withPropertyValues("spring.profiles.active=prod", "platform.mongodb.embedded.path=" + dir.resolve("unused.mv.db"))
            .run(context -> assertThat(context).doesNotHaveBean(EmbeddedMongoServer.class));
        assertThat(dir.resolve("unused.mv.db")).doesNotExist();
    }

    @Test
    void disabledByProperty() {
        local(dir.resolve("unused.mv.db")).withPropertyValues("platform.mongodb.embedded.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean(EmbeddedMongoServer.class));
    }

    @Test
    void conditionReportSaysWhy() {
        local(dir.resolve("unused.mv.db")).withPropertyValues("spring.mongodb.uri=mongodb://db.example.invalid/news")
            .run(context -> assertThat(embeddedMongoOutcomes(context))
                .anySatisfy(message -> assertThat(message).contains("spring.mongodb.uri is set")));
        runner.run(context -> assertThat(embeddedMongoOutcomes(context))
            .anySatisfy(message -> assertThat(message).contains("profile 'local' is not active")));
        local(dir.resolve("report.mv.db")).run(context -> assertThat(embeddedMongoOutcomes(context))
            .anySatisfy(message -> assertThat(message)
                .contains("profile 'local' is active and none of spring.mongodb.uri, spring.mongodb.host is set")));
    }

    private static List<String> embeddedMongoOutcomes(AssertableApplicationContext context) {
        ConditionEvaluationReport report = ConditionEvaluationReport.get(context.getBeanFactory());
        return report.getConditionAndOutcomesBySource().get(EmbeddedMongoAutoConfiguration.class.getName()).stream()
            .map(conditionAndOutcome -> conditionAndOutcome.getOutcome().getMessage())
            .toList();
    }

    @Test
    void lockedFileFailsWithAnExplanation() {
        Path file = dir.resolve("locked.mv.db");
        try (EmbeddedMongoServer other = EmbeddedMongoServer.startDurable(file)) {
            local(file).run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new EmbeddedMongoFileLockedFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis).isNotNull();
                assertThat(analysis.getDescription()).contains(file.toAbsolutePath().toString()).contains("locked");
                assertThat(analysis.getAction()).contains("platform.mongodb.embedded.path").contains("MONGODB_URI");
            });
        }
    }

    @Test
    void registeredForBoot() {
        ClassLoader classLoader = getClass().getClassLoader();
        assertThat(ImportCandidates.load(AutoConfiguration.class, classLoader).getCandidates())
            .contains(EmbeddedMongoAutoConfiguration.class.getName());
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(classLoader)
            .load(FailureAnalyzer.class, null, (factoryType, implementation, failure) -> {
                // Boot's own analyzers need a bean factory or environment as constructor argument; only ours matters
            });
        assertThat(analyzers).hasAtLeastOneElementOfType(EmbeddedMongoFileLockedFailureAnalyzer.class);
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation(classLoader).load(EnvironmentPostProcessor.class, null,
            (factoryType, implementation, failure) -> {
            })).hasAtLeastOneElementOfType(EmbeddedMongoLoggingDefaults.class);
    }

    @Test
    void mongoJavaServerLogsAtWarnUnlessConfigured() {
        StandardEnvironment environment = new StandardEnvironment();
        new EmbeddedMongoLoggingDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("logging.level.de.bwaldvogel.mongo")).isEqualTo("warn");

        StandardEnvironment configured = new StandardEnvironment();
        configured.getPropertySources().addFirst(
            new MapPropertySource("test", Map.of("logging.level.de.bwaldvogel.mongo", "debug")));
        new EmbeddedMongoLoggingDefaults().postProcessEnvironment(configured, new SpringApplication());
        assertThat(configured.getProperty("logging.level.de.bwaldvogel.mongo")).isEqualTo("debug");
    }
}
