package dev.polis.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accelerator plugin of docs/plugin-guide.md section 11, made from the guide alone (section 2's POM with section
 * 11's properties and dependencies, and its two Java files) in a folder outside the tree, builds quietly against the
 * installed Polis artifacts, passes its accelerator kit and packs a zip naming its extension: the guide's POM for
 * accelerator plugins cannot rot either.
 *
 * <p>Gated like {@link GeneratedPluginBuildTest}: {@code ./mvnw -o -q -pl examples/pipeline-in-code test
 * -Dtest=GuideAcceleratorBuildTest -Dpolis.test.pluginBuild=true}.
 */
@EnabledIfSystemProperty(named = "polis.test.pluginBuild", matches = "true")
class GuideAcceleratorBuildTest {

    private static final Pattern SECTION = Pattern.compile("\n## 11\\. .*?(?=\n## )", Pattern.DOTALL);
    private static final Pattern XML = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL);
    private static final Pattern JAVA = Pattern.compile("```java\n(package com\\.example\\.keeprecent;.*?)```",
            Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("^(?:public |final )*class (\\w+)", Pattern.MULTILINE);

    @Test
    @Timeout(900)
    void theGuidesAcceleratorPluginBuildsOutsideTheTreeAndPassesItsKit(@TempDir Path temp) throws Exception {
        Matcher section = SECTION.matcher(Files.readString(OutOfTreeBuild.ROOT.resolve("docs/plugin-guide.md")));
        assertThat(section.find()).as("section 11 of the guide").isTrue();
        Matcher xml = XML.matcher(section.group());
        assertThat(xml.find()).as("the POM fragment of section 11").isTrue();
        String fragment = xml.group(1);

        Path project = temp.resolve("keep-recent");
        Files.createDirectories(project);
        Files.writeString(project.resolve("pom.xml"), """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>dev.polis</groupId>
                    <artifactId>polis-plugin-parent</artifactId>
                    <version>0.1.0</version>
                    <relativePath/>
                  </parent>
                  <groupId>com.example</groupId>
                  <artifactId>keep-recent</artifactId>
                  <version>1.0.0</version>
                  %s
                  %s
                </project>
                """.formatted(fragment.substring(0, fragment.indexOf("<dependencies>")),
                withSectionTwosTestDependencies(fragment.substring(fragment.indexOf("<dependencies>")))));
        Matcher java = JAVA.matcher(section.group());
        int files = 0;
        while (java.find()) {
            Matcher name = CLASS.matcher(java.group(1));
            assertThat(name.find()).as("a class in\n" + java.group(1)).isTrue();
            String folder = name.group(1).endsWith("Test") ? "test" : "main";
            Path file = project.resolve("src/" + folder + "/java/com/example/keeprecent/" + name.group(1) + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, java.group(1));
            files++;
        }
        assertThat(files).as("the accelerator and its kit test").isEqualTo(2);
        OutOfTreeBuild.addWrapper(project);

        OutOfTreeBuild.verifyQuietly(project);
        assertThat(Files.readString(project.resolve(
                "target/surefire-reports/TEST-com.example.keeprecent.KeepRecentCompatibilityTest.xml")))
                .contains("failures=\"0\"", "errors=\"0\"").doesNotContain("tests=\"0\"");
        assertThat(project.resolve("target/keep-recent-1.0.0.zip")).isRegularFile();
        assertThat(project.resolve("target/classes/META-INF/extensions.idx"))
                .content().contains("com.example.keeprecent.KeepRecent");
    }

    /** Adds section 2's test dependencies (the kits, JUnit), which section 11 takes as given, to its list. */
    private static String withSectionTwosTestDependencies(String dependencies) {
        return dependencies.replaceFirst("<dependencies>", """
                <dependencies>
                    <dependency>
                      <groupId>dev.polis</groupId>
                      <artifactId>polis-sdk-testkit</artifactId>
                    </dependency>
                    <dependency>
                      <groupId>org.junit.jupiter</groupId>
                      <artifactId>junit-jupiter</artifactId>
                      <scope>test</scope>
                    </dependency>""");
    }
}
