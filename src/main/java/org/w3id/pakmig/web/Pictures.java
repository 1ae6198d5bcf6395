package org.w3id.pakmig.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;

/**
 * Pictures of the graph, each drawn from one query in {@code queries/picture-*.rq}: a route's
 * legs in order, flows from origin to destination, the push and pull factors by category with
 * the number of documents naming each, and a timeline of events, laws and programmes. The
 * charts are JFreeChart's; the route and flow diagrams place their boxes on a fixed grid.
 */
final class Pictures {
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color INK = new Color(0x1d, 0x1d, 0x1f);
    private static final Color GREEN = new Color(0x1f, 0x4e, 0x3d);
    private static final Color[] PALETTE = {
        new Color(0x1b9e77), new Color(0xd95f02), new Color(0x7570b3), new Color(0xe7298a),
        new Color(0x66a61e), new Color(0xe6ab02), new Color(0xa6761d), new Color(0x666666)};

    private final PageQueries queries;

    Pictures(PageQueries queries) {
        this.queries = queries;
    }

    /** The route diagram for a route with ordered legs, as inline SVG; null for anything else. */
    String inlineFor(Node entity, String root) {
        Drawing route = route(entity);
        return route == null ? null : route.svg();
    }

    /** Links to the standalone pictures of an entity (SVG and PNG of its route diagram). */
    List<Link> linksFor(Node entity, String root) {
        if (!entity.getURI().startsWith(org.w3id.pakmig.vocab.PM.ID + "route/") || route(entity) == null) {
            return List.of();
        }
        String slug = Links.localName(entity.getURI());
        return List.of(new Link("SVG", root + "pictures/route/" + slug + ".svg", null),
                       new Link("PNG", root + "pictures/route/" + slug + ".png", null));
    }

    /** Routes that have legs: IRI and label. */
    Map<Node, String> routes() {
        Map<Node, String> routes = new LinkedHashMap<>();
        for (Binding r : queries.select("picture-routes", Map.of())) {
            routes.put(r.get(Var.alloc("route")), text(r, "label"));
        }
        return routes;
    }

    /** The legs of a route left to right: places in boxes, each leg an arrow labelled with its mode, crossing and transit points. */
    Drawing route(Node route) {
        List<Binding> legs = queries.select("picture-route", Map.of("route", PageQueries.iri(route)));
        if (legs.isEmpty()) {
            return null;
        }
        List<String> places = new ArrayList<>();
        places.add(text(legs.get(0), "from"));
        legs.forEach(l -> places.add(text(l, "to")));
        FontMetrics metrics = metrics(FONT);
        int gap = 150;
        int boxHeight = 34;
        List<Integer> xs = new ArrayList<>();
        int x = 20;
        for (String place : places) {
            xs.add(x);
            x += metrics.stringWidth(place) + 24 + gap;
        }
        int width = x - gap + 20;
        int height = 150;
        String title = "Legs of the route, in order";
        return new Drawing(title, width, height, g -> {
            int top = 50;
            g.setFont(SMALL);
            g.setColor(INK);
            g.drawString(title, 20, 18);
            for (int i = 0; i < places.size(); i++) {
                int w = metrics.stringWidth(places.get(i)) + 24;
                g.setColor(new Color(0xe8f1ec));
                g.fill(new RoundRectangle2D.Double(xs.get(i), top, w, boxHeight, 10, 10));
                g.setColor(GREEN);
                g.setStroke(new BasicStroke(1.5f));
                g.draw(new RoundRectangle2D.Double(xs.get(i), top, w, boxHeight, 10, 10));
                g.setFont(FONT);
                g.setColor(INK);
                g.drawString(places.get(i), xs.get(i) + 12, top + 22);
                if (i < legs.size()) {
                    Binding leg = legs.get(i);
                    int from = xs.get(i) + w + 6;
                    int to = xs.get(i + 1) - 6;
                    int y = top + boxHeight / 2;
                    g.setColor(GREEN);
                    g.drawLine(from, y, to, y);
                    Path2D head = new Path2D.Double();
                    head.moveTo(to, y);
                    head.lineTo(to - 9, y - 5);
                    head.lineTo(to - 9, y + 5);
                    head.closePath();
                    g.fill(head);
                    g.setFont(SMALL);
                    g.setColor(INK);
                    centre(g, text(leg, "order") + ". " + text(leg, "mode"), (from + to) / 2, y - 8);
                    String crossing = text(leg, "crossing");
                    if (!crossing.isEmpty()) {
                        centre(g, "crossing: " + crossing, (from + to) / 2, y + 18);
                    }
                    String via = text(leg, "via");
                    if (!via.isEmpty()) {
                        centre(g, "via " + via, (from + to) / 2, y + (crossing.isEmpty() ? 18 : 32));
                    }
                }
            }
        });
    }

