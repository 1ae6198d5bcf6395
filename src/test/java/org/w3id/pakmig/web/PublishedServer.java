package org.w3id.pakmig.web;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.w3id.pakmig.RealGraph;
import org.w3id.pakmig.publish.DatasetDescription;
import org.w3id.pakmig.publish.Publication;
import org.w3id.pakmig.serve.ServerSettings;
import org.w3id.pakmig.serve.SparqlServer;

/**
 * The real graph served as {@code serve} serves it (dumps made, description published), on a
 * free port, over a copy of the dataset: publishing writes graph {@code meta}, which the
 * dataset other tests share must not see.
 */
record PublishedServer(FusekiServer server, DatasetGraph dataset, String local) {
    /** @param publicBase the address given with --base-url, or null for the local address */
    static PublishedServer start(String publicBase) {
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        DatasetGraph real = RealGraph.dataset();
        Txn.executeRead(real, () -> Txn.executeWrite(dataset, () -> real.find().forEachRemaining(dataset::add)));
        Publication publication = Publication.of(dataset, publicBase);
        FusekiServer server = SparqlServer.start(dataset,
            new ServerSettings(0, ServerSettings.DEFAULT_TIMEOUT, false, true, publicBase), publication);
        String local = "http://localhost:" + server.getPort();
        DatasetDescription.publish(dataset, DatasetDescription.describe(dataset,
            publicBase == null ? local : publicBase, publication.dumps()));
        return new PublishedServer(server, dataset, local);
    }

    void stop() {
        server.stop();
    }
}
