package io.discogen.ir;

/**
 * A method that returns a long-running operation, and how to poll it.
 *
 * @param operationSchemaId the schema id of the operation type ({@code Operation})
 * @param pollMethodId the id of the API's own {@code operations.get} method
 * @param pollHttpMethod its HTTP verb
 * @param pollPath its path template ({@code v1/{+name}})
 * @param pollNameParameter its single path parameter, filled with the operation's name
 */
public record LongRunning(
    String operationSchemaId,
    String pollMethodId,
    String pollHttpMethod,
    String pollPath,
    String pollNameParameter) {}
