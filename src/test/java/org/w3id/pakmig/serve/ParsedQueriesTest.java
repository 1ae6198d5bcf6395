package org.w3id.pakmig.serve;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.junit.jupiter.api.Test;

/** A query text is parsed once; what each request evaluates is its own guarded copy. */
class ParsedQueriesTest {
    private static final String REGEX = "ASK { FILTER(REGEX(\"migration\", \"^mig\")) }";

    private static Expr filterOf(Query query) {
        return ((ElementFilter) ((ElementGroup) query.getQueryPattern()).get(0)).getExpr();
    }

    @Test
    void theSameTextIsParsedOnce() {
        ParsedQueries parsed = new ParsedQueries();
        Query first = parsed.parse(REGEX);
        assertSame(first, parsed.parse(REGEX));
        assertNotSame(first, parsed.parse(REGEX + " "));
    }

    @Test
    void requestsGuardCopiesAndLeaveTheParsedQueryAsItWas() {
        ParsedQueries parsed = new ParsedQueries();
        ServicePolicy off = new ServicePolicy(false, Set.of());
        Query shared = parsed.parse(REGEX);
        Query one = ExpressionGuards.apply(shared, off, new QueryBudget(new AtomicBoolean()));
        Query other = ExpressionGuards.apply(parsed.parse(REGEX), off, new QueryBudget(new AtomicBoolean()));
        assertInstanceOf(GuardedRegex.class, filterOf(one));
        assertInstanceOf(GuardedRegex.class, filterOf(other));
        assertNotSame(filterOf(one), filterOf(other), "each request's guard carries its own cancel signal");
        assertInstanceOf(E_Regex.class, filterOf(shared));
    }

    @Test
    void longTextsAndSyntaxErrorsAreNotKept() {
        ParsedQueries parsed = new ParsedQueries();
        String padded = "ASK {}" + " ".repeat(ParsedQueries.MAX_CACHED_CHARS);
        assertNotSame(parsed.parse(padded), parsed.parse(padded));
        assertThrows(QueryParseException.class, () -> parsed.parse("ASK {"));
        assertThrows(QueryParseException.class, () -> parsed.parse("ASK {"));
    }
}
