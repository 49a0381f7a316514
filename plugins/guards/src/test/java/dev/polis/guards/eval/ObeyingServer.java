package dev.polis.guards.eval;

import java.net.InetSocketAddress;
import dev.polis.openai.server.ChatCompletionsServer;
import dev.polis.openai.server.ServerOptions;

/**
 * Serves {@link ObeyingModel} over loopback HTTP until killed, for measuring the end-to-end mode by hand:
 * {@code java -cp <test classpath> dev.polis.guards.eval.ObeyingServer 8099}, then
 * {@code polis guard eval ... --target openai:http://127.0.0.1:8099/v1#obey}.
 */
public final class ObeyingServer {

    private ObeyingServer() {
    }

    /** Serves on the port given as the first argument (default 8099). */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8099;
        ChatCompletionsServer server = ChatCompletionsServer.start(ObeyingModel.create(), "obey",
                new InetSocketAddress("127.0.0.1", port), ServerOptions.DEFAULTS);
        System.out.println("obeying model at " + server.baseUrl());
        Thread.currentThread().join();
    }
}
