package dev.polis.openai;

import dev.polis.api.chat.ChatModel;
import dev.polis.testkit.ChatModelCompatibilityKit;
import dev.polis.testkit.chat.ScriptedChatModel;

class ScriptedChatModelCompatibilityTest extends ChatModelCompatibilityKit {

    @Override
    protected ChatModel createModel() {
        return ScriptedChatModel.builder().reply("Hello, first caller.").answer(r -> "Hello there, friend.").build();
    }
}
