/**
 * The Discord adapter, on JDA 6: translates slash commands, autocomplete and button presses into
 * core calls, renders the core's replies as embeds and buttons, and publishes daily questions.
 * It uses only the non-privileged {@code GUILDS} intent.
 */
package dev.llmq.discord;
