package org.w3id.pakmig.serve;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

/** Which SERVICE clauses the policy refuses, wherever they sit in the query. */
class ServicePolicyTest {
    private static void check(ServicePolicy policy, String query) {
        ExpressionGuards.apply(QueryFactory.create(query), policy, new QueryBudget(new AtomicBoolean()));
    }

    private static String refusal(ServicePolicy policy, String query) {
        return assertThrows(ServicePolicy.Refused.class, () -> check(policy, query), query).getMessage();
    }

    @Test
    void offRefusesServiceEverywhere() {
        ServicePolicy off = new ServicePolicy(false, Set.of());
        for (String q : new String[] {
                "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
                "ASK { FILTER EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }",
                "ASK { FILTER NOT EXISTS { { SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } } } } }",
                "SELECT * { OPTIONAL { ?s ?p ?o MINUS { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } } } }"}) {
            assertTrue(refusal(off, q).contains("not enabled"), q);
        }
        check(off, "SELECT * { ?s ?p ?o FILTER EXISTS { ?o ?q ?r } }");
    }

    @Test
    void onAllowsOnlyListedPublicHttpHosts() {
        ServicePolicy on = new ServicePolicy(true, Set.of("localhost", "127.0.0.1", "example.org"));
        assertTrue(refusal(on, "SELECT * { SERVICE <http://localhost:3030/x> { ?s ?p ?o } }").contains("local or private"));
        assertTrue(refusal(on, "SELECT * { SERVICE <http://127.0.0.1/x> { ?s ?p ?o } }").contains("local or private"));
        assertTrue(refusal(on, "SELECT * { SERVICE <file:///etc/passwd> { ?s ?p ?o } }").contains("http or https"));
        assertTrue(refusal(on, "SELECT * { SERVICE <http://other.example/sparql> { ?s ?p ?o } }").contains("allow-list"));
        assertTrue(refusal(on, "SELECT * { SERVICE ?endpoint { ?s ?p ?o } }").contains("fixed endpoint"));
    }

    @Test
    void deepNestingIsRefusedBeforeTheOptimiserSeesIt() {
        String deep = "ASK {" + "FILTER EXISTS {".repeat(NestingDepth.MAX + 1) + "?s ?p ?o" + "}".repeat(NestingDepth.MAX + 1) + "}";
        assertThrows(ServicePolicy.Refused.class, () -> NestingDepth.check(QueryFactory.create(deep)));
        String fine = "ASK {" + "FILTER EXISTS {".repeat(NestingDepth.MAX) + "?s ?p ?o" + "}".repeat(NestingDepth.MAX) + "}";
        NestingDepth.check(QueryFactory.create(fine));
    }
}
