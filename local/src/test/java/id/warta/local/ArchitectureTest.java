package id.warta.local;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module rules of ARCHITECTURE.md, checked on each module's compiled main classes
 * (target/classes, which the reactor has built before this module's tests run):
 * the domain knows no AWS SDK, Jackson, Lambda or HTTP types and none of the adapters; http and
 * dynamo do not know each other; no function knows another; and no package lives in two modules.
 */
class ArchitectureTest {
    private static final Path ROOT = ProjectRoot.find();
    private static final List<String> LIBRARIES = List.of("domain", "http", "dynamo");
    private static final List<String> FUNCTIONS = SamTemplate.load(ROOT.resolve("template.yaml")).functions().stream()
            .map(SamTemplate.Function::codeUri).distinct().sorted().toList();

    static {
        // Rules name packages, so the classes a module uses need not be imported themselves (JDK, SDK):
        // without this the import walks the whole classpath and takes half a minute.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    }

    @Test
    void theDomainKnowsNoInfrastructure() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon.awssdk..", "com.fasterxml.jackson..", "com.auth0..", "com.amazonaws.services.lambda..",
                        "java.net.http..", "id.warta.http..", "id.warta.json..", "id.warta.dynamo..", "id.warta.config..")
                .because("business rules are plain Java; adapters depend on them, never the other way round");
        rule.check(classesOf("domain"));
    }

    @Test
    void httpAndDynamoDoNotKnowEachOther() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(packagesOf("dynamo").toArray(String[]::new))
                .because("the HTTP layer maps requests and errors; storage is wired in by each function")
                .check(classesOf("http"));
        noClasses().should().dependOnClassesThat().resideInAnyPackage(packagesOf("http").toArray(String[]::new))
                .orShould().dependOnClassesThat().resideInAnyPackage("com.amazonaws.services.lambda.runtime.events..")
                .because("storage knows nothing of requests and responses")
                .check(classesOf("dynamo"));
    }

    @TestFactory
    Stream<DynamicTest> noFunctionKnowsAnother() {
        return FUNCTIONS.stream().map(function -> DynamicTest.dynamicTest(function, () -> {
            String[] others = FUNCTIONS.stream().filter(other -> !other.equals(function))
                    .flatMap(other -> packagesOf(other).stream()).toArray(String[]::new);
            noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("functions share code only through the domain, http and dynamo modules")
                    .check(classesOf(function));
        }));
    }

    @Test
    void noPackageLivesInTwoModules() {
        Map<String, Set<String>> modulesByPackage = new TreeMap<>();
        for (String module : modules()) {
            for (String pkg : packagesOf(module)) {
                modulesByPackage.computeIfAbsent(pkg, p -> new TreeSet<>()).add(module);
            }
        }
        Map<String, Set<String>> split = new LinkedHashMap<>();
        modulesByPackage.forEach((pkg, modules) -> {
            if (modules.size() > 1) {
                split.put(pkg, modules);
            }
        });
        assertThat(modulesByPackage).as("packages found in the modules' target/classes").isNotEmpty();
        assertThat(split).as("packages present in more than one module").isEmpty();
    }

    private static List<String> modules() {
        return Stream.of(LIBRARIES.stream(), FUNCTIONS.stream(), Stream.of("local")).flatMap(s -> s).toList();
    }

    private static JavaClasses classesOf(String module) {
        return new ClassFileImporter().importPath(classesDir(module));
    }

    /** The packages that hold at least one class of the module. */
    private static Set<String> packagesOf(String module) {
        Path classes = classesDir(module);
        try (Stream<Path> files = Files.walk(classes)) {
            Set<String> packages = new TreeSet<>();
            files.filter(f -> f.getFileName().toString().endsWith(".class"))
                    .map(f -> classes.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), "."))
                    .forEach(packages::add);
            return packages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path classesDir(String module) {
        Path classes = ROOT.resolve(module).resolve("target/classes");
        assertThat(classes).as(module + " compiled classes (build the whole reactor first)").isDirectory();
        return classes;
    }
}
