package dev.polis.mindsearch.interp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polis.mindsearch.graph.GraphNode;
import dev.polis.mindsearch.graph.NodeKind;
import dev.polis.mindsearch.graph.SearchGraph;
import org.junit.jupiter.api.Test;

/**
 * The interpreter on the code planners write (spec section 2.3) and on the code that crashed the original: every
 * fault comes back as an error the planner reads, and the statements before it take effect.
 */
class PlannerInterpreterTest {

    private final SearchGraph graph = new SearchGraph();
    private final PlannerInterpreter interpreter = new PlannerInterpreter(graph);

    PlannerInterpreterTest() {
        graph.addRoot(SearchGraph.ROOT, "the user's question"); // as the planner does before the first turn
    }

    @Test
    void theOriginalsFirstTurnBuildsRootNodesAndEdges() {
        CodeOutcome outcome = interpreter.run("""
                from mindsearch.agent.graph import WebSearchGraph
                graph = WebSearchGraph()
                graph.add_root_node(node_content="Which is older, A or B?", node_name="root")

                # two independent sub-questions, searched in parallel
                graph.add_node(node_name="a", node_content="When was A founded?")
                graph.add_node(
                    node_name='b',
                    node_content='When was '
                                 "B founded?",   # implicit concatenation across lines
                )
                graph.add_edge(start_node="root", end_node="a")
                graph.add_edge(start_node="root", end_node="b")
                a, b = graph.node("a"), graph.node("b")
                print(a)
                """);

        assertThat(outcome.errors()).isEmpty();
        assertThat(graph.names()).containsExactly("root", "a", "b");
        assertThat(graph.node("b").content()).isEqualTo("When was B founded?");
        assertThat(graph.root()).map(GraphNode::content).contains("Which is older, A or B?");
        assertThat(graph.edgesSnapshot()).hasSize(2);
    }

    @Test
    void anUnexpectedKeywordLikeIssue285sEndNodeComesBackAsAnErrorNotACrash() {
        CodeOutcome outcome = interpreter.run("""
                graph.add_node("q1", "Who founded A?")
                graph.add_edge(start_node="root", endNode="q1")
                graph.add_node("q2", "never reached")
                """);

        assertThat(outcome.errors()).singleElement().asString()
                .contains("line 2", "unexpected keyword argument 'endNode'", "start_node, end_node",
                        "1 statement(s) after it did not run");
        assertThat(graph.names()).as("statements before the error took effect").containsExactly("root", "q1");
    }

    @Test
    void aMisspelledNodeNameLikeIssue256ComesBackWithTheNamesThereAre() {
        interpreter.run("graph.add_node('capital_city', 'What is the capital of X?')");

        CodeOutcome outcome = interpreter.run("graph.node('capitol_city')");

        assertThat(outcome.errors()).singleElement().asString()
                .contains("line 1", "no node named 'capitol_city'", "root, capital_city");
    }

    @Test
    void brokenSyntaxRunsNothingAndSaysWhere() {
        CodeOutcome outcome = interpreter.run("graph.add_node('q1', 'x')\ngraph.add_node('q2', 'unclosed)\n");

        assertThat(outcome.errors()).singleElement().asString().contains("syntax error", "line 2", "not closed");
        assertThat(graph.names()).containsExactly("root");
    }

    @Test
    void unknownFunctionsAndMethodsAreNamed() {
        assertThat(interpreter.run("search('x')").errors()).singleElement().asString()
                .contains("name 'search' is not defined", "add_node");
        assertThat(interpreter.run("add_node('q', 'x')").errors()).singleElement().asString()
                .contains("graph.add_node(...)");
        assertThat(interpreter.run("graph.add_nodes('q', 'x')").errors()).singleElement().asString()
                .contains("no method 'add_nodes'");
        assertThat(interpreter.run("undefined_var.add_node('q', 'x')").errors()).singleElement().asString()
                .contains("name 'undefined_var' is not defined");
    }

    @Test
    void compoundStatementsAreRefusedWithAHint() {
        CodeOutcome outcome = interpreter.run("for q in ['a', 'b']:\n    graph.add_node(q, q)\n");

        assertThat(outcome.errors()).singleElement().asString().contains("'for' statements are not supported",
                "one graph call per line");
    }

