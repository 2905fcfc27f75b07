/**
 * Slack adapter: Bolt for Java in socket mode (Java-WebSocket backend). Translates {@code /llmq},
 * button presses and App Home visits into core commands, renders core replies as Block Kit, and
 * posts daily questions ({@link dev.llmq.slack.SlackPublisher}).
 */
package dev.llmq.slack;