    /** Origins on the left, destinations on the right, one curve per pair, thicker for more flows. */
    Drawing flows() {
        List<Binding> pairs = queries.select("picture-flows", Map.of());
        List<String> origins = new ArrayList<>(new TreeSet<>(pairs.stream().map(r -> text(r, "origin")).toList()));
        List<String> destinations = new ArrayList<>(new TreeSet<>(pairs.stream().map(r -> text(r, "destination")).toList()));
        FontMetrics metrics = metrics(FONT);
        int left = origins.stream().mapToInt(metrics::stringWidth).max().orElse(0) + 30;
        int rightText = destinations.stream().mapToInt(metrics::stringWidth).max().orElse(0) + 30;
        int row = 22;
        int top = 85;
        int width = left + 420 + rightText;
        int height = top + Math.max(origins.size(), destinations.size()) * row + 20;
        String title = "Migration flows: origin to destination (line width: number of flows; colour: migration type)";
        return new Drawing(title, width, height, g -> {
            g.setFont(SMALL);
            g.setColor(INK);
            g.drawString(title, 10, 18);
            g.drawString("Origin", 10, 72);
            g.drawString("Destination", left + 430, 72);
            Map<String, Color> typeColours = new LinkedHashMap<>();
            for (Binding r : pairs) {
                Color colour = typeColours.computeIfAbsent(text(r, "type"), t -> PALETTE[typeColours.size() % PALETTE.length]);
                int y1 = top + origins.indexOf(text(r, "origin")) * row;
                int y2 = top + destinations.indexOf(text(r, "destination")) * row;
                float weight = 1f + 1.5f * Integer.parseInt(text(r, "flows"));
                g.setStroke(new BasicStroke(Math.min(weight, 12f)));
                g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 150));
                g.draw(new CubicCurve2D.Double(left, y1, left + 210, y1, left + 210, y2, left + 420, y2));
            }
            g.setFont(FONT);
            g.setColor(INK);
            for (int i = 0; i < origins.size(); i++) {
                g.drawString(origins.get(i), left - 10 - metrics.stringWidth(origins.get(i)), top + i * row + 5);
            }
            for (int i = 0; i < destinations.size(); i++) {
                g.drawString(destinations.get(i), left + 430, top + i * row + 5);
            }
            int lx = 10;
            g.setFont(SMALL);
            for (Map.Entry<String, Color> e : typeColours.entrySet()) {
                g.setColor(e.getValue());
                g.fillRect(lx, 48, 10, 10);
                g.setColor(INK);
                String name = e.getKey().isEmpty() ? "type not stated" : e.getKey();
                g.drawString(name, lx + 14, 57);
                lx += metrics(SMALL).stringWidth(name) + 30;
            }
        });
    }

    /** One bar per factor (how many documents name it), grouped and coloured by category. */
    Drawing factors() {
        List<Binding> rows = queries.select("picture-factors", Map.of());
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, Color> categoryColours = new LinkedHashMap<>();
        List<Color> barColours = new ArrayList<>();
        for (Binding r : rows) {
            String category = text(r, "category");
            Color colour = categoryColours.computeIfAbsent(category, c -> PALETTE[categoryColours.size() % PALETTE.length]);
            barColours.add(colour);
            data.addValue(Integer.parseInt(text(r, "documents")), "documents",
                          text(r, "factor") + " (" + text(r, "kind") + ")");
        }
        BarRenderer renderer = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int series, int column) {
                return barColours.get(column);
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        CategoryAxis axis = new CategoryAxis();
        axis.setMaximumCategoryLabelWidthRatio(0.6f);
        axis.setTickLabelFont(SMALL);
        NumberAxis count = new NumberAxis("documents naming the factor");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CategoryPlot plot = new CategoryPlot(data, axis, count, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        LegendItemCollection legend = new LegendItemCollection();
        categoryColours.forEach((name, colour) -> legend.add(new LegendItem(name, colour)));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart("Push and pull factors by category", new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        int height = 120 + rows.size() * 16;
        return new Drawing("Push and pull factors by category", 1000, height, g -> chart.draw(g, new Rectangle(0, 0, 1000, height)));
    }

    /** One bar per event, law or programme over the years it ran, oldest first, coloured by kind. */
    Drawing timeline() {
        List<Binding> rows = queries.select("picture-timeline", Map.of());
        int n = rows.size();
        Number[][] starts = new Number[1][n];
        Number[][] ends = new Number[1][n];
        Comparable<?>[] items = new Comparable<?>[n];
        Map<String, Color> kindColours = new LinkedHashMap<>();
        List<Color> barColours = new ArrayList<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            Binding r = rows.get(i);
            int start = Integer.parseInt(text(r, "start"));
            int end = Integer.parseInt(text(r, "end"));
            starts[0][i] = start;
            ends[0][i] = end + 1;
            first = Math.min(first, start);
            last = Math.max(last, end + 1);
            items[i] = start + (end > start ? "-" + end : "") + "  " + text(r, "item");
            String kind = text(r, "kind");
            barColours.add(kindColours.computeIfAbsent(kind, k -> PALETTE[kindColours.size() % PALETTE.length]));
        }
        DefaultIntervalCategoryDataset data = new DefaultIntervalCategoryDataset(
            new Comparable<?>[] {"years"}, items, starts, ends);
        IntervalBarRenderer renderer = new IntervalBarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int series, int column) {
                return barColours.get(column);
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        CategoryAxis axis = new CategoryAxis();
        axis.setMaximumCategoryLabelWidthRatio(0.55f);
        axis.setTickLabelFont(SMALL);
        NumberAxis years = new NumberAxis("year");
        years.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        years.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        years.setRange(first - 1, last + 1);
        CategoryPlot plot = new CategoryPlot(data, axis, years, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        LegendItemCollection legend = new LegendItemCollection();
        kindColours.forEach((name, colour) -> legend.add(new LegendItem(name, colour)));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart("Timeline of events, laws and programmes", new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        int height = 120 + n * 18;
        return new Drawing("Timeline of events, laws and programmes", 1000, height, g -> chart.draw(g, new Rectangle(0, 0, 1000, height)));
    }

    private static void centre(Graphics2D g, String text, int x, int y) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
    }

    private static FontMetrics metrics(Font font) {
        Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return scratch.getFontMetrics(font);
        } finally {
            scratch.dispose();
        }
    }

    private static String text(Binding row, String column) {
        Node value = row.get(Var.alloc(column));
        return value == null ? "" : value.isLiteral() ? value.getLiteralLexicalForm() : value.getURI();
    }
}
