package dev.antigravity.api.testsupport;

/**
 * Code under test that builds its AWS clients with the SDK's default credential chain (the notification sender, the
 * JDBC wrapper's Secrets Manager plugin) needs some credentials to talk to moto, which takes any.
 */
public final class DefaultAwsCredentials {
    private DefaultAwsCredentials() {}

    /** Test credentials as system properties, unless the environment or the JVM already has some. */
    public static void ensure() {
        if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "testing");
            System.setProperty("aws.secretAccessKey", "testing");
        }
    }
}
