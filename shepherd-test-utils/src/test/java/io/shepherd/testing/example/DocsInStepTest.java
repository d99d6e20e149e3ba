package io.shepherd.testing.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/testing-your-functions.md honest: every Java block in it must be code of
 * {@link SpendingLimitTest}, line for line (indentation aside), so the documented example is code
 * that compiles and passes.
 */
class DocsInStepTest {
    private static final Path DOC = Path.of("..", "docs", "testing-your-functions.md");
    private static final Path EXAMPLE =
            Path.of("src", "test", "java", "io", "shepherd", "testing", "example", "SpendingLimitTest.java");

    @Test
    void when_the_guide_shows_java_then_it_is_the_code_of_the_example_test() throws IOException {
        List<String> example = stripped(Files.readAllLines(EXAMPLE));
        List<List<String>> blocks = javaBlocks(Files.readAllLines(DOC));

        assertThat(blocks).hasSizeGreaterThanOrEqualTo(5);
        for (List<String> block : blocks) {
            assertThat(Collections.indexOfSubList(example, stripped(block)))
                    .as("this block of %s is not in %s:%n%s", DOC, EXAMPLE, String.join("\n", block))
                    .isNotNegative();
        }
    }

    private static List<List<String>> javaBlocks(List<String> lines) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : lines) {
            if (current == null && line.strip().equals("```java")) {
                current = new ArrayList<>();
            } else if (current != null && line.strip().equals("```")) {
                blocks.add(current);
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return blocks;
    }

    private static List<String> stripped(List<String> lines) {
        return lines.stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
