package io.shepherd.bench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one run measured; NaN where the job does not measure it.
 *
 * @param recordsPerSecond source records per second in the steady middle of the run (between 10% and 90%
 *     of the output)
 * @param startupMillis from submitting the job to the first record at a sink (not for the window job, whose
 *     first output waits for the first window to close)
 * @param wallMillis from submitting the job to its end
 * @param recoveryMillis from the injected failure to the first record counted after the restore
 * @param catchUpMillis from the injected failure until every source had replayed past where it failed
 * @param verified whether the output was exactly right (counts per key, checksums)
 * @param detail what was wrong, if it was not
 */
record RunResult(
        Engine engine, PeerJob job, long records, int parallelism, double rate,
        double recordsPerSecond, double startupMillis, double wallMillis,
        double latencyP50Millis, double latencyP99Millis, double latencyP999Millis,
        double recoveryMillis, double catchUpMillis, boolean verified, String detail) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String json() {
        ObjectNode node = JSON.createObjectNode()
                .put("engine", engine.label())
                .put("job", job.label())
                .put("records", records)
                .put("parallelism", parallelism)
                .put("rate", rate);
        putNumber(node, "records_per_second", recordsPerSecond);
        putNumber(node, "startup_ms", startupMillis);
        putNumber(node, "wall_ms", wallMillis);
        putNumber(node, "latency_ms_p50", latencyP50Millis);
        putNumber(node, "latency_ms_p99", latencyP99Millis);
        putNumber(node, "latency_ms_p999", latencyP999Millis);
        putNumber(node, "recovery_ms", recoveryMillis);
        putNumber(node, "catch_up_ms", catchUpMillis);
        node.put("verified", verified);
        node.put("detail", detail);
        return node.toString();
    }

    static RunResult fromJson(String line) throws java.io.IOException {
        JsonNode node = JSON.readTree(line);
        return new RunResult(Engine.fromLabel(node.get("engine").asText()), PeerJob.fromLabel(node.get("job").asText()),
                node.get("records").asLong(), node.get("parallelism").asInt(), node.get("rate").asDouble(),
                number(node, "records_per_second"), number(node, "startup_ms"), number(node, "wall_ms"),
                number(node, "latency_ms_p50"), number(node, "latency_ms_p99"), number(node, "latency_ms_p999"),
                number(node, "recovery_ms"), number(node, "catch_up_ms"), node.get("verified").asBoolean(),
                node.get("detail").asText());
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, Math.round(value * 1000) / 1000.0);
        }
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Double.NaN : value.asDouble();
    }
}
