/** Discord adapter (JDA). Renders core replies as embeds and buttons; arrives with the Discord issue. */
package dev.llmq.discord;
