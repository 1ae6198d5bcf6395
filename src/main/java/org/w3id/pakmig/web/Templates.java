package org.w3id.pakmig.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The Thymeleaf templates in {@code templates/}; everything they print is HTML-escaped unless a template says otherwise. */
public final class Templates {
    private final TemplateEngine engine = new TemplateEngine();

    public Templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        resolver.setPrefix("org/w3id/pakmig/web/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    void render(String template, Map<String, Object> variables, Writer out) {
        engine.process(template, new Context(null, variables), out);
    }

    /** Renders {@code template} with {@code variables} as an HTML response. */
    void render(HttpServletResponse response, String template, Map<String, Object> variables) throws IOException {
        response.setContentType("text/html;charset=utf-8");
        render(template, variables, response.getWriter());
    }
}
