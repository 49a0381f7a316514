/**
 * GovSim's LLM generative agent ({@code govsim.llm}): a memory stream with importance ratings, retrieval,
 * reflection, group-chat turns and the framework model's chat analysis, on prompts a user can override.
 *
 * <p>Settings of the agent (all optional):
 * <table>
 *   <caption>govsim.llm settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>prompts</td><td>built in</td><td>a prompt pack: a folder whose {@code .txt} files replace built-in
 *       texts (see {@link dev.polis.govsim.text.PromptPack})</td></tr>
 *   <tr><td>frameworkModel</td><td>the agent's model</td><td>model spec for chat summaries and agreed-limit
 *       extraction</td></tr>
 *   <tr><td>embedder</td><td>{@code lexical}</td><td>{@code lexical} (TF-IDF cosine) or an embedding model
 *       spec resolved through an {@link dev.polis.api.embedding.EmbeddingModelProvider}</td></tr>
 *   <tr><td>rulesRole</td><td>{@code system}</td><td>{@code system} or {@code user} (the original's single
 *       user message)</td></tr>
 *   <tr><td>rateImportance</td><td>true</td><td>ask the model to rate each memory (false: every memory gets 5,
 *       saving about a third of the calls)</td></tr>
 *   <tr><td>recency</td><td>{@code oldest-first}</td><td>{@code oldest-first} (the original's inverted
 *       recency) or {@code newest-first}</td></tr>
 *   <tr><td>harvestMemories, turnMemories, reflectionMemories</td><td>10 (pollution 14), 5, 10</td><td>memories
 *       retrieved per focal point</td></tr>
 *   <tr><td>concludeWhenUnclear</td><td>true</td><td>whether a turn whose yes/no cannot be read ends the chat
 *       (the original's behaviour)</td></tr>
 *   <tr><td>chainOfThought</td><td>true</td><td>ask for step-by-step reasoning before the answer</td></tr>
 *   <tr><td>temperature, maxTokens</td><td>0.0, 2000</td><td>generation settings of every call</td></tr>
 *   <tr><td>thoughtDays</td><td>63</td><td>how long thoughts and chat summaries stay retrievable</td></tr>
 *   <tr><td>structuredHarvest</td><td>false</td><td>ask each harvest as a JSON schema answer
 *       ({@code {"amount": N}}, see {@link dev.polis.govsim.agent.llm.parse.StructuredHarvest}) instead of free
 *       text read by the original's rule</td></tr>
 *   <tr><td>choices</td><td>{@code free}</td><td>{@code constrained}: ask each importance rating as a JSON schema
 *       answer ({@code {"rating": N}}, see {@link dev.polis.govsim.agent.llm.parse.StructuredImportance}) and each
 *       chat turn as a JSON object whose conclusion is yes or no and whose next speaker is a participant's name
 *       (see {@link dev.polis.govsim.agent.llm.parse.StructuredTurn})</td></tr>
 *   <tr><td>layout</td><td>{@code polis}</td><td>{@code polis} or {@code original} (one user message per prompt,
 *       reply prefixes; see {@link dev.polis.govsim.agent.llm.prompt.PromptLayout})</td></tr>
 *   <tr><td>prefill</td><td>{@code auto}</td><td>how the original layout sends reply prefixes: {@code auto},
 *       {@code assistant}, {@code inline}, {@code off} (see {@link dev.polis.govsim.agent.llm.prompt.PrefillMode})</td></tr>
 *   <tr><td>shortMaxTokens</td><td>{@code maxTokens}</td><td>the token limit of short answers (ratings, chat
 *       thoughts, the chat summary; see {@link CallLimits})</td></tr>
 *   <tr><td>stops</td><td>{@code none}</td><td>{@code original}: short answers stop where the original stops
 *       them</td></tr>
 *   <tr><td>parseFallback</td><td>{@code none}</td><td>{@code reask}: a harvest answer without an answer line is
 *       asked exactly once more (recorded on the {@code govsim.llm.harvest} event)</td></tr>
 * </table>
 */
package dev.polis.govsim.agent.llm;
