import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Process CPU per access log line through the API's own logging ({@code JsonLogging.install}, whichever api-service
 * jar is on the class path): THREADS virtual threads each log LINES lines shaped like the access log's, standard
 * output piped to another process as a container's log driver reads it. A second round is measured after a first
 * that warms up. Prints to standard error.
 *
 * <p>{@code java -XX:+UseSerialGC -Xmn64m -cp "api-service/DIR/api-service.jar:api-service/DIR/libs/*"
 * bench/LogLineCost.java LINES THREADS LABEL 2>>results.txt | cat > /dev/null}
 */
void main(String[] args) throws Exception {
    int lines = Integer.parseInt(args[0]);
    int threads = Integer.parseInt(args[1]);
    String label = args.length > 2 ? args[2] : "";
    dev.antigravity.api.logging.JsonLogging.install("INFO");
    Logger access = Logger.getLogger("dev.antigravity.api.access");
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int round = 0; round < 2; round++) {
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.submit(() -> {
                    for (int i = 0; i < lines; i++) {
                        Map<String, Object> fields = new LinkedHashMap<>();
                        fields.put("method", "GET");
                        fields.put("route", "/api/products/{id}");
                        fields.put("path", "/api/products/" + i);
                        fields.put("status", 200);
                        fields.put("latency_ms", 1.25);
                        fields.put("correlation_id", "c-" + thread + "-" + i);
                        fields.put("subject", null);
                        LogRecord line = new LogRecord(Level.INFO, "request");
                        line.setLoggerName(access.getName());
                        line.setParameters(new Object[] {fields});
                        access.log(line);
                        if (i % 4 == 0) {
                            Thread.yield(); // other work between lines, as a request has
                        }
                    }
                });
            }
        }
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.flush();
        }
        if (round == 1) {
            long total = (long) threads * lines;
            System.err.printf(
                    "%s: %d threads, %.2f CPU µs/line, %.2f wall µs/line%n",
                    label,
                    threads,
                    (os.getProcessCpuTime() - cpu) / 1000.0 / total,
                    (System.nanoTime() - wall) / 1000.0 / total);
        }
    }
}
