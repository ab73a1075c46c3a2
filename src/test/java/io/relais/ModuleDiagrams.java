package io.relais;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.docs.Documenter;

/**
 * The module diagrams committed in {@code docs/modules/}: Spring Modulith's PlantUML (C4) sources — all modules in
 * {@code components.puml}, then one {@code module-<name>.puml} each — and {@code README.md}, the same graph as a
 * Mermaid diagram (GitHub draws it in plain markdown, no rendering service) with a table of each module's
 * dependencies as the code has them. Written from the code on every test run, so they cannot drift.
 */
final class ModuleDiagrams {

    static final Path DOCS = Path.of("docs/modules");
    private static final Path FRESH = Path.of("target/module-diagrams");

    private ModuleDiagrams() {
    }

    /**
     * Writes the diagrams into {@code docs/modules/} and returns the files whose committed copy was different, missing
     * or no longer generated (removed): what a developer has to commit.
     */
    static List<String> regenerate(ApplicationModules modules) throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(FRESH.toString()))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        Files.writeString(FRESH.resolve("README.md"), markdown(modules), StandardCharsets.UTF_8);

        Files.createDirectories(DOCS);
        List<String> changed = new ArrayList<>();
        Set<String> generated = names(FRESH);
        for (String name : generated) {
            byte[] fresh = canonical(Files.readString(FRESH.resolve(name), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            Path committed = DOCS.resolve(name);
            if (!Files.exists(committed) || !Arrays.equals(Files.readAllBytes(committed), fresh)) {
                Files.write(committed, fresh);
                changed.add(committed.toString());
            }
        }
        for (String name : names(DOCS)) {
            if (!generated.contains(name)) {
                Files.delete(DOCS.resolve(name));
                changed.add(DOCS.resolve(name) + " (removed)");
            }
        }
        return changed;
    }

    /**
     * The diagram with each run of consecutive declarations ({@code Component(...)}, {@code Rel(...)}) in sorted order:
     * the order Modulith writes them in follows how the classes were found, which need not be the same on every
     * machine, and PlantUML does not depend on it.
     */
    static String canonical(String diagram) {
        List<String> lines = new ArrayList<>(Arrays.asList(diagram.split("\n", -1)));
        int start = 0;
        while (start < lines.size()) {
            String kind = declaration(lines.get(start));
            int end = start + 1;
            while (kind != null && end < lines.size() && kind.equals(declaration(lines.get(end)))) {
                end++;
            }
            if (kind != null) {
                lines.subList(start, end).sort(null);
            }
            start = end;
        }
        return String.join("\n", lines);
    }

    private static String declaration(String line) {
        String trimmed = line.strip();
        for (String kind : List.of("Component(", "Rel(", "Container(", "Person(")) {
            if (trimmed.startsWith(kind)) {
                return kind;
            }
        }
        return null;
    }

    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static String markdown(ApplicationModules modules) {
        List<ApplicationModule> sorted = modules.stream().sorted(Comparator.comparing(ApplicationModule::getName))
                .toList();
        StringBuilder md = new StringBuilder("""
                # Modules

                Generated from the code by `ModularityTest` (Spring Modulith): do not edit. A test run rewrites this
                file and the PlantUML sources beside it, and fails while the committed copy differs: commit what it
                wrote. What each module owns: [architecture](../architecture.md).

                ```mermaid
                flowchart LR
                """);
        for (ApplicationModule module : sorted) {
            md.append("  ").append(id(module)).append("[\"").append(module.getName()).append("\"]\n");
        }
        for (ApplicationModule module : sorted) {
            for (String target : dependencies(module, modules)) {
                md.append("  ").append(id(module)).append(" --> ").append("m_").append(target).append('\n');
            }
        }
        md.append("""
                ```

                An arrow points from a module to one it depends on (it calls its API, uses its types or listens to its
                events).

                | module | package | depends on | of which it listens to events of |
                |---|---|---|---|
                """);
        for (ApplicationModule module : sorted) {
            md.append("| ").append(module.getName()).append(" | `").append(module.getBasePackage().getName())
                    .append("` | ").append(list(dependencies(module, modules))).append(" | ")
                    .append(list(dependencies(module, modules, DependencyType.EVENT_LISTENER))).append(" |\n");
        }
        md.append("\nPlantUML (C4) sources, for a PlantUML renderer:\n\n- [all modules](components.puml)\n");
        for (ApplicationModule module : sorted) {
            md.append("- [").append(module.getName()).append("](module-").append(module.getName()).append(".puml)\n");
        }
        return md.toString();
    }

    private static Set<String> dependencies(ApplicationModule module, ApplicationModules modules,
                                            DependencyType... types) {
        return module.getDirectDependencies(modules, types).uniqueModules().map(ApplicationModule::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String list(Set<String> names) {
        return names.isEmpty() ? "—" : String.join(", ", names);
    }

    private static String id(ApplicationModule module) {
        return "m_" + module.getName();
    }
}
