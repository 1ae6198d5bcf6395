package org.w3id.pakmig.serve;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.server.CounterName;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.ActionExecLib;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.util.Context;

/**
 * The SPARQL query operation of {@code /pakmig/sparql}, Fuseki's own with these additions:
 * <ul>
 * <li>the timeout is enforced by this server's {@link QueryWatchdog}, not by Jena's shared
 *     alarm thread (which one query can block; see there);</li>
 * <li>regular expressions and string building are guarded ({@link ExpressionGuards});</li>
 * <li>SERVICE clauses are checked against the {@link ServicePolicy}, and the nesting depth
 *     ({@link NestingDepth}), before anything runs;</li>
 * <li>a query text sent again is not parsed again ({@link ParsedQueries});</li>
 * <li>a query nested so deeply that the parser or evaluator overflows its stack answers 400;</li>
 * <li>error messages are sent in ASCII (see {@link #execute});</li>
 * <li>SELECT rows and CONSTRUCT triples are collected, up to the row limit, before the first
 *     byte is sent: a timeout always answers 503 (never a cut-off 200), and a truncated
 *     answer says so in a header before its body.</li>
 * </ul>
 */
final class GuardedQueryService extends SPARQL_QueryDataset {
    static final String TRUNCATED_HEADER = "Pakmig-Truncated";

    private final ServerSettings settings;
    private final ServicePolicy servicePolicy;
    private final QueryWatchdog watchdog;
    private final ParsedQueries parsedQueries = new ParsedQueries();

    GuardedQueryService(ServerSettings settings, QueryWatchdog watchdog) {
        this.settings = settings;
        this.servicePolicy = new ServicePolicy(settings.allowService(), settings.serviceHosts());
        this.watchdog = watchdog;
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        AtomicBoolean cancel = new AtomicBoolean(false);
        ScheduledFuture<?> deadline = watchdog.arm(cancel, settings.queryTimeout());
        try {
            run(queryString, action, cancel);
        } catch (OutOfMemoryError e) {
            throw outOfMemory();
        } catch (ActionErrorException e) {
            if (e.getCause() instanceof OutOfMemoryError) {
                throw outOfMemory();
            }
            // Fuseki sends the message with a Content-Length counted in characters but written
            // in bytes: a parse error quoting a non-ASCII character ended in a 500. Escape it.
            throw new ActionErrorException(e.getRC(), asciiOnly(e.getMessage()), e.getCause());
        } catch (StackOverflowError e) {
            ServletOps.errorBadRequest("Query nested too deeply to evaluate");
        } catch (ServicePolicy.Refused e) {
            ServletOps.errorBadRequest(e.getMessage());
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * Fuseki's own sequence for one query (parse, choose the dataset, execute, send; the same
     * answers to errors), with the parsed query taken from {@link ParsedQueries} and checked and
     * guarded before anything runs. Fuseki's version parses every request and then prints the
     * parsed query back to a string for its log, which this server does not keep.
     */
    private void run(String queryString, HttpAction action, AtomicBoolean cancel) {
        if (queryString.isEmpty()) {
            ServletOps.errorBadRequest("Error: Empty query string");
        }
        if (queryString.isBlank()) {
            ServletOps.errorBadRequest("Error: Blank query string");
        }
        Query parsed = null;
        try {
            parsed = parsedQueries.parse(queryString);
        } catch (QueryParseException e) {
            ServletOps.errorBadRequest(SPARQLProtocol.messageForParseException(e));
        } catch (QueryException e) {
            ServletOps.errorBadRequest("Error: \n" + queryString + "\n" + SPARQLProtocol.messageForException(e));
        }
        NestingDepth.check(parsed);
        Query query = ExpressionGuards.apply(parsed, servicePolicy, new QueryBudget(cancel));
        String queryStringLog = ServletOps.formatForLog(queryString);
        action.beginRead();
        try {
            Pair<DatasetGraph, Query> chosen = decideDataset(action, query, queryStringLog);
            Query toRun = chosen.getRight() == null ? query : chosen.getRight();
            try (QueryExec exec = queryExec(action, toRun, chosen.getLeft(), cancel)) {
                sendResults(action, executeQuery(action, exec, query, queryStringLog), query.getPrologue());
            }
        } catch (QueryParseException e) {
            // A late static error, such as a malformed fixed text-search string.
            action.abortSilent();
            ServletOps.errorBadRequest("Query parse error: \n" + queryString + "\n" + SPARQLProtocol.messageForException(e));
        } catch (QueryCancelledException e) {
            action.abortSilent();
            ActionExecLib.incCounter(action.getEndpoint().getCounters(), CounterName.QueryTimeouts);
            throw e;
        } finally {
            action.endRead();
        }
    }

    /**
     * A query that fills the heap (a GROUP_CONCAT over a cross product) is refused as one that
     * runs out of time is: the server is overloaded by it, not broken, and the query's memory is
     * released with its iterators. The error arrives bare or wrapped, depending on where the
     * engine was when the heap ran out.
     */
    private static ActionErrorException outOfMemory() {
        return new ActionErrorException(503, "Query needed more memory than the server gives it", null);
    }

    private static String asciiOnly(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(message.length());
        message.chars().forEach(c -> {
            if (c < 0x80) {
                out.append((char) c);
            } else {
                out.append(String.format("\\u%04X", c));
            }
        });
        return out.toString();
    }

    private QueryExec queryExec(HttpAction action, Query query, DatasetGraph dataset, AtomicBoolean cancel) {
        Context context = action.getContext().copy();
        // The query's iterators read this signal; the watchdog sets it.
        context.set(ARQConstants.symCancelQuery, cancel);
        // A SERVICE endpoint that never answers must not hold the query past its timeout.
        context.set(ARQ.httpQueryTimeout, settings.queryTimeout().toMillis());
        return QueryExec.newBuilder().dataset(dataset).query(query).context(context).build();
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec queryExec, Query requestQuery, String queryStringLog) {
        int max = settings.limits().maxResultRows();
        if (requestQuery.isSelectType()) {
            RowSet rows = queryExec.select();
            List<Binding> kept = new ArrayList<>();
            while (kept.size() < max && rows.hasNext()) {
                kept.add(rows.next());
            }
            if (rows.hasNext()) {
                action.getResponse().setHeader(TRUNCATED_HEADER, "rows=" + max);
            }
            return new QueryExecResult(RowSetStream.create(rows.getResultVars(), kept.iterator()));
        }
        if (requestQuery.isConstructType()) {
            Iterator<Quad> quads = queryExec.constructQuads();
            DatasetGraph kept = DatasetGraphFactory.create();
            int n = 0;
            while (n < max && quads.hasNext()) {
                kept.add(quads.next());
                n++;
            }
            if (quads.hasNext()) {
                action.getResponse().setHeader(TRUNCATED_HEADER, "triples=" + max);
            }
            return new QueryExecResult(kept);
        }
        return super.executeQuery(action, queryExec, requestQuery, queryStringLog);
    }
}
