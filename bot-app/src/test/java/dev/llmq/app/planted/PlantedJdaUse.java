package dev.llmq.app.planted;

import net.dv8tion.jda.api.JDA;

/** A planted violation for SystemArchitectureTest: wiring code that touches a JDA type. */
public final class PlantedJdaUse {
    private PlantedJdaUse() {
    }

    public static String name(JDA jda) {
        return jda.getSelfUser().getName();
    }
}
