package org.w3id.pakmig.cli;

import java.util.Collections;
import java.util.Iterator;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;

/**
 * The built dataset as it is served from memory: the very graphs the build made (linked, not
 * copied into another store), read under the working dataset's multiple-reader, single-writer
 * lock. The working dataset creates any graph it is asked for (fails, inside a read
 * transaction); here a graph that is not in the dataset is absent: an empty graph,
 * {@code containsGraph} false (so the Graph Store Protocol answers 404), and nothing found in
 * it. Only adding a quad creates a graph.
 */
final class ServedDataset extends DatasetGraphWrapper {
    ServedDataset(DatasetGraph working) {
        super(working);
    }

    /** A named graph that is asked for by name and is not there. */
    private boolean absent(Node graphNode) {
        return graphNode != null && graphNode.isConcrete() && !Quad.isDefaultGraph(graphNode)
            && !Quad.isUnionGraph(graphNode) && !containsGraph(graphNode);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return absent(graphNode) ? Graph.emptyGraph : super.getGraph(graphNode);
    }

    @Override
    public Iterator<Quad> find(Quad quad) {
        return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        return absent(g) ? Collections.emptyIterator() : super.find(g, s, p, o);
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        return absent(g) ? Collections.emptyIterator() : super.findNG(g, s, p, o);
    }

    @Override
    public boolean contains(Quad quad) {
        return contains(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        return !absent(g) && super.contains(g, s, p, o);
    }
}
