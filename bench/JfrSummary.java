import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording for bench/profile: where CPU samples were taken (self and
 * inclusive, the latter per method of our own code and per Helidon filter so that the cost of
 * each layer of a request is visible), and which JVM-wide operations (safepoints) ran how often.
 *
 * <p>{@code java bench/JfrSummary.java recording.jfr [TOP]}
 */
void main(String[] args) throws Exception {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> vmOperations = new HashMap<>();
    Map<String, Double> vmOperationMillis = new HashMap<>();
    int samples = 0;
    int safepoints = 0;
    double safepointMillis = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
        String type = event.getEventType().getName();
        if (type.equals("jdk.ExecuteVMOperation")) {
            vmOperations.merge(event.getString("operation"), 1, Integer::sum);
            vmOperationMillis.merge(event.getString("operation"), event.getDuration().toNanos() / 1e6, Double::sum);
        } else if (type.equals("jdk.SafepointBegin")) {
            safepoints++;
            safepointMillis += event.getDuration().toNanos() / 1e6;
        } else if ((type.equals("jdk.ExecutionSample") || type.equals("jdk.CPUTimeSample"))
                && event.getStackTrace() != null) {
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.getFirst()), 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
            }
        }
    }
    System.out.printf("%d CPU samples%n", samples);
    print("Self (top frame)", self, samples, top, name -> true);
    print("Inclusive, application code", inclusive, samples, top, name -> name.startsWith("dev.antigravity."));
    print("Inclusive, libraries of interest", inclusive, samples, top, name -> name.matches(
            "(io\\.helidon\\.(health|dbclient|metrics|webserver\\.observe)|com\\.zaxxer|org\\.postgresql|org\\.h2|"
                    + "com\\.nimbusds|com\\.fasterxml|com\\.stripe|com\\.google\\.gson|redis\\.clients|sun\\.net\\.www|"
                    + "java\\.util\\.logging|java\\.lang\\.management|"
                    + "sun\\.management|java\\.io\\.PrintStream).*"));
    System.out.printf("%nSafepoints: %d, all Java threads stopped for %.1f ms in total%n", safepoints, safepointMillis);
    System.out.println("JVM operations run by the VM thread (count, total ms)");
    vmOperations.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .forEach(e -> System.out.printf("  %8d  %9.1f ms  %s%n", e.getValue(), vmOperationMillis.get(e.getKey()), e.getKey()));
}

String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
}

void print(String title, Map<String, Integer> counts, int samples, int top, java.util.function.Predicate<String> keep) {
    System.out.println("\n" + title);
    counts.entrySet().stream().filter(e -> keep.test(e.getKey()))
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
            .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
}
