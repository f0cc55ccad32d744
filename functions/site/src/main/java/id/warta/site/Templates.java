package id.warta.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.util.Map;

/**
 * The jte templates of src/main/jte, compiled to Java classes by jte-maven-plugin at build time:
 * nothing is parsed or compiled when a container starts. Html content type: every {@code ${...}}
 * is escaped for where it stands (text, attribute, script).
 */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    String render(String template, Map<String, Object> parameters) {
        StringOutput output = new StringOutput(16 * 1024);
        engine.render(template + ".jte", parameters, output);
        return output.toString();
    }
}
