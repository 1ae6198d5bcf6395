package org.w3id.pakmig.web;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A picture drawn with Java2D, written as SVG by JFreeSVG (text stays text, escaped by the
 * library) or as PNG by the JDK.
 */
record Drawing(String title, int width, int height, Consumer<Graphics2D> painter) {

    /** An {@code <svg>} element that scales to its container. */
    String svg() {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        paint(g);
        return g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
    }

    /** A standalone SVG file. */
    String svgDocument() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg() + "\n";
    }

    byte[] png() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            paint(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void paint(Graphics2D g) {
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
        painter.accept(g);
    }
}
