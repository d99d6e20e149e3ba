package io.shepherd.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison end to end, small: every job once on Shepherd and once on the peer (Flink, Storm), each in
 * its own JVM. What it proves is that every engine's version of every job produces exactly the right output
 * (counts per key, checksums, the recovery job's failure and restore) and that the table, the JSON and the
 * charts are written; the figures of so short a run mean nothing.
 */
class ComparisonSmokeTest {

    @Test
    void when_every_job_runs_once_on_shepherd_and_flink_then_every_output_is_exactly_right_and_the_results_are_written(
            @TempDir Path results) throws Exception {
        JsonNode json = compare(Engine.FLINK, results);

        JsonNode recovery = job(json, PeerJob.RECOVERY).get("runs");
        assertThat(recovery).allSatisfy(run -> {
            assertThat(run.get("recovery_ms").asDouble()).as(run.toString()).isPositive();
            assertThat(run.get("catch_up_ms").asDouble()).as(run.toString())
                    .isGreaterThanOrEqualTo(run.get("recovery_ms").asDouble());
        });
        JsonNode latency = job(json, PeerJob.LATENCY).get("runs");
        assertThat(latency).allSatisfy(run -> assertThat(run.get("latency_ms_p99").asDouble())
                .isGreaterThanOrEqualTo(run.get("latency_ms_p50").asDouble()).isPositive());
        assertThat(List.of("throughput.png", "recovery.png", "latency.png"))
                .allSatisfy(chart -> assertThat(Files.size(results.resolve(chart))).isPositive());
    }

    @Test
    void when_the_keyed_counts_run_once_on_shepherd_and_storm_then_no_record_is_lost(@TempDir Path results)
            throws Exception {
        JsonNode json = compare(Engine.STORM, results);

        assertThat(json.get("jobs")).extracting(job -> job.get("job").asText())
                .containsExactly(PeerJob.KEYED_COUNT.label(), PeerJob.KEYED_COUNT_ACKED.label());
        assertThat(Files.size(results.resolve("throughput.png"))).isPositive();
    }

    /** Runs every job {@code peer} has once on each engine; returns results.json after checking the basics. */
    private static JsonNode compare(Engine peer, Path results) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Comparison.class.getName(), "--peer", peer.label(),
                "--records", "200000", "--latency-seconds", "1", "--pairs", "1", "--heap", "512m",
                "--results", results.toString()));
        Path stdout = results.resolve("stdout.txt");
        Path stderr = results.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String progress = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(ended).as("the comparison ended; its progress:%n%s", progress).isTrue();
        assertThat(process.exitValue()).as("exit code; progress:%n%s", progress).isZero();

        String table = Files.readString(stdout, StandardCharsets.UTF_8);
        assertThat(table).contains("Shepherd vs " + peer.label()).doesNotContain("WRONG OUTPUT");
        JsonNode json = new ObjectMapper().readTree(results.resolve("results.json").toFile());
        assertThat(json.get("jobs")).hasSize((int) Arrays.stream(PeerJob.values()).filter(peer::runs).count());
        for (JsonNode job : json.get("jobs")) {
            assertThat(job.get("runs")).as(job.get("job").asText()).hasSize(2)
                    .allSatisfy(run -> assertThat(run.get("verified").asBoolean()).as(run.toString()).isTrue());
            assertThat(table).contains(job.get("job").asText());
        }
        assertThat(results.resolve("summary.md")).exists();
        return json;
    }

    private static JsonNode job(JsonNode json, PeerJob job) {
        for (JsonNode node : json.get("jobs")) {
            if (node.get("job").asText().equals(job.label())) {
                return node;
            }
        }
        throw new AssertionError("no results for " + job.label());
    }
}
