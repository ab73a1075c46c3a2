package io.relais;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void modulesOnlyUseEachOthersApisAndHaveNoCycles() {
        ApplicationModules.of(RelaisApplication.class).verify();
    }
}
