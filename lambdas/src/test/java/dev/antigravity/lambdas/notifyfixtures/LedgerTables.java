package dev.antigravity.lambdas.notifyfixtures;

import dev.antigravity.events.testing.MotoServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A fresh ledger table in the shared moto_server, keyed as the Terraform contract says. */
public final class LedgerTables {
    private LedgerTables() {}

    public static String create(DynamoDbClient dynamo) {
        String table = MotoServer.uniqueName("ledger-notify");
        dynamo.createTable(create -> create.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("gsi1pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("gsi1sk").attributeType(ScalarAttributeType.S))
                .keySchema(
                        k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("by-service-time")
                        .keySchema(
                                k -> k.attributeName("gsi1pk").keyType(KeyType.HASH),
                                k -> k.attributeName("gsi1sk").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        return table;
    }
}
