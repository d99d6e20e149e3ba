package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.cli.CommandRun;
import io.shepherd.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps the README's API example true: it is this package's WordCounts, and it runs. */
class ReadmeExampleTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path EXAMPLE = Path.of("src", "test", "java", "com", "example", "WordCounts.java");

    @Test
    void when_the_readme_shows_the_example_then_it_is_word_for_word_the_tested_class() throws IOException {
        String readme = Files.readString(README);
        Matcher block = Pattern.compile("```java\\n(package com\\.example;.*?)```", Pattern.DOTALL).matcher(readme);

        assertThat(block.find()).as("a java block with package com.example in README.md").isTrue();
        assertThat(block.group(1)).isEqualTo(Files.readString(EXAMPLE));
    }

    @Test
    void when_the_example_runs_then_every_word_is_counted() throws Exception {
        CollectSink<Tuple2<String, Long>> sink = new CollectSink<>();
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        new WordCounts(sink).build(env, Map.of());

        env.execute("word counts");

        Map<String, Long> finalCounts = new TreeMap<>();
        sink.results().forEach(count -> finalCounts.merge(count.f0(), count.f1(), Math::max));
        sink.clear();
        assertThat(finalCounts).isEqualTo(Map.of(
                "to", 2L, "be", 2L, "or", 1L, "not", 1L, "that", 1L, "is", 1L, "the", 1L, "question", 1L));
    }

    @Test
    void when_the_example_is_run_by_the_command_then_it_finishes() {
        CommandRun run = CommandRun.of("run", "--class", WordCounts.class.getName(), "--parallelism", "2");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("job 'WordCounts' finished").contains("10 into sinks");
    }
}
