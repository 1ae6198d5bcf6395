package org.w3id.pakmig.cli;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;

/**
 * The built dataset as it is served from memory: the very graphs the build made (linked, not
 * copied into another store), read under the working dataset's multiple-reader, single-writer
 * lock. The working dataset creates any graph it is asked for, which a read transaction must
 * not do; here a graph that is not in the dataset is absent (an empty graph, and
 * {@code containsGraph} false), so the Graph Store Protocol answers 404 for it.
 */
final class ServedDataset extends DatasetGraphWrapper {
    ServedDataset(DatasetGraph working) {
        super(working);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return containsGraph(graphNode) ? super.getGraph(graphNode) : Graph.emptyGraph;
    }
}
