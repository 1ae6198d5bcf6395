package org.w3id.pakmig.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.sparql.engine.binding.Binding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.pakmig.ExpectedRows;
import org.w3id.pakmig.RealGraph;

/**
 * The questions each content issue must be able to answer from the real graph: every
 * {@code src/test/resources/answers/doc-NNN/NAME.rq} runs on the built graph and must return
 * every row of {@code NAME.tsv} beside it.
 */
class AnswersTest {
    private static final Path ANSWERS = Path.of("src/test/resources/answers");

    static Stream<Path> questions() throws IOException {
        return Files.walk(ANSWERS).filter(p -> p.toString().endsWith(".rq")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void theGraphAnswers(Path question) throws IOException {
        Path expectedFile = Path.of(question.toString().replaceFirst("\\.rq$", ".tsv"));
        assertTrue(Files.exists(expectedFile), "no expected rows beside " + question);
        ExpectedRows expected = ExpectedRows.read(expectedFile);
        assertTrue(expected.size() > 0, expectedFile + " lists no rows");

        List<Binding> rows = RealGraph.select(Files.readString(question));
        assertFalse(rows.isEmpty(), question + " returned no rows");
        assertEquals(List.of(), expected.missingFrom(rows), "rows missing from the answer to " + question);
    }
}
