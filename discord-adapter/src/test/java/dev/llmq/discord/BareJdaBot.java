package dev.llmq.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.RestConfig;

/**
 * The baseline of the start-up benchmark ({@link ColdStartBenchmark}): the smallest JDA 6 bot that
 * does what llmq's start does on Discord, in its own process. It logs in with the same settings
 * ({@code createLight}, no intents), waits for READY, registers one guild command, and answers
 * every slash command with a constant text (with {@code defer}: defers, then edits it in, as llmq
 * answers an ask). JDA's defaults are left as they are.
 *
 * <p>Reads DISCORD_TOKEN, DISCORD_API_URL, DISCORD_GATEWAY_URL and DISCORD_GUILD_ID, as llmq does.
 */
public final class BareJdaBot {
    private BareJdaBot() {
    }

    /** A bare JDA client with llmq's settings on these endpoints, READY, with {@code listener}: for other harnesses. */
    public static JDA client(String token, String apiUrl, String gatewayUrl, Object listener) throws InterruptedException {
        return JDABuilder.createLight(token, DiscordBot.INTENTS)
                .setRestConfig(new RestConfig().setBaseUrl(apiUrl))
                .setSessionController(new FixedGateway(gatewayUrl))
                .setEnableShutdownHook(false)
                .addEventListeners(listener)
                .build().awaitReady();
    }

    /** @param args {@code defer} to answer as llmq answers an ask: defer, then edit on a virtual thread */
    public static void main(String[] args) throws InterruptedException {
        boolean defer = args.length > 0 && args[0].equals("defer");
        JDA jda = JDABuilder.createLight(System.getenv("DISCORD_TOKEN"), DiscordBot.INTENTS)
                .setRestConfig(new RestConfig().setBaseUrl(System.getenv("DISCORD_API_URL")))
                .setSessionController(new FixedGateway(System.getenv("DISCORD_GATEWAY_URL")))
                .addEventListeners(new ListenerAdapter() {
                    @Override
                    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                        if (defer) {
                            event.deferReply().queue();
                            Thread.ofVirtual().start(() -> event.getHook().editOriginal("pong").queue());
                        } else {
                            event.reply("pong").setEphemeral(true).queue();
                        }
                    }
                })
                .build().awaitReady();
        jda.getGuildById(System.getenv("DISCORD_GUILD_ID")).updateCommands()
                .addCommands(Commands.slash("llmq", "An interview question")
                        .addOption(OptionType.STRING, "topic", "The topic", false))
                .queue();
        System.err.println("bare JDA bot: ready");
    }
}
