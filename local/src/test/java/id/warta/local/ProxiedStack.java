package id.warta.local;

import id.warta.local.faults.FaultProxy;

/**
 * A stack of its own whose functions reach the shared emulators through fault proxies, one for
 * DynamoDB and one for SES ({@link TestStack#behindFaultProxy()}). Its harness client
 * ({@code stack().cloud().dynamo()}) goes through the proxy too; assertions that must not meet a
 * fault read through {@code TestStack.shared().cloud().dynamo()}. Close it when done.
 */
public record ProxiedStack(TestStack stack, FaultProxy dynamoDb, FaultProxy ses, Runnable stop)
        implements AutoCloseable {

    @Override
    public void close() {
        dynamoDb.clear();
        ses.clear();
        stop.run();
        dynamoDb.close();
        ses.close();
    }
}
