package dev.llmq.core.planted.a;

import dev.llmq.core.planted.b.PlantedPort;

/** A planted violation for ArchitectureTest: a.PlantedUseCase and b.PlantedPort use each other (a cycle). */
public final class PlantedUseCase {
    public PlantedPort port() {
        return new PlantedPort();
    }
}
