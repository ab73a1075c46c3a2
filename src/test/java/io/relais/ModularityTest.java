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

    /**
     * The module diagrams (PlantUML/C4: all modules, then one per module), in target/spring-modulith-docs. Not the
     * module canvases: Modulith 2.0.3 reads the Javadoc it collects back with a JSON parser that fails on comments
     * holding quotes.
     */
    @Test
    void theModuleDiagramsAreWrittenIntoTheDocs() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
