import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The image's HEALTHCHECK probe. The runtime image has no shell, curl or wget, so the jlinked JVM
 * runs this class: exit 0 when GET url (default http://127.0.0.1:8080/health) answers 200 within
 * the timeouts, 1 otherwise. java.base only, so it adds no module to the runtime.
 */
public final class HealthCheck {

    private HealthCheck() {}

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8080/health";
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(3_000);
            int status = connection.getResponseCode();
            if (status != 200) {
                System.err.println("health check: " + url + " answered " + status);
            }
            System.exit(status == 200 ? 0 : 1);
        } catch (Exception e) {
            System.err.println("health check: " + url + " failed: " + e);
            System.exit(1);
        }
    }
}
