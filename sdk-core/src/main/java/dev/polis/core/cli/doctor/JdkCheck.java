package dev.polis.core.cli.doctor;

import dev.polis.api.diagnostics.CheckResult;
import dev.polis.api.diagnostics.DoctorCheck;

/**
 * Checks that Polis runs on Java 21 or newer, and says which Java it is (version, vendor, home).
 *
 * @param feature the feature release, for example 25
 * @param version the full {@code java.version}
 * @param vendor  the {@code java.vendor}
 * @param home    the {@code java.home}
 */
public record JdkCheck(int feature, String version, String vendor, String home) implements DoctorCheck {

    /** The oldest Java feature release Polis supports. */
    public static final int MINIMUM = 21;

    /** Returns the check for the Java this process runs on. */
    public static JdkCheck current() {
        return new JdkCheck(Runtime.version().feature(), System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("java.home"));
    }

    @Override
    public String id() {
        return "jdk";
    }

    @Override
    public CheckResult run() {
        String found = "Java " + version + " (" + vendor + ") at " + home;
        if (feature >= MINIMUM) {
            return CheckResult.pass(found);
        }
        return CheckResult.fail(found + " is older than Java " + MINIMUM,
                "install a JDK " + MINIMUM + " or newer and point POLIS_JAVA_HOME or JAVA_HOME at it");
    }
}
