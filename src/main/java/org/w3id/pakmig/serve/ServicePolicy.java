package org.w3id.pakmig.serve;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;

/**
 * Decides, before a query runs, whether each of its {@code SERVICE} clauses may call out.
 * Off: every SERVICE is refused wherever it appears (Jena, with SERVICE disabled, lets a
 * SERVICE inside {@code EXISTS} quietly evaluate to false). On: only http(s) endpoints on the
 * operator's listed hosts, never a variable endpoint, and never a host that resolves to this
 * machine or a private network (so the endpoint cannot be used to reach internal services).
 */
final class ServicePolicy extends ElementTransformCopyBase {
    private final boolean allowed;
    private final Set<String> hosts;

    ServicePolicy(boolean allowed, Set<String> hosts) {
        this.allowed = allowed;
        this.hosts = hosts;
    }

    /** Thrown for a SERVICE clause the policy refuses; the message says why. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public Element transform(ElementService el, Node service, Element subElt) {
        check(service);
        return super.transform(el, service, subElt);
    }

    private void check(Node service) {
        if (!allowed) {
            throw new Refused("SERVICE is not enabled on this endpoint");
        }
        if (!service.isURI()) {
            throw new Refused("SERVICE needs a fixed endpoint IRI, not " + service);
        }
        URI uri;
        try {
            uri = new URI(service.getURI());
        } catch (java.net.URISyntaxException e) {
            throw new Refused("SERVICE endpoint is not a valid IRI: " + service.getURI());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("SERVICE endpoint must be http or https: " + service.getURI());
        }
        if (!hosts.contains(host)) {
            throw new Refused("SERVICE endpoint host " + host + " is not on this server's allow-list");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                        || address.isSiteLocalAddress()) {
                    throw new Refused("SERVICE endpoint host " + host + " is a local or private address");
                }
            }
        } catch (UnknownHostException e) {
            throw new Refused("SERVICE endpoint host " + host + " is unknown");
        }
    }
}
