package io.shepherd.runtime.execution;

import io.shepherd.runtime.checkpoint.CheckpointType;
import io.shepherd.runtime.state.StateSignature;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a dry run of a restore found ({@link SavepointCheck}): for every operator uid in the
 * savepoint, the job's operator that takes its state, how the state is spread over the new
 * subtasks and whether the operator asks for it as it was stored; the job's operators that start
 * empty; and the errors that would keep the job from starting.
 *
 * @param source the savepoint or checkpoint directory, as given
 * @param operators one per operator uid in the savepoint: those of the job in the job's order, then
 *     the others
 * @param startingEmpty the job's operators the savepoint holds nothing for, as {@code 'name' (uid u)}
 * @param errors why the job cannot start from the savepoint; empty when it can
 * @param warnings what could not be checked, and why
 */
public record SavepointReport(String jobName, String source, long checkpointId, CheckpointType type,
        List<OperatorState> operators, List<String> startingEmpty, List<String> errors, List<String> warnings) {

    public SavepointReport {
        operators = List.copyOf(operators);
        startingEmpty = List.copyOf(startingEmpty);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Whether the job can start from the savepoint. */
    public boolean fits() {
        return errors.isEmpty();
    }

    /** The entry of one operator uid of the savepoint. */
    public OperatorState operator(String uid) {
        return operators.stream().filter(o -> o.uid().equals(uid)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("the savepoint holds no operator uid '" + uid + "'; it holds "
                        + operators.stream().map(OperatorState::uid).toList()));
    }

    /**
     * The state stored under one operator uid.
     *
     * @param operator the job's operator with this uid, as {@code 'name'}; null when the job has none
     * @param oldParallelism the subtasks that took the state
     * @param newParallelism the subtasks that would restore it; 0 when the job has no such operator
     * @param states every keyed state and operator list, as far as the restore got
     * @param timers event-time and processing-time timers over all subtasks (keyed operators)
     */
    public record OperatorState(String uid, String operator, int oldParallelism, int newParallelism,
            List<StoredState> states, int timers) {

        public OperatorState {
            states = List.copyOf(states);
        }

        public boolean inJob() {
            return operator != null;
        }

        /** Nothing would be restored: no keys, no list elements, no timers. */
        public boolean isEmpty() {
            return timers == 0 && states.stream().allMatch(state -> state.size() == 0);
        }

        /** How the state reaches the new subtasks, in words. */
        public String redistribution() {
            if (oldParallelism == newParallelism) {
                return parallelism(this) + ", unchanged: each subtask gets its own state back";
            }
            boolean keyed = timers > 0 || states.stream().anyMatch(s -> s.scope() == Scope.KEYED);
            boolean lists = states.stream().anyMatch(s -> s.scope() == Scope.OPERATOR_LIST);
            String how = (keyed ? "; keyed state and timers go to the subtask that owns their key group" : "")
                    + (lists ? "; operator list elements are dealt round robin" : "");
            return parallelism(this) + how;
        }
    }

    /**
     * One keyed state or operator list.
     *
     * @param signature its kind and types, as stored
     * @param perSubtask keys (keyed state) or elements (operator list) each new subtask restores
     */
    public record StoredState(String name, Scope scope, StateSignature signature, List<Integer> perSubtask, Fit fit) {

        public StoredState {
            perSubtask = List.copyOf(perSubtask);
        }

        public int size() {
            return perSubtask.stream().mapToInt(Integer::intValue).sum();
        }
    }

    public enum Scope {
        KEYED,
        OPERATOR_LIST
    }

    /** Whether the operator asks for a stored state as it was stored. */
    public enum Fit {
        /** It asks for it when it opens, with the same kind and types. */
        MATCHES,
        /** It does not ask for it when it opens; the state is kept in later snapshots until it does. */
        NOT_ASKED_AT_OPEN,
        /** Not checked: sources and sinks use their state only when the job runs, or opening failed. */
        UNCHECKED
    }

    /** The report as lines for people: the operators, then errors and warnings, then the verdict. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(type.name().toLowerCase(Locale.ROOT)).append(' ').append(checkpointId).append(" at ").append(source)
                .append(", for job '").append(jobName).append("'\n");
        for (OperatorState operator : operators) {
            describe(operator, text);
        }
        if (!startingEmpty.isEmpty()) {
            text.append("  starting empty, nothing stored for them: ").append(String.join(", ", startingEmpty))
                    .append('\n');
        }
        errors.forEach(error -> text.append("error: ").append(error).append('\n'));
        warnings.forEach(warning -> text.append("warning: ").append(warning).append('\n'));
        text.append(fits() ? "the state fits the job" : "the state does not fit the job: " + errors.size()
                + (errors.size() == 1 ? " error" : " errors")).append('\n');
        return text.toString();
    }

    private static String parallelism(OperatorState operator) {
        return "parallelism " + (operator.oldParallelism() == operator.newParallelism() ? operator.newParallelism()
                : operator.oldParallelism() + " -> " + operator.newParallelism());
    }

    private static void describe(OperatorState operator, StringBuilder text) {
        if (!operator.inJob()) {
            text.append("  uid '").append(operator.uid()).append("': not in the job; ")
                    .append(operator.isEmpty() ? "it holds no state, so nothing is lost" : "its state would be lost")
                    .append('\n');
            return;
        }
        text.append("  ").append(operator.operator()).append(" (uid ").append(operator.uid()).append("): ")
                .append(operator.isEmpty() ? parallelism(operator) + "; no state" : operator.redistribution());
        if (operator.timers() > 0) {
            text.append("; ").append(operator.timers()).append(" timers");
        }
        text.append('\n');
        for (StoredState state : operator.states()) {
            text.append("      ").append(state.scope() == Scope.KEYED ? "keyed state '" : "operator list '")
                    .append(state.name()).append("' (").append(state.signature()).append("): ").append(state.size())
                    .append(state.scope() == Scope.KEYED ? " key" : " element").append(state.size() == 1 ? "" : "s");
            if (state.perSubtask().size() > 1) {
                text.append(", per subtask ").append(state.perSubtask().stream().map(String::valueOf)
                        .collect(Collectors.joining(" / ")));
            }
            text.append("; ").append(switch (state.fit()) {
                case MATCHES -> "the operator asks for it as stored";
                case NOT_ASKED_AT_OPEN -> "not asked for when the operator opens; kept until it is";
                case UNCHECKED -> "types not checked";
            }).append('\n');
        }
    }
}
