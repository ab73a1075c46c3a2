package io.relais;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(RelaisApplication.class);

    @Test
    void modulesOnlyUseEachOthersApisAndHaveNoCycles() {
        MODULES.verify();
    }

    /** The module diagrams (PlantUML: all modules, then one per module) and module canvases, in target/spring-modulith-docs. */
    @Test
    void theModuleDiagramsAreWrittenIntoTheDocs() {
        new Documenter(MODULES).writeDocumentation();
    }
}
