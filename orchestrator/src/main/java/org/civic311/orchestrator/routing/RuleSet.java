package org.civic311.orchestrator.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.builder.model.KieSessionModel;
import org.kie.api.runtime.KieContainer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Rule files compiled together into one {@link KieContainer}: one knowledge base and one stateless session per
 * folder of {@code rules/}, each named after it, of the package {@code rules.<folder>}. Every compilation is a new
 * release of its own, so a set compiled for a preview never touches the one in force.
 */
public final class RuleSet {

    private static final AtomicLong RELEASES = new AtomicLong();

    private final Map<String, RuleFile> files;
    private final KieContainer container;

    private RuleSet(Map<String, RuleFile> files, KieContainer container) {
        this.files = files;
        this.container = container;
    }

    /** @throws RulesRejected when the files do not compile, with Drools' own messages */
    public static RuleSet compile(Collection<RuleFile> files) {
        Map<String, RuleFile> byPath = new TreeMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        return new RuleSet(Map.copyOf(byPath), build(byPath.values()));
    }

    /** These files in place of those of the same folder and name; the others stay. */
    public RuleSet with(Collection<RuleFile> replacing) {
        Map<String, RuleFile> merged = new TreeMap<>(files);
        replacing.forEach(f -> merged.put(f.path(), f));
        return compile(merged.values());
    }

    /** The files of the {@code rules/} folders on the class path: what the application deploys at first start. */
    public static List<RuleFile> classpathFiles() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(RuleSet.class.getClassLoader())
                    .getResources("classpath*:rules/*/*");
            List<RuleFile> files = new ArrayList<>();
            for (Resource resource : resources) {
                if (resource.getFilename() != null && RuleFile.isRuleFile(resource.getFilename())) {
                    files.add(RuleFile.read(resource.getFilename(), resource.getContentAsByteArray()));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rules/ from the class path", e);
        }
    }

    /** The rule files of a {@code rules/} folder on disk (tests, benchmarks). */
    public static List<RuleFile> folderFiles(Path rules) {
        try (Stream<Path> paths = Files.walk(rules, 2)) {
            List<RuleFile> files = new ArrayList<>();
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                if (RuleFile.isRuleFile(path.getFileName().toString())) {
                    files.add(RuleFile.read(path.getFileName().toString(), Files.readAllBytes(path)));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + rules, e);
        }
    }

    public KieContainer container() {
        return container;
    }

    /** The files, in the order of their paths ({@code routing/routing.drl}, {@code sla/sla.drl}). */
    public Collection<RuleFile> files() {
        return files.values();
    }

    /** The folders of {@code rules/} this set has files for. */
    public Collection<String> knowledgeBases() {
        return files.values().stream().map(RuleFile::knowledgeBase).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static KieContainer build(Collection<RuleFile> files) {
        KieServices kie = KieServices.get();
        ReleaseId release = kie.newReleaseId("org.civic311", "rules", "1.0." + RELEASES.incrementAndGet());
        KieModuleModel module = kie.newKieModuleModel();
        files.stream().map(RuleFile::knowledgeBase).distinct().forEach(base -> module.newKieBaseModel(base)
                .addPackage("rules." + base)
                .newKieSessionModel(base).setType(KieSessionModel.KieSessionType.STATELESS));
        KieFileSystem fileSystem = kie.newKieFileSystem();
        fileSystem.generateAndWritePomXML(release);
        fileSystem.writeKModuleXML(module.toXML());
        for (RuleFile file : files) {
            String name = file.name().toLowerCase(java.util.Locale.ROOT).endsWith(".drl") ? file.name()
                    : file.name() + ".drl";
            fileSystem.write("src/main/resources/rules/" + file.knowledgeBase() + "/" + name, file.drl());
        }
        KieBuilder builder = kie.newKieBuilder(fileSystem).buildAll(DrlProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            kie.getRepository().removeKieModule(release);
            throw new RulesRejected("The rules do not compile: " + errors.stream()
                    .map(m -> String.valueOf(m.getPath()).replaceFirst("^src/main/resources/rules/", "") + " line " + m.getLine()
                            + ": " + m.getText())
                    .collect(Collectors.joining("; ")));
        }
        KieContainer container = kie.newKieContainer(release);
        // The container holds its module; the repository need not keep every release ever compiled.
        kie.getRepository().removeKieModule(release);
        return container;
    }
}
