package org.w3id.pakmig.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.pakmig.publish.ContentNegotiation;
import org.w3id.pakmig.publish.Publication;
import org.w3id.pakmig.publish.ServiceDescription;

/**
 * A GET of the query endpoint without a query answers with the SPARQL 1.1 Service
 * Description (Turtle unless another RDF format is asked for) instead of an error; every
 * other request goes on to Fuseki.
 */
public final class ServiceDescriptionFilter implements Filter {
    private final DatasetGraph dataset;
    private final Publication publication;

    public ServiceDescriptionFilter(DatasetGraph dataset, Publication publication) {
        this.dataset = dataset;
        this.publication = publication;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (!read || request.getParameter("query") != null) {
            chain.doFilter(req, res);
            return;
        }
        ContentNegotiation.Choice choice = ContentNegotiation.choose(request.getHeader("Accept"), request.getParameter("format"));
        if (!choice.isRdf()) {
            choice = ContentNegotiation.Choice.TURTLE;
        }
        String endpoint = publication.baseUrl(request) + request.getRequestURI();
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Vary", "Accept");
        publication.writeRdf(request, response, ServiceDescription.describe(dataset, endpoint), choice);
    }
}
