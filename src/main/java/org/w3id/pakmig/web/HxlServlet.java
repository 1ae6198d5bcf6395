package org.w3id.pakmig.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.pakmig.publish.HxlExport;

/** {@code /export/NAME.csv}: the HXL-tagged tables (figures, flows, routes, places). */
public final class HxlServlet extends HttpServlet {
    private final transient DatasetGraph dataset;

    public HxlServlet(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String file = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String name = file.endsWith(".csv") ? file.substring(0, file.length() - 4) : "";
        response.setHeader("Access-Control-Allow-Origin", "*");
        if (!HxlExport.names().contains(name)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND,
                "No table '" + file + "'; tables: " + String.join(".csv, ", HxlExport.names()) + ".csv");
            return;
        }
        response.setContentType("text/csv;charset=utf-8;header=present");
        response.setHeader("Content-Disposition", "inline; filename=\"pakmig-" + name + ".csv\"");
        HxlExport.write(name, dataset, response.getWriter());
    }
}
