package org.w3id.pakmig.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

/** The sketch behind the join order: exact for few values, close for many, blind to repeats. */
class DistinctCountTest {

    @Test
    void countsFewValuesExactlyAndIgnoresRepeats() {
        DistinctCount count = new DistinctCount();
        for (int repeat = 0; repeat < 3; repeat++) {
            for (int i = 0; i < DistinctCount.K - 1; i++) {
                count.add(NodeFactory.createURI("https://w3id.org/pakmig/id/place/p" + i));
            }
        }
        assertEquals(DistinctCount.K - 1, count.estimate());
    }

    /** Similar IRIs, as the data has them (claim/c1, claim/c2, ...), and numbers. */
    @Test
    void estimatesManyValuesWithinAQuarter() {
        for (int n : new int[] {1_000, 30_000, 300_000}) {
            DistinctCount iris = new DistinctCount();
            DistinctCount numbers = new DistinctCount();
            for (int i = 0; i < n; i++) {
                iris.add(NodeFactory.createURI("https://w3id.org/pakmig/id/claim/syn-doc-001-" + i));
                iris.add(NodeFactory.createURI("https://w3id.org/pakmig/id/claim/syn-doc-001-" + i));
                numbers.add(NodeFactory.createLiteralDT(Integer.toString(i), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger));
            }
            assertTrue(Math.abs(iris.estimate() / n - 1) < 0.25, n + " IRIs estimated as " + iris.estimate());
            assertTrue(Math.abs(numbers.estimate() / n - 1) < 0.25, n + " numbers estimated as " + numbers.estimate());
        }
    }
}
