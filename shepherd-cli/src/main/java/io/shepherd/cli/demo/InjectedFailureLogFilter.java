package io.shepherd.cli.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps the engine's error log of a task failure, stack trace and all, off stderr when the failure
 * is one the demo injected: the summary lists each of those with its recovery, and a run with three
 * planned failures should not look like a crash. Other failures are logged as ever, and so are
 * injected ones when the engine logs at INFO ({@code --verbose}).
 */
final class InjectedFailureLogFilter extends TurboFilter implements AutoCloseable {
    /** Null when the logging backend is not logback: then there is nothing to filter. */
    private final LoggerContext context;

    private InjectedFailureLogFilter(LoggerContext context) {
        this.context = context;
    }

    /** Installs the filter until {@link #close}. */
    static InjectedFailureLogFilter install() {
        LoggerContext context = LoggerFactory.getILoggerFactory() instanceof LoggerContext logback ? logback : null;
        InjectedFailureLogFilter filter = new InjectedFailureLogFilter(context);
        if (context != null) {
            filter.start();
            context.addTurboFilter(filter);
        }
        return filter;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        // The effective level, not isInfoEnabled(): that would call the turbo filters, this one included, again.
        boolean verbose = logger.getEffectiveLevel().toInt() <= Level.INFO_INT;
        if (verbose) {
            return FilterReply.NEUTRAL;
        }
        return isInjected(t != null ? t : lastThrowable(params)) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    @Override
    public void close() {
        if (context != null) {
            context.getTurboFilterList().remove(this);
            stop();
        }
    }

    /** SLF4J takes a throwable passed as the last argument as the event's throwable. */
    private static Throwable lastThrowable(Object[] params) {
        if (params != null && params.length > 0 && params[params.length - 1] instanceof Throwable throwable) {
            return throwable;
        }
        return null;
    }

    private static boolean isInjected(Throwable throwable) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (cause instanceof InjectedFailure) {
                return true;
            }
        }
        return false;
    }
}