    @Test
    void wrongArgumentsAreReportedThePythonWay() {
        assertThat(interpreter.run("graph.add_node('q1')").errors()).singleElement().asString()
                .contains("missing required argument(s): node_content");
        assertThat(interpreter.run("graph.add_edge('a', 'b', 'c')").errors()).singleElement().asString()
                .contains("takes 2 argument(s)");
        assertThat(interpreter.run("graph.add_node('q1', ['a list'])").errors()).singleElement().asString()
                .contains("node_content must be a string but was a list");
        assertThat(interpreter.run("graph.add_node('q1', 'x', node_name='q2')").errors()).singleElement().asString()
                .contains("multiple values for argument 'node_name'");
    }

    @Test
    void variablesLiveFromOneTurnToTheNext() {
        interpreter.run("question = 'Who wrote ' + \"the book?\"\nname = r'q\\1'");

        CodeOutcome outcome = interpreter.run("graph.add_node(name, question)");

        assertThat(outcome.errors()).isEmpty();
        assertThat(graph.node("q\\1").content()).isEqualTo("Who wrote the book?");
    }

    @Test
    void fStringsFillTheirFieldsFromVariablesAndKeepDoubledBraces() {
        interpreter.run("town = 'Kellmouth'\nn = 2");

        CodeOutcome outcome = interpreter.run("graph.add_node(f'q{n}_{town}', f\"Which river flows through {town!r}?\" ' {x}')\n"
                + "graph.add_node('q3', f'{{literal}} {graph.node(\"q2_Kellmouth\")[\"content\"]:>10}')");

        assertThat(outcome.errors()).isEmpty();
        assertThat(graph.node("q2_Kellmouth").content()).isEqualTo("Which river flows through Kellmouth? {x}");
        assertThat(graph.node("q3").content()).isEqualTo("{literal} Which river flows through Kellmouth? {x}");
        assertThat(interpreter.run("graph.add_node('q4', f'{unknown}')").errors()).singleElement().asString()
                .contains("name 'unknown' is not defined");
    }

    @Test
    void stringsKeepTheirEscapesAndTripleQuotes() {
        interpreter.run("graph.add_node(\"q1\", \"\"\"Line one\nand \"two\\\"\"\"\")\ngraph.add_node('q2', 'tab\\there')");

        assertThat(graph.node("q1").content()).isEqualTo("Line one\nand \"two\"");
        assertThat(graph.node("q2").content()).isEqualTo("tab\there");
    }

    @Test
    void anEdgeMayBeDeclaredBeforeItsNodeAndAnEdgeToNoNodeIsDropped() {
        CodeOutcome outcome = interpreter.run("""
                graph.add_edge("q1", "q2")
                graph.add_node("q1", "first")
                graph.add_node("q2", "second")
                graph.add_edge("q2", "q3")
                """);

        assertThat(outcome.errors()).isEmpty();
        assertThat(graph.checkEdges()).singleElement().asString().contains("no node named 'q3'", "dropped");
        assertThat(graph.parentsOf("q2")).extracting(GraphNode::name).containsExactly("q1");
    }

    @Test
    void aReusedNodeNameIsAnErrorAndTheResponseNodeEndsTheGraph() {
        interpreter.run("graph.add_node('q1', 'x')");

        assertThat(interpreter.run("graph.add_node('q1', 'again')").errors()).singleElement().asString()
                .contains("exists already");
        assertThat(interpreter.run("graph.add_response_node()").errors()).isEmpty();
        assertThat(graph.hasResponse()).isTrue();
        assertThat(graph.node("response").kind()).isEqualTo(NodeKind.RESPONSE);
    }

    @Test
    void strayCharactersAndUnbalancedBracketsAreSyntaxErrors() {
        assertThat(interpreter.run("graph.add_node('q1', 'x') $").errors()).singleElement().asString()
                .contains("unexpected character '$'");
        assertThat(interpreter.run("graph.add_node('q1', 'x'").errors()).singleElement().asString()
                .contains("syntax error");
        assertThat(interpreter.run("graph.add_node('q1' 'x' 'y')").errors()).singleElement().asString()
                .contains("missing required argument(s): node_content");
    }
}
