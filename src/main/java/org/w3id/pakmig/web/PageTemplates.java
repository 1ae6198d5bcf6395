package org.w3id.pakmig.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The Thymeleaf templates under {@code org/w3id/pakmig/web/templates/}, HTML mode, escaping by default. */
public final class PageTemplates {
    private final TemplateEngine engine;

    public PageTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PageTemplates.class.getClassLoader());
        resolver.setPrefix("org/w3id/pakmig/web/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    /** Renders {@code template} with {@code variables} as the response. */
    public void render(HttpServletResponse response, String template, Map<String, Object> variables) throws IOException {
        Context context = new Context();
        context.setVariables(variables);
        response.setContentType("text/html;charset=utf-8");
        engine.process(template, context, response.getWriter());
    }
}
