package io.shepherd.testkit.net;

/**
 * Trace labels for messages: a delivery event, or a note on a copy that never arrived.
 *
 * <p>Kept as records so that the message is rendered only if a failure report is written.
 */
final class Transit {

    private Transit() {}

    record Delivery(int from, int to, Object message, boolean duplicate) {
        @Override
        public String toString() {
            return "deliver " + from + "->" + to + " " + message + (duplicate ? " (duplicate)" : "");
        }
    }

    record Lost(int from, int to, Object message, String reason) {
        @Override
        public String toString() {
            return "lost " + from + "->" + to + " " + message + ": " + reason;
        }
    }
}
