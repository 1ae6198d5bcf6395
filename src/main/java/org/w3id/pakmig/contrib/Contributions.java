package org.w3id.pakmig.contrib;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.security.PropertyUserStore;
import org.eclipse.jetty.security.SecurityHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.w3id.pakmig.vocab.PM;

/**
 * Authenticated contributions, off unless {@code serve --auth FILE} turns them on: adds the
 * write endpoint {@code /pakmig/contrib} (Graph Store Protocol, {@code ?graph=IRI}) behind
 * Jetty's HTTP Basic authentication with the users of the password file. Contributed graphs
 * are stored in the served TDB2 database, so they persist across restarts (and a rebuild
 * carries them over); they are named graphs, not part of the default graph.
 */
public final class Contributions {
    /** Every contributed graph lies under this namespace, one folder per user. */
    public static final String GRAPHS = PM.CONTRIBUTIONS;
    /** The write endpoint, under the dataset. */
    public static final String ENDPOINT = "contrib";
    /** The realm named in the {@code WWW-Authenticate} challenge. */
    private static final String REALM = "pakmig";

    private static final Operation CONTRIBUTE = Operation.alloc(
        PM.BASE + "service#contribute", "pakmig-contribute", "Contributions: Graph Store Protocol writes to one's own graphs");

    private final Path passwordFile;
    private final List<String> users;
    private final Graph shapes;
    private final Consumer<String> log;

    /**
     * @param passwordFile a Jetty realm file with hashed passwords (checked here)
     * @param shapes       the SHACL shapes every upload must satisfy
     * @param log          where accepted changes are recorded
     */
    public Contributions(Path passwordFile, Graph shapes, Consumer<String> log) {
        this.passwordFile = passwordFile.toAbsolutePath();
        this.users = PasswordFile.check(passwordFile);
        this.shapes = shapes;
        this.log = log;
    }

    /** The namespace a user may write graphs in. */
    public static String graphPrefix(String user) {
        return GRAPHS + user + "/";
    }

    public List<String> users() {
        return users;
    }

    /**
     * Adds the endpoint to a server being built for {@code datasetName}; {@code store} is the
     * transactional dataset contributions are written to (the one the read endpoints serve).
     */
    public void addTo(FusekiServer.Builder builder, String datasetName, DatasetGraph store) {
        builder.securityHandler(securityHandler())
               .auth(AuthScheme.BASIC)
               .registerOperation(CONTRIBUTE, new ContributionService(store, new ContributionValidator(shapes), log))
               .addEndpoint(datasetName, ENDPOINT, CONTRIBUTE, Auth.ANY_USER);
    }

    /**
     * Jetty's Basic authentication over the users of the password file, read once at start.
     * Fuseki's own {@code passwordFile} re-reads the file every 5 seconds from a scanner
     * thread that nothing stops when the server stops; users change by restarting instead.
     */
    private SecurityHandler securityHandler() {
        PropertyUserStore store = new PropertyUserStore();
        store.setConfig(ResourceFactory.root().newResource(passwordFile));
        store.setReloadInterval(0);
        try {
            store.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the password file " + passwordFile + ": " + e.getMessage(), e);
        }
        return JettySecurityLib.makeSecurityHandler(REALM, store, AuthScheme.BASIC);
    }
}
