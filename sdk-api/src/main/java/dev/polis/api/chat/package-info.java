/** Chat models: messages with roles and privileges, requests and responses, providers that resolve model specs. */
package dev.polis.api.chat;
