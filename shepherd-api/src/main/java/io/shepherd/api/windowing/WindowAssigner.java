package io.shepherd.api.windowing;

import java.io.Serializable;
import java.util.List;

/** Says which event-time windows a timestamp belongs to. */
public interface WindowAssigner extends Serializable {
    List<TimeWindow> assignWindows(long timestamp);
}
