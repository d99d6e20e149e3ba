package io.shepherd.runtime.checkpoint;

/**
 * The names of things in checkpoint storage, relative to its root:
 *
 * <pre>
 * chk-&lt;id&gt;/task-&lt;vertex&gt;-&lt;subtask&gt;.state   a task's state in checkpoint id
 * chk-&lt;id&gt;/_metadata                           written last: the checkpoint exists once this does
 * savepoints/sp-&lt;id&gt;/...                        the same for a savepoint; never discarded by retention
 * _log/                                        the completed-checkpoint store (edits and images)
 * </pre>
 */
public final class CheckpointLayout {

    public static final String METADATA_FILE = "_metadata";
    public static final String SAVEPOINTS_DIRECTORY = "savepoints";
    public static final String STORE_DIRECTORY = "_log";
    static final String CHECKPOINT_PREFIX = "chk-";
    static final String SAVEPOINT_PREFIX = "sp-";
    static final String STATE_SUFFIX = ".state";

    private CheckpointLayout() {}

    /** The directory of a checkpoint or savepoint, relative to the storage root. */
    public static String directory(long checkpointId, CheckpointType type) {
        return type == CheckpointType.SAVEPOINT
                ? SAVEPOINTS_DIRECTORY + "/" + SAVEPOINT_PREFIX + checkpointId
                : CHECKPOINT_PREFIX + checkpointId;
    }

    /** The name of a task's state file inside its checkpoint directory. */
    static String stateFile(TaskId task) {
        return "task-" + task.vertexId() + "-" + task.subtask() + STATE_SUFFIX;
    }

    /** The id in a directory name such as {@code chk-12} with {@code prefix} "chk-", or -1 if it is not one. */
    static long parseId(String name, String prefix) {
        if (!name.startsWith(prefix) || name.length() == prefix.length() || name.length() > prefix.length() + 18) {
            return -1;
        }
        String digits = name.substring(prefix.length());
        return digits.chars().allMatch(Character::isDigit) ? Long.parseLong(digits) : -1;
    }
}
