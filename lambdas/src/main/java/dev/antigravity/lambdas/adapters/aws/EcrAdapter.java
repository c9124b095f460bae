package dev.antigravity.lambdas.adapters.aws;

import dev.antigravity.lambdas.domain.ConfigurationException;
import dev.antigravity.lambdas.domain.port.RegistryPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.TagStatus;

/** RegistryPort over ECR. Repository URIs never change, so they are cached for the life of the container. */
public final class EcrAdapter implements RegistryPort {
    private final EcrClient ecr;
    private final Map<String, String> uris = new ConcurrentHashMap<>();

    public EcrAdapter(EcrClient ecr) {
        this.ecr = ecr;
    }

    @Override
    public String repositoryUri(String repository) {
        return uris.computeIfAbsent(repository, name -> {
            try {
                return ecr.describeRepositories(r -> r.repositoryNames(name))
                        .repositories()
                        .getFirst()
                        .repositoryUri();
            } catch (RepositoryNotFoundException e) {
                throw new ConfigurationException("ECR repository " + name + " does not exist");
            }
        });
    }

    @Override
    public Optional<Instant> pushedAt(String repository, String digest) {
        try {
            return ecr
                    .describeImages(r -> r.repositoryName(repository).imageIds(id -> id.imageDigest(digest)))
                    .imageDetails()
                    .stream()
                    .findFirst()
                    .map(ImageDetail::imagePushedAt);
        } catch (ImageNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<PushedImage> recentImages(String repository, int limit) {
        List<PushedImage> images = new ArrayList<>();
        ecr.describeImagesPaginator(r -> r.repositoryName(repository).filter(f -> f.tagStatus(TagStatus.TAGGED)))
                .imageDetails()
                .forEach(detail -> images.add(new PushedImage(
                        detail.imageDigest(),
                        detail.imageTags(),
                        detail.imagePushedAt() == null ? Instant.EPOCH : detail.imagePushedAt())));
        return images.stream()
                .sorted(Comparator.comparing(PushedImage::pushedAt).reversed())
                .limit(limit)
                .toList();
    }
}
