package org.w3id.pakmig.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.validate.CitationCoverage;
import org.w3id.pakmig.validate.DuplicateCandidates;
import org.w3id.pakmig.validate.IntegrityChecks;

/**
 * The source index is filled by a second parse of every file, on its first question: a check
 * that finds no problem must ask none, or every start pays that parse (it did: the look-alike
 * check named the type of each settled pair before seeing it was settled).
 */
class SourceIndexTest {
    @Test
    void checksThatFindNothingNeverFillTheIndex() {
        DatasetGraph dataset = RealGraph.dataset();
        AtomicInteger fills = new AtomicInteger();
        SourceIndex index = new SourceIndex(i -> fills.incrementAndGet());
        assertTrue(IntegrityChecks.from(RealGraph.sources()).run(dataset, index).isEmpty());
        assertTrue(DuplicateCandidates.find(dataset, index).isEmpty());
        assertTrue(CitationCoverage.find(dataset, index).isEmpty());
        assertEquals(0, fills.get(), "the files were parsed a second time for a build without problems");
    }

    @Test
    void theFirstQuestionFillsTheIndexOnce() {
        AtomicInteger fills = new AtomicInteger();
        SourceIndex index = new SourceIndex(i -> fills.incrementAndGet());
        Node gujrat = NodeFactory.createURI("https://w3id.org/pakmig/id/place/gujrat-district");
        index.locate(gujrat);
        index.shortName(gujrat);
        assertEquals(1, fills.get());
    }
}
