package io.shepherd.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.Job;
import io.shepherd.cli.CommandRun;
import io.shepherd.cli.ExitCodes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path temp;

    @Test
    void when_a_job_class_is_on_the_class_path_then_it_runs_configured_and_is_summed_up() {
        CommandRun run = CommandRun.of(
                "run", "--class", SquaresJob.class.getName(), "--parallelism", "3", "-D", "n=1000", "-D", "flag");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(SquaresJob.seenParallelism).isEqualTo(3);
        assertThat(SquaresJob.seenArgs).isEqualTo(Map.of("n", "1000", "flag", ""));
        assertThat(run.out()).contains("job 'SquaresJob' finished").contains("1,000 records from sources");
        assertThat(run.out()).containsPattern("square\\s+1,000\\s+1,000\\s+0");
    }

    @Test
    void when_a_class_has_a_main_method_then_it_is_called_with_the_arguments() {
        CommandRun run = CommandRun.of(
                "run", "--class", MainJob.class.getName(), "-D", "main.job.greeting=hello", "--", "a", "--b");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(MainJob.seenArgs).containsExactly("a", "--b");
        assertThat(MainJob.seenProperty).isEqualTo("hello");
    }

    @Test
    void when_config_options_are_given_for_a_main_method_then_a_warning_says_they_are_ignored() {
        CommandRun run = CommandRun.of("run", "--class", MainJob.class.getName(), "--parallelism", "4");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("--parallelism ignored").contains("implement io.shepherd.api.Job");
    }

    @Test
    void when_the_job_class_is_in_a_jar_then_it_and_its_functions_load_from_the_jar() throws Exception {
        Path jar = compileIntoJar("com.example.jobs.Evens", """
                package com.example.jobs;

                import io.shepherd.api.Job;
                import io.shepherd.api.StreamEnvironment;
                import io.shepherd.api.sink.DiscardingSink;
                import java.util.Map;
                import java.util.stream.LongStream;

                public final class Evens implements Job {
                    @Override
                    public void build(StreamEnvironment env, Map<String, String> args) {
                        env.fromCollection(LongStream.range(0, 500).boxed().toList())
                                .filter(x -> x % 2 == 0)
                                .name("evens")
                                .sink(new DiscardingSink<>());
                    }
                }
                """);

        CommandRun run = CommandRun.of("run", "--jar", jar.toString(), "--class", "com.example.jobs.Evens");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("job 'Evens' finished").contains("250 into sinks");
    }

    @Test
    void when_the_job_fails_then_exit_is_1_and_the_error_names_the_operator() {
        CommandRun run = CommandRun.of("run", "--class", FailingJob.class.getName(), "--parallelism", "1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("run: job 'FailingJob' failed").contains("picky");
    }

    @Test
    void when_the_job_cannot_be_built_then_exit_is_2_and_its_message_is_shown() {
        CommandRun run = CommandRun.of("run", "--class", PickyArgumentsJob.class.getName());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("could not be built: no input given: pass -D input=PATH");
    }

    @Test
    void when_the_class_does_not_exist_then_exit_is_2_and_the_message_names_it() {
        CommandRun run = CommandRun.of("run", "--class", "com.example.NoSuchJob");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no class com.example.NoSuchJob on the class path").contains("--jar");
    }

    @Test
    void when_the_jar_does_not_exist_then_exit_is_2_and_the_message_names_it() {
        Path missing = temp.resolve("missing.jar");

        CommandRun run = CommandRun.of("run", "--jar", missing.toString(), "--class", "com.example.Job");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no jar at " + missing);
    }

    @Test
    void when_the_jar_is_not_a_jar_then_exit_is_2() throws IOException {
        Path notAJar = Files.writeString(temp.resolve("job.jar"), "plain text");

        CommandRun run = CommandRun.of("run", "--jar", notAJar.toString(), "--class", "com.example.Job");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(notAJar + " is not a readable jar");
    }

    @Test
    void when_the_class_is_neither_a_job_nor_has_a_main_then_exit_is_2_and_it_says_what_is_needed() {
        CommandRun run = CommandRun.of("run", "--class", NotAJob.class.getName());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("neither implements io.shepherd.api.Job nor has a public static void main");
    }

    @Test
    void when_a_job_has_no_public_no_argument_constructor_then_exit_is_2() {
        CommandRun run = CommandRun.of("run", "--class", JobWithoutDefaultConstructor.class.getName());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("needs a public no-argument constructor");
    }

    @Test
    void when_the_class_option_is_missing_then_exit_is_2() {
        CommandRun run = CommandRun.of("run");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing required option: '--class=CLASS'");
    }

    @Test
    void when_the_parallelism_is_zero_then_exit_is_2() {
        CommandRun run = CommandRun.of("run", "--class", SquaresJob.class.getName(), "--parallelism", "0");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("parallelism must be at least 1");
    }

    @Test
    void when_a_job_gets_positional_arguments_then_exit_is_2_and_it_says_to_use_D() {
        CommandRun run = CommandRun.of("run", "--class", SquaresJob.class.getName(), "extra");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("-D key=value");
    }

    /** Compiles one class against the Shepherd API and packs it alone into a jar. */
    private Path compileIntoJar(String className, String source) throws IOException, URISyntaxException {
        Path sources = Files.createDirectories(temp.resolve("src"));
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Path file = sources.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(file, source);
        String apiClassPath = Path.of(Job.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null,
                "--release", "17", "-classpath", apiClassPath, "-d", classes.toString(), file.toString());
        assertThat(status).as("javac exit status").isZero();

        Path jar = temp.resolve("jobs.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path classFile : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
                Files.copy(classFile, (OutputStream) out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
