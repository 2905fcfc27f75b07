/**
 * Start-up settings shared by every module: reading variables and secrets ({@link dev.llmq.core.config.Env}),
 * and the one-line start-up failure ({@link dev.llmq.core.config.StartupFailure}).
 */
package dev.llmq.core.config;
