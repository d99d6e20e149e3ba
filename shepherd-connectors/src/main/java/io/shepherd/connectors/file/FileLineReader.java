package io.shepherd.connectors.file;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.source.InputStatus;
import io.shepherd.api.source.SourceOutput;
import io.shepherd.api.source.SourceReader;
import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import io.shepherd.common.io.Disk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One subtask's share of a {@link FileLineSource}: its files in order, each line by line.
 *
 * <p>Position: the file being read (or next to read) and the byte offset of its next unread line.
 * Files before it in the share are done. When the share is done, the position is the last file at
 * its end. It is kept as operator state {@code "file"} (the file's name, one {@code String}) and
 * {@code "offset"} (one {@code Long}), both empty for an empty share, and {@code "parallelism"} (one
 * {@code Integer}), since shares, and so positions, are only valid at the parallelism they were
 * taken at.
 *
 * <p>Each poll emits at most {@value #MAX_LINES} lines and reads at most once from the file (up to
 * {@value LineFile#READ_BYTES} bytes), so it never holds the engine's thread for long.
 */
final class FileLineReader<T> implements SourceReader<T> {
    static final int MAX_LINES = 64;
    static final String FILE_STATE = "file";
    static final String OFFSET_STATE = "offset";
    static final String PARALLELISM_STATE = "parallelism";

    private final Disk disk;
    private final List<Path> files;
    private final LineMapper<T> mapper;
    private final int maxLineBytes;
    private final ListState<String> fileState;
    private final ListState<Long> offsetState;
    private final ListState<Integer> parallelismState;
    private final int parallelism;
    private final String description;
    private int fileIndex;
    private long offset;
    private LineFile current;

    /** @param files this subtask's share, in reading order */
    FileLineReader(Disk disk, List<Path> files, LineMapper<T> mapper, int maxLineBytes, FunctionContext context) {
        this.disk = disk;
        this.files = files;
        this.mapper = mapper;
        this.maxLineBytes = maxLineBytes;
        this.fileState = context.getOperatorListState(new ListStateDescriptor<>(FILE_STATE, String.class));
        this.offsetState = context.getOperatorListState(new ListStateDescriptor<>(OFFSET_STATE, Long.class));
        this.parallelismState =
                context.getOperatorListState(new ListStateDescriptor<>(PARALLELISM_STATE, Integer.class));
        this.parallelism = context.parallelism();
        this.description = "file line source '" + context.operatorName() + "' subtask " + context.subtaskIndex()
                + " of " + context.parallelism();
        restorePosition();
    }

    @Override
    public InputStatus pollNext(SourceOutput<T> output) throws IOException {
        if (fileIndex >= files.size()) {
            return InputStatus.END_OF_INPUT;
        }
        if (current == null) {
            current = LineFile.open(disk, files.get(fileIndex), offset, maxLineBytes);
        }
        boolean readOnce = false;
        for (int emitted = 0; emitted < MAX_LINES; ) {
            String line = current.nextLine();
            if (line != null) {
                offset = current.nextOffset();
                output.collect(mapper.map(current.path().toString(), current.lineOffset(), line));
                emitted++;
            } else if (current.isDone()) {
                return nextFile();
            } else if (readOnce) {
                break;
            } else {
                current.fill();
                readOnce = true;
            }
        }
        return InputStatus.MORE_AVAILABLE;
    }

    @Override
    public void snapshotState(long checkpointId) {
        parallelismState.update(List.of(parallelism));
        if (files.isEmpty()) {
            fileState.clear();
            offsetState.clear();
            return;
        }
        int index = Math.min(fileIndex, files.size() - 1);
        fileState.update(List.of(files.get(index).getFileName().toString()));
        offsetState.update(List.of(offset));
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /** The file being read or next to read (the last one when done) and the offset of its next line. */
    String position() {
        return files.isEmpty() ? "nothing to read" : files.get(Math.min(fileIndex, files.size() - 1)) + "@" + offset;
    }

    /** Closes the finished file and moves to the next; the last file stays the position, at its end. */
    private InputStatus nextFile() throws IOException {
        LineFile done = current;
        current = null;
        done.close();
        if (fileIndex + 1 < files.size()) {
            fileIndex++;
            offset = 0;
            return InputStatus.MORE_AVAILABLE;
        }
        fileIndex = files.size();
        return InputStatus.END_OF_INPUT;
    }

    private void restorePosition() {
        List<String> names = new ArrayList<>();
        fileState.get().forEach(names::add);
        List<Long> offsets = new ArrayList<>();
        offsetState.get().forEach(offsets::add);
        List<Integer> takenAt = new ArrayList<>();
        parallelismState.get().forEach(takenAt::add);
        if (names.isEmpty() && offsets.isEmpty() && takenAt.isEmpty()) {
            return;
        }
        if (!takenAt.equals(List.of(parallelism))) {
            throw new IllegalStateException(description + " cannot resume: its state was taken at parallelism "
                    + (takenAt.size() == 1 ? takenAt.get(0) : takenAt) + ", and this source cannot redistribute the "
                    + "positions of its files; restore the job with that parallelism");
        }
        if (names.isEmpty() && offsets.isEmpty()) {
            return;
        }
        if (names.size() != 1 || offsets.size() != 1) {
            throw new IllegalStateException(description + " cannot resume from restored position " + names + " at "
                    + offsets + ": expected one file and one offset; the state is not that of a file line source");
        }
        int index = indexOf(names.get(0));
        if (index < 0) {
            throw new IllegalStateException(description + " cannot resume from file '" + names.get(0)
                    + "': it is not among this subtask's files " + fileNames() + ". The input changed or the "
                    + "parallelism differs since the state was taken; a replayed source needs the same input and "
                    + "parallelism");
        }
        fileIndex = index;
        offset = offsets.get(0);
    }

    private int indexOf(String name) {
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).getFileName().toString().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private List<String> fileNames() {
        return files.stream().map(file -> file.getFileName().toString()).toList();
    }
}
