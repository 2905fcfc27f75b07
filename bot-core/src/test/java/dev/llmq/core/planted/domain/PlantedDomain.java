package dev.llmq.core.planted.domain;

import dev.llmq.core.planted.a.PlantedUseCase;

/** A planted violation for ArchitectureTest: a domain class that reaches up into the application layer. */
public final class PlantedDomain {
    public PlantedUseCase useCase() {
        return new PlantedUseCase();
    }
}
