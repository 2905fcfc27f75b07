/** Slack adapter (Bolt, socket mode). Renders core replies as Block Kit; arrives with the Slack issue. */
package dev.llmq.slack;
