package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.json.BasicJsonParser;
import org.springframework.boot.json.JsonParseException;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import tools.jackson.databind.json.JsonMapper;

class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(RelaisApplication.class);

    /** What spring-modulith-apt collects of the Javadoc at compile time, and the module canvases show. */
    static final Path JAVADOC = Path.of("target/generated-spring-modulith/javadoc.json");

    @Test
    void modulesOnlyUseEachOthersApisAndHaveNoCycles() {
        MODULES.verify();
    }

    /**
     * The module diagrams (PlantUML/C4: all modules, then one per module) and the module canvases (each module's
     * API, beans, events and properties with their Javadoc), in target/spring-modulith-docs.
     */
    @Test
    void theModuleDiagramsAndCanvasesAreWrittenIntoTheDocs() throws IOException {
        assertThat(commentsModulithCannotRead()).as("Spring Modulith 2.0.3 reads the collected Javadoc back with Boot's "
                + "BasicJsonParser, which fails on a double-quoted text holding a comma: write “a, b” or {@code a, b} "
                + "in these comments").isEmpty();
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml()
                .writeModuleCanvases(Documenter.CanvasOptions.defaults());
        assertThat(Path.of("target/spring-modulith-docs/module-publish.adoc")).content().contains("FeedPublisher");
    }

    /**
     * The diagrams committed in docs/modules (PlantUML sources, and a Mermaid graph GitHub draws) are the current
     * module map: each run writes them from the code and fails, naming the files, when the committed copy differed.
     */
    @Test
    void theModuleDiagramsInDocsAreWrittenFromTheCode() throws IOException {
        assertThat(ModuleDiagrams.regenerate(MODULES)).as("module diagrams regenerated from the code: commit them")
                .isEmpty();
    }

    /** The types whose Javadoc Modulith's reader would choke on (it reads all of them at once, so one is enough). */
    private static List<String> commentsModulithCannotRead() throws IOException {
        if (!Files.exists(JAVADOC)) {
            return List.of();   // no Javadoc collected: the canvases go without it
        }
        List<String> unreadable = new ArrayList<>();
        for (Object type : JsonMapper.builder().build().readValue(JAVADOC.toFile(), List.class)) {
            String one = JsonMapper.builder().build().writeValueAsString(List.of(type));
            try {
                new BasicJsonParser().parseList(one);
            } catch (JsonParseException e) {
                unreadable.add(String.valueOf(((Map<?, ?>) type).get("name")));
            }
        }
        return unreadable;
    }
}
