package dev.antigravity.lambdas.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.antigravity.events.aws.EcrImageAction;
import dev.antigravity.lambdas.adapters.lambda.EventEntryPoint;
import dev.antigravity.lambdas.app.AcceptImage;
import dev.antigravity.lambdas.wiring.hooks.DaggerImagePushComponent;
import dev.antigravity.lambdas.wiring.hooks.ImagePushComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** ECR "Image Action" (PUSH, SUCCESS) → deploy the image to the services its repository feeds. */
public final class ImagePushHandler implements RequestStreamHandler {
    private final EventEntryPoint<EcrImageAction> entry;

    public ImagePushHandler() {
        this(System.getenv());
    }

    public ImagePushHandler(Map<String, String> environment) {
        this(DaggerImagePushComponent.factory().create(environment));
    }

    /** Over a graph built elsewhere (a test puts another ECS in it, see EcsModule). */
    public ImagePushHandler(ImagePushComponent graph) {
        entry = new EventEntryPoint<>(
                AcceptImage.HANDLER, EcrImageAction.class, graph.codec(), graph.acceptImage()::handle);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        entry.handle(input, output);
    }
}
