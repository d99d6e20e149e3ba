package io.shepherd.cli.run;

import io.shepherd.api.Job;
import io.shepherd.cli.UserError;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

/**
 * Finds the class {@code shepherd run} was asked for, in the job's jar or on the class path, and
 * decides how to start it: a {@link Job} is preferred over a {@code main} method when a class has
 * both, because then the command can configure it and watch it. Every way this can go wrong ends in a
 * {@link UserError} that says what was looked for, where, and what to do.
 */
final class JobLoader {
    private JobLoader() {}

    /**
     * A class loader for the job's jar, whose parent is the command's own loader (so the job sees
     * the same Shepherd API classes as the engine); the command's loader itself when there is no jar.
     */
    static ClassLoader loaderFor(Path jar) {
        if (jar == null) {
            return JobLoader.class.getClassLoader();
        }
        if (!Files.isRegularFile(jar)) {
            throw new UserError("no jar at " + jar + ": check the path given to --jar");
        }
        try (JarFile ignored = new JarFile(jar.toFile())) {
            // Opened only to fail early and clearly on a file that is not a jar.
        } catch (IOException e) {
            throw new UserError(jar + " is not a readable jar (" + e.getMessage() + ")");
        }
        try {
            return new URLClassLoader(new URL[] {jar.toUri().toURL()}, JobLoader.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new UserError("cannot make a class path entry of " + jar + ": " + e.getMessage());
        }
    }

    static LoadedJob load(String className, ClassLoader loader, Path jar) {
        Class<?> type = findClass(className, loader, jar);
        if (Job.class.isAssignableFrom(type)) {
            return new LoadedJob.Buildable(instantiate(type.asSubclass(Job.class)));
        }
        Method main = mainMethod(type);
        if (main != null) {
            return new LoadedJob.WithMain(type, main);
        }
        throw new UserError("class " + className + " neither implements " + Job.class.getName()
                + " nor has a public static void main(String[]): give one of the two to run it");
    }

    private static Class<?> findClass(String className, ClassLoader loader, Path jar) {
        String where = jar == null ? "on the class path" : "in " + jar + " or on the class path";
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new UserError("no class " + className + " " + where
                    + ": give the fully qualified name (e.g. com.example.MyJob)"
                    + (jar == null ? " and the jar that holds it with --jar" : ""));
        } catch (LinkageError e) {
            throw new UserError("class " + className + " " + where + " cannot be loaded: " + e
                    + " (a class it needs is missing: put it in the job's jar)");
        }
    }

    private static Job instantiate(Class<? extends Job> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new UserError("job class " + type.getName()
                    + " needs a public no-argument constructor, so that the command can create it");
        } catch (InstantiationException e) {
            throw new UserError("job class " + type.getName() + " is abstract: name a concrete class");
        } catch (InvocationTargetException e) {
            throw new UserError("the constructor of job class " + type.getName() + " failed: " + e.getCause(),
                    e.getCause());
        }
    }

    private static Method mainMethod(Class<?> type) {
        try {
            Method main = type.getMethod("main", String[].class);
            int modifiers = main.getModifiers();
            boolean usable = Modifier.isStatic(modifiers) && main.getReturnType() == void.class;
            return usable ? main : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
