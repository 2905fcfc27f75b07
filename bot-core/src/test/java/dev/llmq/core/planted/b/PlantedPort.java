package dev.llmq.core.planted.b;

import dev.llmq.core.planted.a.PlantedUseCase;

/** A planted violation for ArchitectureTest: the other half of the a ↔ b cycle. */
public final class PlantedPort {
    public PlantedUseCase useCase() {
        return new PlantedUseCase();
    }
}
